package dev.ossa.camel.events.delivery;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.ossa.camel.events.OssaEventType;
import dev.ossa.camel.events.OssaEventsEmitter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Closing the emitter, or stopping the context it runs on, delivers every event still waiting in a batch.
 */
class ShutdownEmitterTest {

    private final RecordingHttpSink sink = RecordingHttpSink.start();

    @AfterEach
    void stopSink() {
        sink.close();
    }

    private String uri() {
        return "ossa-events:agent?source=/agents/emitter&batchSize=100&flushInterval=60000&mode=batch&sink="
               + sink.uri();
    }

    @Test
    void closingAnEmitterWithItsOwnContextDeliversPendingEvents() {
        List<String> sent = new ArrayList<>();
        try (OssaEventsEmitter emitter = OssaEventsEmitter.create(uri())) {
            for (int i = 0; i < 30; i++) {
                sent.add(emitter.emit(OssaEventType.TOOL_CALLED, Map.of("n", i)).getId());
            }
            assertEquals(0, sink.requests().size());
        }
        assertEquals(sent, sink.acceptedIds());
    }

    @Test
    void closeWhileOtherThreadsEmitLosesNoAcceptedEventAndRefusesTheRestClearly() throws Exception {
        OssaEventsEmitter emitter = OssaEventsEmitter.create(uri());
        Set<String> accepted = ConcurrentHashMap.newKeySet();
        List<RuntimeException> refused = new CopyOnWriteArrayList<>();
        ExecutorService threads = Executors.newFixedThreadPool(4);
        CountDownLatch running = new CountDownLatch(4);
        for (int t = 0; t < 4; t++) {
            threads.submit(() -> {
                running.countDown();
                for (int i = 0; i < 100_000; i++) {
                    try {
                        accepted.add(emitter.emit(OssaEventType.TOOL_COMPLETED, Map.of("n", i)).getId());
                    } catch (RuntimeException e) {
                        refused.add(e);
                        return;
                    }
                }
            });
        }
        running.await(10, TimeUnit.SECONDS);
        Deadline.await(() -> accepted.size() > 500, Duration.ofSeconds(20), () -> accepted.size() + " emitted");

        emitter.close();
        threads.shutdown();
        assertTrue(threads.awaitTermination(30, TimeUnit.SECONDS));

        List<String> arrived = sink.acceptedIds();
        Set<String> lost = new HashSet<>(accepted);
        arrived.forEach(lost::remove);
        assertEquals(0, lost.size(), lost.size() + " of the " + accepted.size() + " events emit returned never arrived");
        assertEquals(accepted.size(), arrived.size(), "each once");
        refused.forEach(e -> assertInstanceOf(IllegalStateException.class, e, "refused with: " + e));
        refused.forEach(e -> assertTrue(e.getMessage().contains("stopped"), e.getMessage()));
    }

    @Test
    void emittingAfterCloseIsRefusedClearly() {
        OssaEventsEmitter batched = OssaEventsEmitter.create(uri());
        OssaEventsEmitter unbatched = OssaEventsEmitter.create(uri().replace("batchSize=100", "batchSize=1"));
        batched.close();
        unbatched.close();

        IllegalStateException batchedRefusal = assertThrows(IllegalStateException.class,
                () -> batched.emit(OssaEventType.AGENT_COMPLETED, Map.of()));
        IllegalStateException unbatchedRefusal = assertThrows(IllegalStateException.class,
                () -> unbatched.emit(OssaEventType.AGENT_COMPLETED, Map.of()));

        assertTrue(batchedRefusal.getMessage().contains("stopped"), batchedRefusal.getMessage());
        assertTrue(unbatchedRefusal.getMessage().contains("stopped"), unbatchedRefusal.getMessage());
        assertEquals(0, sink.requests().size());
    }

    @Test
    void closingAnEmitterOnASharedContextDeliversPendingEvents() {
        CamelContext context = new DefaultCamelContext();
        context.start();
        try {
            List<String> sent = new ArrayList<>();
            try (OssaEventsEmitter emitter = OssaEventsEmitter.create(context, uri())) {
                for (int i = 0; i < 30; i++) {
                    sent.add(emitter.emit(OssaEventType.TURN_STARTED, Map.of("n", i)).getId());
                }
            }
            assertEquals(sent, sink.acceptedIds());
        } finally {
            context.stop();
        }
    }

    @Test
    void stoppingTheSharedContextOfAnOpenEmitterDeliversPendingEvents() {
        CamelContext context = new DefaultCamelContext();
        context.start();
        OssaEventsEmitter emitter = OssaEventsEmitter.create(context, uri());
        List<String> sent = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            sent.add(emitter.emit(OssaEventType.STATE_UPDATED, Map.of("n", i)).getId());
        }

        context.stop();

        assertEquals(sent, sink.acceptedIds());
        emitter.close();
        assertEquals(sent, sink.acceptedIds(), "closing after the context stopped sends nothing twice");
    }
}
