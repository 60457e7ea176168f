package dev.ossa.camel.events.delivery;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.ossa.camel.events.OssaEventsEndpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Many threads sending to one batching endpoint at once: nothing is lost, nothing is delivered twice.
 */
class DeliveryConcurrentSendersTest extends CamelTestSupport {

    private static final int THREADS = 8;
    private static final int EVENTS_PER_THREAD = 1000;

    private final RecordingHttpSink sink = RecordingHttpSink.start();

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:emit").to("ossa-events:dev.ossa.tool.called?source=/agents/many&batchSize=64"
                                       + "&flushInterval=500&mode=batch&sink=" + sink.uri());
            }
        };
    }

    @AfterEach
    void stopCamelThenSink() {
        context.stop();
        sink.close();
    }

    @Test
    void eightThreadsSendingAThousandEventsEachDeliverExactlyEightThousandDistinctEvents() throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(THREADS);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<List<String>>> sending = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            int thread = t;
            Callable<List<String>> sender = () -> {
                start.await();
                List<String> ids = new ArrayList<>(EVENTS_PER_THREAD);
                for (int i = 0; i < EVENTS_PER_THREAD; i++) {
                    ids.add(EventSender.send(template, "direct:emit", Map.of("thread", thread, "n", i)));
                }
                return ids;
            };
            sending.add(threads.submit(sender));
        }
        start.countDown();
        Set<String> sent = new HashSet<>();
        for (Future<List<String>> ids : sending) {
            sent.addAll(ids.get(60, TimeUnit.SECONDS));
        }
        threads.shutdown();

        sink.awaitAcceptedEvents(THREADS * EVENTS_PER_THREAD, Duration.ofSeconds(30));

        List<String> arrived = sink.acceptedIds();
        assertEquals(THREADS * EVENTS_PER_THREAD, sent.size(), "every send made a new event id");
        assertEquals(THREADS * EVENTS_PER_THREAD, arrived.size(), "no event twice");
        assertEquals(sent, Set.copyOf(arrived), "no event lost");
        assertTrue(sink.requests().stream().allMatch(r -> r.events().size() <= 64), "no batch above batchSize");
        OssaEventsEndpoint endpoint = ossaEndpoint();
        Deadline.await(() -> endpoint.getEventsPending() == 0, Duration.ofSeconds(20),
                () -> endpoint.getEventsPending() + " events still pending");
        assertEquals(THREADS * EVENTS_PER_THREAD, endpoint.getEventsAccepted());
        assertEquals(THREADS * EVENTS_PER_THREAD, endpoint.getEventsDelivered());
    }

    private OssaEventsEndpoint ossaEndpoint() {
        return context.getEndpoints().stream().filter(OssaEventsEndpoint.class::isInstance)
                .map(OssaEventsEndpoint.class::cast).findFirst().orElseThrow();
    }
}
