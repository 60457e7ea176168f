package dev.ossa.camel.events.delivery;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.cloudevents.CloudEvent;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.ossa.camel.events.OssaEventType;
import dev.ossa.camel.events.OssaEventsEndpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Endpoints of different event types with the same sink and delivery options fill the same batches, in send order;
 * endpoints whose delivery options differ keep batches of their own.
 */
class BatchStreamSharingTest extends CamelTestSupport {

    private final RecordingHttpSink sink = RecordingHttpSink.start();

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:started").to(ossa(OssaEventType.AGENT_STARTED, 6));
                from("direct:called").to(ossa(OssaEventType.TOOL_CALLED, 6));
                from("direct:completed").to(ossa(OssaEventType.AGENT_COMPLETED, 6));
                from("direct:other").to(ossa(OssaEventType.STATE_UPDATED, 3));
            }
        };
    }

    private String ossa(OssaEventType type, int batchSize) {
        return type.uri() + "?source=/agents/sharing&mode=batch&flushInterval=60000&batchSize=" + batchSize
               + "&sink=" + sink.uri();
    }

    @AfterEach
    void stopCamelThenSink() {
        context.stop();
        sink.close();
    }

    @Test
    void eventsOfEveryTypeFillOneBatchInSendOrder() {
        List<String> sent = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            sent.add(EventSender.send(template, "direct:started", Map.of("n", i)));
            sent.add(EventSender.send(template, "direct:called", Map.of("n", i)));
            sent.add(EventSender.send(template, "direct:completed", Map.of("n", i)));
        }

        sink.awaitRequests(1, Duration.ofSeconds(20));
        List<RecordingHttpSink.Request> requests = sink.requests();
        assertEquals(1, requests.size(), "six events of three types make one full batch of six");
        List<CloudEvent> batch = sink.acceptedEvents();
        assertEquals(sent, batch.stream().map(CloudEvent::getId).toList());
        assertEquals(List.of("dev.ossa.agent.started", "dev.ossa.tool.called", "dev.ossa.agent.completed"),
                batch.subList(0, 3).stream().map(CloudEvent::getType).toList());
    }

    @Test
    void endpointsOfOneStreamShareTheirCounters() {
        EventSender.send(template, "direct:started", Map.of("n", 1));
        EventSender.send(template, "direct:called", Map.of("n", 2));

        OssaEventsEndpoint started = context.getEndpoint(ossa(OssaEventType.AGENT_STARTED, 6), OssaEventsEndpoint.class);
        OssaEventsEndpoint called = context.getEndpoint(ossa(OssaEventType.TOOL_CALLED, 6), OssaEventsEndpoint.class);
        OssaEventsEndpoint other = context.getEndpoint(ossa(OssaEventType.STATE_UPDATED, 3), OssaEventsEndpoint.class);
        assertEquals(2, started.getEventsAccepted());
        assertEquals(2, called.getEventsPending());
        assertEquals(0, other.getEventsAccepted(), "another batch size is another stream");
    }

    @Test
    void aDifferentBatchSizeKeepsItsOwnBatches() {
        List<String> sent = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            sent.add(EventSender.send(template, "direct:other", Map.of("n", i)));
        }
        EventSender.send(template, "direct:started", Map.of("n", 9));

        sink.awaitRequests(1, Duration.ofSeconds(20));
        assertEquals(sent, sink.acceptedIds(), "the batch of three holds only the state.updated events");
    }

    @Test
    void stoppingOneRouteFlushesTheSharedStreamAndTheOthersGoOnSending() throws Exception {
        String first = EventSender.send(template, "direct:started", Map.of("n", 1));
        String second = EventSender.send(template, "direct:called", Map.of("n", 2));

        context.getRouteController().stopRoute(context.getRoutes().get(0).getRouteId());
        sink.awaitAcceptedEvents(2, Duration.ofSeconds(20));
        assertEquals(List.of(first, second), sink.acceptedIds());

        String third = EventSender.send(template, "direct:called", Map.of("n", 3));
        context.stop();
        assertEquals(List.of(first, second, third), sink.acceptedIds());
    }
}
