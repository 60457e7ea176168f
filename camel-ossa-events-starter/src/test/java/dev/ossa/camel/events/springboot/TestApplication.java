package dev.ossa.camel.events.springboot;

import org.apache.camel.builder.RouteBuilder;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/**
 * The application the tests run: one route that sends what reaches {@code direct:events} to {@code ossa-events:}, with
 * every option from {@code application.yaml}.
 */
@SpringBootApplication
public class TestApplication {

    @Bean
    RouteBuilder eventsRoute() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:events").routeId("events").to("ossa-events:dev.ossa.tool.called");
            }
        };
    }
}
