package dev.ossa.camel.events.springboot;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.BooleanSupplier;

import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * A real Spring Boot application on a random port, configured by {@code src/test/resources/application.yaml}, whose
 * ossa-events sink is a real HTTP collector. Every test class that extends this shares one application (Spring's test
 * context cache); each test sends events of its own type, so that the meters it reads count only its events.
 */
@SpringBootTest(classes = TestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class SpringBootAppTest {

    static final HttpCollector COLLECTOR = new HttpCollector();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @LocalServerPort
    int port;
    @Autowired
    ProducerTemplate template;
    @Autowired
    CamelContext camelContext;

    @DynamicPropertySource
    static void collector(DynamicPropertyRegistry registry) {
        registry.add("test.collector.url", () -> COLLECTOR.url("/events"));
    }

    /** Sends one exchange to the route, with the CloudEvent type {@code type}. */
    void send(String type, Object body) {
        template.sendBodyAndHeader("direct:events", body, "CamelCloudEventType", type);
    }

    /** A GET on the application's own port, over real HTTP. */
    HttpResponse<String> get(String path) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                    .timeout(Duration.ofSeconds(30)).GET().build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Waits, up to a generous 30 seconds, until {@code condition} holds. */
    static void await(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                fail("Timed out waiting until " + what);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                fail("Interrupted waiting until " + what);
            }
        }
    }
}
