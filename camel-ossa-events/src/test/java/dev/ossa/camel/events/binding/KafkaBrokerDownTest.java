package dev.ossa.camel.events.binding;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.LongSupplier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.Test;

import dev.ossa.camel.events.OssaEventsConstants;
import dev.ossa.camel.events.OssaEventsEndpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A Kafka sink whose broker is down (a closed port): an unbatched exchange fails once camel-kafka's own timeouts have
 * passed, with a message that names the sink; a batch is a failed delivery that is retried, then dead-lettered.
 * Short producer timeouts in the sink URI keep the test fast.
 */
class KafkaBrokerDownTest extends CamelTestSupport {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String TIMEOUTS = "&maxBlockMs=500&requestTimeoutMs=500&deliveryTimeoutMs=1000&lingerMs=0";

    private final List<String> deadLetters = new CopyOnWriteArrayList<>();

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:dead").process(e -> deadLetters.add(e.getIn().getBody(String.class)));
            }
        };
    }

    @Test
    void unbatchedExchangeFailsWithAMessageNamingTheKafkaSinkAndTheReason() throws Exception {
        String sink = "kafka:ossa-down?brokers=127.0.0.1:" + closedPort() + TIMEOUTS;
        String uri = "ossa-events:dev.ossa.agent.failed?source=/agents/planner&sink=RAW(" + sink + ")";

        Exchange exchange = template.send(uri, e -> e.getIn().setBody("{\"error\":\"boom\"}"));

        SinkDeliveryException failure = assertInstanceOf(SinkDeliveryException.class, exchange.getException());
        String message = failure.getMessage();
        assertTrue(message.startsWith("Kafka sink kafka:ossa-down?brokers=127.0.0.1:"), message);
        assertTrue(message.contains("did not take the records"), message);
        assertTrue(message.contains("TimeoutException"), message);
        assertTrue(message.contains("Check that the brokers are reachable"), message);
        OssaEventsEndpoint endpoint = context.getEndpoint(uri, OssaEventsEndpoint.class);
        assertEquals(1, endpoint.getEventsFailed());
        assertEquals(0, endpoint.getEventsDelivered());
    }

    @Test
    void failureMessageHidesTheSecretsOfTheSinkUri() throws Exception {
        String sink = "kafka:ossa-down?brokers=127.0.0.1:" + closedPort() + TIMEOUTS
                      + "&securityProtocol=SASL_PLAINTEXT&saslMechanism=PLAIN&saslJaasConfig=RAW("
                      + "org.apache.kafka.common.security.plain.PlainLoginModule required username=\"agent\""
                      + " password=\"s3cret-pw\";)";
        String uri = "ossa-events:dev.ossa.agent.failed?source=/agents/planner&sink=RAW(" + sink + ")";

        Exchange exchange = template.send(uri, e -> e.getIn().setBody("{}"));

        String message = assertInstanceOf(SinkDeliveryException.class, exchange.getException()).getMessage();
        assertTrue(message.contains("saslJaasConfig=xxxxxx"), message);
        assertFalse(message.contains("s3cret-pw"), message);
    }

    @Test
    void batchedEventsAreRetriedThenSentToTheDeadLetterAndCountedAsFailed() throws Exception {
        String sink = "kafka:ossa-down?brokers=127.0.0.1:" + closedPort() + TIMEOUTS;
        String uri = "ossa-events:dev.ossa.agent.failed?source=/agents/planner&batchSize=2&flushInterval=200"
                     + "&maximumRedeliveries=1&redeliveryDelay=10&deadLetterUri=direct:dead&sink=RAW(" + sink + ")";

        Exchange first = template.send(uri, e -> e.getIn().setBody("{\"n\":1}"));
        Exchange second = template.send(uri, e -> e.getIn().setBody("{\"n\":2}"));
        assertNull(first.getException(), "a batched exchange completes when its event is accepted");
        assertNull(second.getException());

        OssaEventsEndpoint endpoint = context.getEndpoint(uri, OssaEventsEndpoint.class);
        awaitCount(2, endpoint::getEventsDeadLettered, "events dead-lettered");
        assertEquals(2, endpoint.getEventsFailed());
        assertEquals(0, endpoint.getEventsDelivered());
        assertEquals(0, endpoint.getEventsPending());

        assertEquals(1, deadLetters.size(), "one dead letter for the batch");
        JsonNode batch = new ObjectMapper().readTree(deadLetters.get(0));
        assertEquals(2, batch.size());
        assertEquals(first.getMessage().getHeader(OssaEventsConstants.ID), batch.get(0).get("id").asText());
        assertEquals(second.getMessage().getHeader(OssaEventsConstants.ID), batch.get(1).get("id").asText());
    }

    /** A loopback port that nothing listens on. */
    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static void awaitCount(long expected, LongSupplier count, String what) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (count.getAsLong() != expected && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertEquals(expected, count.getAsLong(), what);
    }
}
