package dev.ossa.camel.events.delivery;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.ossa.camel.events.OssaEventsEndpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * When a batch leaves: as soon as it is full, within {@code flushInterval} when it is not, and on stop for the rest.
 */
class BatchCompletionTest extends CamelTestSupport {

    private static final Logger LOG = LoggerFactory.getLogger(BatchCompletionTest.class);
    private static final long FLUSH_INTERVAL = 1000;

    private final RecordingHttpSink sink = RecordingHttpSink.start();

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:full").to(ossa("dev.ossa.tool.called", "batchSize=10&flushInterval=60000"));
                from("direct:unfilled").to(ossa("dev.ossa.tool.completed", "batchSize=100&flushInterval=" + FLUSH_INTERVAL));
                from("direct:trickle").to(ossa("dev.ossa.turn.started", "batchSize=100&flushInterval=" + FLUSH_INTERVAL));
            }
        };
    }

    private String ossa(String type, String options) {
        return "ossa-events:" + type + "?source=/agents/batching&mode=batch&sink=" + sink.uri() + "&" + options;
    }

    @AfterEach
    void stopCamelThenSink() {
        context.stop();
        sink.close();
    }

    @Test
    void fullBatchesLeaveAtOnceAndTheRestOnStop() {
        List<String> sent = EventSender.send(template, "direct:full", 25);

        sink.awaitAcceptedEvents(20, Duration.ofSeconds(20));
        List<RecordingHttpSink.Request> beforeStop = sink.requests();
        assertEquals(2, beforeStop.size(), "two full batches, long before the 60 s flush interval");
        assertEquals(10, beforeStop.get(0).events().size());
        assertEquals(10, beforeStop.get(1).events().size());
        OssaEventsEndpoint endpoint = context.getEndpoints().stream()
                .filter(e -> e.getEndpointUri().contains("tool.called")).map(OssaEventsEndpoint.class::cast)
                .findFirst().orElseThrow();
        Deadline.await(() -> endpoint.getEventsPending() == 5, Duration.ofSeconds(20),
                () -> endpoint.getEventsPending() + " pending");

        context.stop();

        List<RecordingHttpSink.Request> all = sink.requests();
        assertEquals(3, all.size(), "the last 5 events leave on stop, as one batch");
        assertEquals(5, all.get(2).events().size());
        assertEquals(sent, sink.acceptedIds(), "every event once, in the order sent");
        assertEquals(0, endpoint.getEventsPending());
        assertEquals(25, endpoint.getEventsDelivered());
    }

    @Test
    void unfilledBatchLeavesWithinTheFlushInterval() {
        long start = System.nanoTime();
        List<String> sent = EventSender.send(template, "direct:unfilled", 3);

        sink.awaitAcceptedEvents(3, Duration.ofSeconds(20));
        long waitedMillis = (sink.requests().get(0).arrivedNanos() - start) / 1_000_000;

        LOG.info("An unfilled batch of 3 (batchSize=100, flushInterval={} ms) reached the sink {} ms after the first"
                 + " event was sent", FLUSH_INTERVAL, waitedMillis);
        assertEquals(sent, sink.acceptedIds());
        assertEquals(1, sink.requests().size(), "the three events leave together, as one batch");
        assertTrue(waitedMillis < 3 * FLUSH_INTERVAL, "waited " + waitedMillis + " ms");
    }

    @Test
    void trickleBelowBatchSizeNeverHoldsAnEventMuchLongerThanTheFlushInterval() throws InterruptedException {
        int events = 20;
        Map<String, Long> sentAt = new HashMap<>();
        for (int i = 0; i < events; i++) {
            long now = System.nanoTime();
            sentAt.put(EventSender.send(template, "direct:trickle", Map.of("n", i)), now);
            Thread.sleep(250);
        }

        sink.awaitAcceptedEvents(events, Duration.ofSeconds(20));

        long max = 0;
        long sum = 0;
        for (RecordingHttpSink.Request request : sink.acceptedRequests()) {
            for (var event : request.events()) {
                long waited = (request.arrivedNanos() - sentAt.get(event.getId())) / 1_000_000;
                max = Math.max(max, waited);
                sum += waited;
            }
        }
        LOG.info("Trickle of {} events, one every 250 ms, batchSize=100, flushInterval={} ms: {} batches,"
                 + " longest wait {} ms, mean wait {} ms", events, FLUSH_INTERVAL, sink.acceptedRequests().size(), max,
                sum / events);
        assertEquals(sentAt.keySet(), Set.copyOf(sink.acceptedIds()));
        assertTrue(sink.acceptedRequests().size() > 1, "the trickle leaves in several batches while it lasts");
        assertTrue(max < 3 * FLUSH_INTERVAL, "longest wait " + max + " ms");
    }
}
