package dev.ossa.camel.events.delivery;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.camel.Exchange;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import dev.ossa.camel.events.OssaEventsEndpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * With a sink that hangs, a batch stream holds at most {@link BatchDispatcher#PENDING_BATCHES} × batchSize pending
 * events whatever the number of sender threads; the senders beyond wait, and every event arrives once the sink
 * answers. A sender that waits longer than {@code acceptTimeout} fails with an exception that says why.
 */
class PendingLimitTest extends CamelTestSupport {

    private static final int BATCH_SIZE = 10;
    private static final int LIMIT = BatchDispatcher.PENDING_BATCHES * BATCH_SIZE;

    private final RecordingHttpSink sink = RecordingHttpSink.start();
    private final CountDownLatch sinkAnswers = new CountDownLatch(1);

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:emit").to("ossa-events:dev.ossa.turn.completed?source=/agents/busy&batchSize="
                                       + BATCH_SIZE + "&flushInterval=200&mode=batch&acceptTimeout=120000&sink="
                                       + sink.uri());
                from("direct:impatient").to("ossa-events:dev.ossa.turn.started?source=/agents/busy&batchSize="
                                            + BATCH_SIZE + "&flushInterval=200&acceptTimeout=500&sink=" + sink.uri());
            }
        };
    }

    @AfterEach
    void stopCamelThenSink() {
        sinkAnswers.countDown();
        context.stop();
        sink.close();
    }

    @ParameterizedTest(name = "{0} sender threads")
    @ValueSource(ints = { 1, 4, 16, 64 })
    void pendingEventsStayWithinTheLimitWhateverTheNumberOfSenders(int threads) throws Exception {
        sink.holdAnswersUntil(sinkAnswers);
        OssaEventsEndpoint endpoint = endpoint("turn.completed");
        int perThread = Math.max(LIMIT, 100) / threads + 5;
        ExecutorService senders = Executors.newFixedThreadPool(threads);
        List<Future<List<String>>> sending = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            sending.add(senders.submit(() -> EventSender.send(template, "direct:emit", perThread)));
        }
        AtomicLong mostPending = new AtomicLong();
        Deadline.await(() -> {
            mostPending.accumulateAndGet(endpoint.getEventsPending(), Math::max);
            return endpoint.getEventsAccepted() >= LIMIT;
        }, Duration.ofSeconds(30), () -> endpoint.getEventsAccepted() + " accepted");
        long watchUntil = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(1000);
        while (System.nanoTime() < watchUntil) {
            mostPending.accumulateAndGet(endpoint.getEventsPending(), Math::max);
            Thread.sleep(5);
        }

        assertEquals(LIMIT, mostPending.get(), "pending events at most " + LIMIT);
        assertEquals(LIMIT, endpoint.getEventsAccepted(), "the other senders wait");

        sinkAnswers.countDown();
        List<String> sent = new ArrayList<>();
        for (Future<List<String>> future : sending) {
            sent.addAll(future.get(60, TimeUnit.SECONDS));
        }
        senders.shutdown();
        sink.awaitAcceptedEvents(threads * perThread, Duration.ofSeconds(60));
        assertEquals(threads * perThread, sent.size());
        assertEquals(sent.stream().sorted().toList(), sink.acceptedIds().stream().sorted().toList(),
                "every event, once");
    }

    @Test
    void aSenderThatWaitsLongerThanAcceptTimeoutFailsWithAClearException() {
        sink.holdAnswersUntil(sinkAnswers);
        EventSender.send(template, "direct:impatient", LIMIT);

        Exchange refused = template.send("direct:impatient", e -> e.getIn().setBody(Map.of("n", LIMIT)));

        PendingLimitException failure = assertInstanceOf(PendingLimitException.class, refused.getException());
        String message = failure.getMessage();
        assertTrue(message.contains(LIMIT + " events (4 × batchSize) were pending"), message);
        assertTrue(message.contains("acceptTimeout=500 ms"), message);
        assertTrue(message.contains("127.0.0.1:" + sink.port()), message);
        assertEquals(LIMIT, endpoint("turn.started").getEventsAccepted(), "the refused event is not counted");
    }

    private OssaEventsEndpoint endpoint(String typeFragment) {
        return context.getEndpoints().stream().filter(e -> e.getEndpointUri().contains(typeFragment))
                .map(OssaEventsEndpoint.class::cast).findFirst().orElseThrow();
    }
}
