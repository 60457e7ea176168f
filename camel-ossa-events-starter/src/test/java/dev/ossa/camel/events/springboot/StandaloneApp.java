package dev.ossa.camel.events.springboot;

import java.util.stream.Stream;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The test application started on its own (no web server), with properties given as command-line arguments, which
 * take precedence over its {@code application.yaml}.
 */
final class StandaloneApp {

    private StandaloneApp() {
    }

    static ConfigurableApplicationContext run(String... properties) {
        String[] args = Stream.concat(Stream.of("test.collector.url=" + SpringBootAppTest.COLLECTOR.url("/standalone")),
                Stream.of(properties)).map(property -> "--" + property).toArray(String[]::new);
        return new SpringApplicationBuilder(TestApplication.class).web(WebApplicationType.NONE).run(args);
    }
}
