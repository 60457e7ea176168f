package dev.ossa.example.collector;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.cloudevents.CloudEvent;
import io.cloudevents.jackson.JsonFormat;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServer;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.main.BaseMainSupport;
import org.apache.camel.main.Main;
import org.apache.camel.main.MainListenerSupport;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.ossa.camel.events.event.OssaCloudEvent;
import dev.ossa.example.EmbeddedKafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The collector as its launcher runs it (camel-main with {@code collector.properties}), receiving events that
 * {@code ossa-events} endpoints send over real HTTP (structured, binary, batch) and through a real Kafka broker
 * (binary): every event lands in the JSON Lines file, where the CloudEvents Java SDK reads it; the failed ones reach
 * the alert endpoint; {@code GET /counts} counts them per type; an invalid message is answered 400.
 */
class EventCollectorTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static KafkaClusterTestKit kafka;

    @TempDir
    Path dir;

    @BeforeAll
    static void startBroker() throws Exception {
        kafka = EmbeddedKafka.start();
    }

    @AfterAll
    static void stopBroker() throws Exception {
        if (kafka != null) {
            kafka.close();
        }
    }

    @Test
    void collectsAlertsAndCountsEventsFromHttpAndKafka() throws Exception {
        Main collector = EventCollectorApplication.create();
        Map.of("collector.http.port", "0", "collector.dir", dir.toString(), "collector.kafka.enabled", "true",
                "collector.kafka.brokers", kafka.bootstrapServers(), "collector.kafka.topic", "collected",
                "collector.alert-uri", "mock:alerts", "camel.main.duration-max-seconds", "120")
                .forEach(collector::addOverrideProperty);
        AtomicReference<CamelContext> started = new AtomicReference<>();
        collector.addMainListener(new MainListenerSupport() {
            @Override
            public void afterStart(BaseMainSupport main) {
                started.set(main.getCamelContext());
            }
        });
        Thread running = new Thread(() -> {
            try {
                collector.run();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }, "collector");
        running.start();
        try {
            CamelContext context = awaitStart(started);
            int port = context.hasService(VertxPlatformHttpServer.class).getPort();
            MockEndpoint alerts = context.getEndpoint("mock:alerts", MockEndpoint.class);
            alerts.expectedMessageCount(2);

            emit(port);

            Path file = dir.resolve("events.jsonl");
            List<String> lines = awaitLines(file, 7);
            Set<String> ids = lines.stream().map(line -> new JsonFormat().deserialize(line.getBytes(StandardCharsets.UTF_8)))
                    .map(CloudEvent::getId).collect(Collectors.toSet());
            assertEquals(Set.of("h1", "h2", "b1", "b2", "b3", "k1", "k2"), ids);
            alerts.assertIsSatisfied(30_000);
            assertEquals(Set.of("h2", "k2"), alerts.getExchanges().stream()
                    .map(e -> e.getMessage().getBody(OssaCloudEvent.class).getId()).collect(Collectors.toSet()));
            assertEquals(JSON.readTree("{\"dev.ossa.agent.started\":2,\"dev.ossa.tool.called\":3,"
                    + "\"dev.ossa.tool.failed\":1,\"dev.ossa.agent.failed\":1}"),
                    JSON.readTree(get(port, "/counts")));

            HttpResponse<String> invalid = post(port, "application/cloudevents+json",
                    "{\"specversion\":\"1.0\",\"id\":\"\",\"source\":\"/a\",\"type\":\"t\"}");
            assertEquals(400, invalid.statusCode());
            assertEquals("Invalid CloudEvent attribute 'id': must not be empty", invalid.body());
        } finally {
            collector.completed();
            running.join(60_000);
        }
    }

    /** What agents send: ossa-events endpoints of another application, to the collector's HTTP and Kafka. */
    private static void emit(int port) throws Exception {
        try (CamelContext agents = new DefaultCamelContext()) {
            agents.start();
            ProducerTemplate template = agents.createProducerTemplate();
            String http = "&source=/agents/a&sink=http://127.0.0.1:" + port + "/events";
            template.sendBodyAndHeader("ossa-events:dev.ossa.agent.started?mode=structured" + http,
                    Map.of("goal", "plan"), "CamelCloudEventID", "h1");
            template.sendBodyAndHeader("ossa-events:dev.ossa.tool.failed?mode=binary" + http,
                    Map.of("error", "timeout"), "CamelCloudEventID", "h2");
            for (String id : List.of("b1", "b2", "b3")) {
                template.sendBodyAndHeader("ossa-events:dev.ossa.tool.called?mode=batch&batchSize=3" + http,
                        Map.of("tool", "search"), "CamelCloudEventID", id);
            }
            String kafkaSink = "&source=/agents/k&mode=binary&sink=kafka:collected?brokers=" + kafka.bootstrapServers();
            template.sendBodyAndHeader("ossa-events:dev.ossa.agent.started?" + kafkaSink.substring(1),
                    null, "CamelCloudEventID", "k1");
            template.sendBodyAndHeader("ossa-events:dev.ossa.agent.failed?" + kafkaSink.substring(1),
                    "boom", "CamelCloudEventID", "k2");
        }
    }

    private static CamelContext awaitStart(AtomicReference<CamelContext> started) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (started.get() == null && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertTrue(started.get() != null, "the collector did not start");
        return started.get();
    }

    private static List<String> awaitLines(Path file, int count) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        List<String> lines = List.of();
        while (System.nanoTime() < deadline) {
            lines = Files.exists(file) ? Files.readAllLines(file).stream().filter(l -> !l.isBlank()).toList() : lines;
            if (lines.size() >= count) {
                return lines;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("Expected " + count + " lines in " + file + ", got " + lines);
    }

    private static String get(int port, String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .GET().build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    private static HttpResponse<String> post(int port, String contentType, String body) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/events"))
                .header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
