package dev.ossa.camel.events.binding;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.ossa.camel.events.OssaEventsConstants;
import dev.ossa.camel.events.OssaEventsEndpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A Kafka sink whose broker is down (a closed port), with batches of 20 records and {@code maxBlockMs=3000}: an
 * attempt costs one {@code maxBlockMs}, not one per record (20 × 3 s), and a context stop that retries forever ends
 * within {@code stopTimeout} with every event dead-lettered. Both are awaited with bounds that a delivery waiting
 * 3 s for each record would exceed.
 */
class KafkaBrokerDownStopTest {

    private static final String TIMEOUTS = "&maxBlockMs=3000&requestTimeoutMs=3000&deliveryTimeoutMs=6000&lingerMs=0";

    private final CamelContext context = new DefaultCamelContext();
    private final List<String> deadLetters = new CopyOnWriteArrayList<>();

    @AfterEach
    void stop() {
        context.stop();
    }

    @Test
    void anAttemptOnABatchCostsOneMaxBlockMsNotOnePerRecord() throws Exception {
        start("&maximumRedeliveries=0");
        List<String> sent = send(20);
        OssaEventsEndpoint endpoint = endpoint("&maximumRedeliveries=0");

        awaitDeadLettered(endpoint, 20, 30);

        assertEquals(new HashSet<>(sent), deadLetteredIds());
    }

    @Test
    void contextStopWithTheBrokerDownEndsWithinStopTimeoutAndDeadLettersEveryEvent() throws Exception {
        start("&maximumRedeliveries=-1&stopTimeout=4000");
        List<String> sent = send(40);
        OssaEventsEndpoint endpoint = endpoint("&maximumRedeliveries=-1&stopTimeout=4000");

        CompletableFuture.runAsync(context::stop).get(30, TimeUnit.SECONDS);

        assertEquals(new HashSet<>(sent), deadLetteredIds());
        assertEquals(40, endpoint.getEventsFailed());
        assertEquals(40, endpoint.getEventsDeadLettered());
        assertEquals(0, endpoint.getEventsPending());
    }

    private void start(String options) throws Exception {
        String uri = uri(options);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:dead").process(e -> deadLetters.add(e.getIn().getBody(String.class)));
                from("direct:events").to(uri);
            }
        });
        context.start();
    }

    private String uri(String options) {
        return "ossa-events:dev.ossa.agent.failed?source=/agents/planner&batchSize=20&flushInterval=60000"
               + "&redeliveryDelay=10&deadLetterUri=direct:dead&sink=RAW(kafka:ossa-down?brokers=127.0.0.1:" + PORT
               + TIMEOUTS + ")" + options;
    }

    private static final int PORT = closedPort();

    private OssaEventsEndpoint endpoint(String options) {
        return context.getEndpoint(uri(options), OssaEventsEndpoint.class);
    }

    private List<String> send(int count) {
        ProducerTemplate template = context.createProducerTemplate();
        return java.util.stream.IntStream.range(0, count).mapToObj(i -> template.send("direct:events",
                e -> e.getIn().setBody("{\"n\":" + i + "}")).getMessage().getHeader(OssaEventsConstants.ID,
                        String.class)).toList();
    }

    private Set<String> deadLetteredIds() throws IOException {
        Set<String> ids = new HashSet<>();
        ObjectMapper mapper = new ObjectMapper();
        for (String batch : deadLetters) {
            for (JsonNode event : mapper.readTree(batch)) {
                ids.add(event.get("id").asText());
            }
        }
        return ids;
    }

    private static void awaitDeadLettered(OssaEventsEndpoint endpoint, long count, long seconds)
            throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (endpoint.getEventsDeadLettered() < count && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertTrue(endpoint.getEventsDeadLettered() >= count, endpoint.getEventsDeadLettered() + " of " + count
                                                               + " dead-lettered within " + seconds + " s");
    }

    /** A loopback port that nothing listens on. */
    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
