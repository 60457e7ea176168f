package dev.ossa.example.springboot;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The example as it runs, on a random port: its YAML routes emit events configured by {@code application.yaml}, and
 * actuator shows the component's health check, its meters in Prometheus format, and masks the sink header.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OssaEventsSpringBootApplicationTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @Test
    void actuatorShowsTheHealthCheckAndTheMeters() throws Exception {
        Pattern delivered = Pattern.compile(
                "^ossa_events_delivered_total\\{sink=\"stdout\",type=\"dev.ossa.tool.completed\"} (\\S+)$",
                Pattern.MULTILINE);
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (true) {
            Matcher matcher = delivered.matcher(get("/actuator/prometheus").body());
            if (matcher.find() && Double.parseDouble(matcher.group(1)) >= 2) {
                break;
            }
            if (System.nanoTime() > deadline) {
                fail("no two tool.completed events delivered: " + get("/actuator/prometheus").body());
            }
            Thread.sleep(200);
        }
        String scrape = get("/actuator/prometheus").body();
        assertTrue(scrape.contains("ossa_events_accepted_total{sink=\"stdout\",type=\"dev.ossa.tool.called\"}"),
                scrape);
        assertTrue(scrape.contains("ossa_events_delivery_seconds_count{sink=\"stdout\",type=\"dev.ossa.tool.called\"}"),
                scrape);

        HttpResponse<String> health = get("/actuator/health");
        assertEquals(200, health.statusCode(), health.body());
        assertTrue(health.body().contains("\"ossa-events:stdout\":\"UP\""), health.body());

        HttpResponse<String> env = get("/actuator/env/camel.component.ossa-events.sink-headers.Authorization");
        assertFalse(env.body().contains("example-token"), env.body());
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
