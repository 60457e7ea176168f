package dev.ossa.camel.events.springboot;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** The test application started on its own (no web server), with properties over its {@code application.yaml}. */
final class StandaloneApp {

    private StandaloneApp() {
    }

    static ConfigurableApplicationContext run(String... properties) {
        return new SpringApplicationBuilder(TestApplication.class).web(WebApplicationType.NONE)
                .properties("test.collector.url=" + SpringBootAppTest.COLLECTOR.url("/standalone"))
                .properties(properties).run();
    }
}
