package dev.ossa.example.springboot;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * A Spring Boot application whose YAML routes ({@code src/main/resources/camel/}) emit OSSA events through the
 * {@code ossa-events} component, configured only by {@code application.yaml}; actuator health and Prometheus metrics
 * show the component's health check and meters.
 */
@SpringBootApplication
public class OssaEventsSpringBootApplication {

    public static void main(String[] args) {
        SpringApplication.run(OssaEventsSpringBootApplication.class, args);
    }
}
