package dev.ossa.camel.events.binding;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.KafkaMessageFactory;
import org.apache.camel.AsyncProducer;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.ossa.camel.events.OssaEventsConstants;
import dev.ossa.camel.events.OssaEventsEndpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Unbatched delivery to a real broker takes part in Camel's asynchronous routing: an exchange completes when Kafka
 * has acknowledged its record, without holding the sending thread meanwhile, so many sends are in flight at once;
 * a send that fails still fails its own exchange, and only that one.
 */
@ExtendWith(EmbeddedKafkaBroker.class)
class KafkaUnbatchedInFlightTest extends CamelTestSupport {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @Test
    void sendsFromOneThreadAreInFlightTogetherAndEachCompletesWhenItsRecordIsAcknowledged() throws Exception {
        String topic = EmbeddedKafkaBroker.newTopic("unbatched-inflight", 1);
        // A long linger: Kafka holds the records a while before it sends them, so a producer that waited for each
        // acknowledgement would have one event in flight at a time.
        String uri = endpoint(topic, "&lingerMs=1000");
        OssaEventsEndpoint endpoint = context.getEndpoint(uri, OssaEventsEndpoint.class);
        int events = 200;
        AtomicInteger mostInFlight = new AtomicInteger();
        List<Exchange> exchanges = sendFromOneThread(endpoint, events, i -> Map.of("seq", i), mostInFlight);

        assertTrue(mostInFlight.get() > 1, "sends in flight at once: " + mostInFlight.get());
        List<String> sent = new ArrayList<>();
        for (Exchange exchange : exchanges) {
            assertNull(exchange.getException());
            sent.add(exchange.getMessage().getHeader(OssaEventsConstants.ID, String.class));
        }
        List<String> received = new ArrayList<>();
        for (ConsumerRecord<byte[], byte[]> record : EmbeddedKafkaBroker.read(topic, events, WAIT)) {
            CloudEvent event = KafkaMessageFactory.createReader(record).toEvent();
            received.add(event.getId());
        }
        assertEquals(sent, received, "every event once, in send order on one partition");
        assertEquals(events, endpoint.getEventsDelivered());
        assertEquals(0, endpoint.getEventsFailed());
    }

    @Test
    void aRouteWithConcurrentConsumersDeliversEveryEventUnbatched() throws Exception {
        String topic = EmbeddedKafkaBroker.newTopic("unbatched-seda", 1);
        String uri = endpoint(topic, "");
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("seda:events?concurrentConsumers=4&size=2000").to(uri);
            }
        });
        int threads = 4;
        int perThread = 250;
        ExecutorService callers = Executors.newFixedThreadPool(threads);
        List<Future<List<String>>> ids = new ArrayList<>();
        try {
            for (int t = 0; t < threads; t++) {
                int caller = t;
                ids.add(callers.submit(() -> {
                    List<String> sent = new ArrayList<>();
                    for (int i = 0; i < perThread; i++) {
                        Exchange exchange = template.send("seda:events?waitForTaskToComplete=Always",
                                e -> e.getIn().setBody(Map.of("caller", caller)));
                        assertNull(exchange.getException());
                        sent.add(exchange.getMessage().getHeader(OssaEventsConstants.ID, String.class));
                    }
                    return sent;
                }));
            }
            Set<String> sent = new HashSet<>();
            for (Future<List<String>> caller : ids) {
                sent.addAll(caller.get(WAIT.toSeconds(), TimeUnit.SECONDS));
            }
            Set<String> received = new HashSet<>();
            for (ConsumerRecord<byte[], byte[]> record : EmbeddedKafkaBroker.read(topic, threads * perThread, WAIT)) {
                received.add(KafkaMessageFactory.createReader(record).toEvent().getId());
            }
            assertEquals(threads * perThread, sent.size(), "distinct ids");
            assertEquals(sent, received);
        } finally {
            callers.shutdownNow();
        }
    }

    @Test
    void aRecordKafkaRefusesFailsOnlyItsOwnExchange() throws Exception {
        String topic = EmbeddedKafkaBroker.newTopic("unbatched-too-large", 1);
        String uri = endpoint(topic, "&lingerMs=200&maxRequestSize=20000");
        OssaEventsEndpoint endpoint = context.getEndpoint(uri, OssaEventsEndpoint.class);
        int events = 20;
        int tooLarge = 7;
        List<Exchange> exchanges = sendFromOneThread(endpoint, events,
                i -> Map.of("seq", i, "text", i == tooLarge ? "x".repeat(50_000) : "small"), new AtomicInteger());

        SinkDeliveryException failure = assertInstanceOf(SinkDeliveryException.class,
                exchanges.get(tooLarge).getException());
        assertTrue(failure.getMessage().contains("RecordTooLargeException"), failure.getMessage());
        Set<String> delivered = new HashSet<>();
        for (int i = 0; i < events; i++) {
            if (i != tooLarge) {
                assertNull(exchanges.get(i).getException(), "exchange " + i);
                delivered.add(exchanges.get(i).getMessage().getHeader(OssaEventsConstants.ID, String.class));
            }
        }
        Set<String> received = new HashSet<>();
        for (ConsumerRecord<byte[], byte[]> record : EmbeddedKafkaBroker.read(topic, events - 1, WAIT)) {
            received.add(KafkaMessageFactory.createReader(record).toEvent().getId());
        }
        assertEquals(delivered, received);
        assertEquals(events - 1, endpoint.getEventsDelivered());
        assertEquals(1, endpoint.getEventsFailed());
    }

    @Test
    void sendsInFlightToABrokerThatIsDownEachFailTheirOwnExchange() throws Exception {
        String sink = "kafka:ossa-down?brokers=127.0.0.1:" + closedPort()
                      + "&maxBlockMs=500&requestTimeoutMs=500&deliveryTimeoutMs=1000&lingerMs=0";
        String uri = "ossa-events:dev.ossa.tool.completed?source=/agents&sink=RAW(" + sink + ")";
        OssaEventsEndpoint endpoint = context.getEndpoint(uri, OssaEventsEndpoint.class);
        int events = 5;
        List<Exchange> exchanges = sendFromOneThread(endpoint, events, i -> Map.of("seq", i), new AtomicInteger());

        for (Exchange exchange : exchanges) {
            SinkDeliveryException failure = assertInstanceOf(SinkDeliveryException.class, exchange.getException());
            assertTrue(failure.getMessage().contains("TimeoutException"), failure.getMessage());
        }
        assertEquals(events, endpoint.getEventsFailed());
        assertEquals(0, endpoint.getEventsDelivered());
    }

    /**
     * Sends {@code events} exchanges from this thread through the endpoint's asynchronous producer, without waiting
     * between them, and waits until every one has completed; {@code mostInFlight} gets the most that were on their
     * way at once.
     */
    private static List<Exchange> sendFromOneThread(OssaEventsEndpoint endpoint, int events,
                                                    IntFunction<Object> body, AtomicInteger mostInFlight)
            throws Exception {
        AsyncProducer producer = endpoint.createAsyncProducer();
        producer.start();
        AtomicInteger inFlight = new AtomicInteger();
        CountDownLatch completed = new CountDownLatch(events);
        List<Exchange> exchanges = new ArrayList<>();
        try {
            for (int i = 0; i < events; i++) {
                Exchange exchange = endpoint.createExchange();
                exchange.getIn().setBody(body.apply(i));
                exchanges.add(exchange);
                mostInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
                producer.process(exchange, doneSync -> {
                    inFlight.decrementAndGet();
                    completed.countDown();
                });
            }
            assertTrue(completed.await(WAIT.toSeconds(), TimeUnit.SECONDS), "every exchange completes");
        } finally {
            producer.stop();
        }
        return exchanges;
    }

    private static String endpoint(String topic, String kafkaOptions) {
        return "ossa-events:dev.ossa.tool.completed?source=/agents&mode=binary&sink=RAW(kafka:" + topic + "?brokers="
               + EmbeddedKafkaBroker.bootstrapServers() + kafkaOptions + ")";
    }

    /** A loopback port that nothing listens on. */
    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
