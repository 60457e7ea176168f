package dev.ossa.camel.events.delivery;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.ossa.camel.events.OssaEventType;
import dev.ossa.camel.events.OssaEventsEmitter;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
