package dev.ossa.camel.events.delivery;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.apache.camel.Exchange;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.cloudevents.CloudEvent;

import dev.ossa.camel.events.OssaEventsEndpoint;
import dev.ossa.camel.events.binding.SinkRejectedException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * A batch the sink refuses is sent again, with Camel's redelivery, until the sink takes it; an unbatched send that the
 * sink refuses fails the sender's own exchange instead, so that the route's error handling applies.
 */
class DeliveryRetryTest extends CamelTestSupport {

    private final RecordingHttpSink sink = RecordingHttpSink.start();

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:batch").to(ossa("dev.ossa.tool.called",
                        "mode=batch&batchSize=10&flushInterval=60000&maximumRedeliveries=5&redeliveryDelay=10"));
                from("direct:structured").to(ossa("dev.ossa.tool.completed",
                        "mode=structured&batchSize=5&flushInterval=60000&maximumRedeliveries=5&redeliveryDelay=10"));
                from("direct:unbatched")
                        .onException(SinkRejectedException.class).handled(true).setBody(constant("handled")).end()
                        .to(ossa("dev.ossa.tool.failed", "maximumRedeliveries=5&redeliveryDelay=10"));
            }
        };
    }

    private String ossa(String type, String options) {
        return "ossa-events:" + type + "?source=/agents/retry&sink=" + sink.uri() + "&" + options;
    }

    @AfterEach
    void stopCamelThenSink() {
        context.stop();
        sink.close();
    }

    @Test
    void sinkThatFailsItsFirstCallsThenRecoversGetsEveryEventOnce() {
        sink.answer(call -> call <= 3 ? 503 : 202);

        List<String> sent = EventSender.send(template, "direct:batch", 25);
        OssaEventsEndpoint endpoint = endpoint("tool.called");
        context.stop();

        List<RecordingHttpSink.Request> requests = sink.requests();
        assertEquals(List.of(503, 503, 503, 202, 202, 202), requests.stream().map(RecordingHttpSink.Request::status)
                .toList(), "the first batch is refused three times, then taken; the other two go through at once");
        for (int call = 0; call < 4; call++) {
            assertEquals(sent.subList(0, 10), ids(requests.get(call).events()), "call " + (call + 1) + " carries"
                                                                               + " the first batch");
        }
        assertEquals(sent, sink.acceptedIds(), "every event once, in order");
        assertEquals(25, endpoint.getEventsDelivered());
        assertEquals(0, endpoint.getEventsFailed());
        assertEquals(0, endpoint.getEventsPending());
    }

    @Test
    void retryOfAStructuredBatchResumesAfterTheEventsTheSinkAlreadyTook() {
        sink.answer(call -> call == 3 ? 500 : 200);

        List<String> sent = EventSender.send(template, "direct:structured", 5);
        sink.awaitAcceptedEvents(5, Duration.ofSeconds(20));

        List<String> perCall = sink.requests().stream().map(r -> r.events().get(0).getId()).toList();
        assertEquals(List.of(sent.get(0), sent.get(1), sent.get(2), sent.get(2), sent.get(3), sent.get(4)), perCall,
                "only the refused event and those after it are sent again");
        assertEquals(sent, sink.acceptedIds());
        OssaEventsEndpoint endpoint = endpoint("tool.completed");
        Deadline.await(() -> endpoint.getEventsDelivered() == 5, Duration.ofSeconds(20),
                () -> endpoint.getEventsDelivered() + " of 5 counted as delivered");
    }

    @Test
    void unbatchedSendThatTheSinkRefusesFailsTheSendersExchangeWithoutRetries() {
        sink.answer(call -> 503);

        Exchange exchange = template.send("direct:unbatched", e -> e.getIn().setBody(Map.of("tool", "search")));

        assertNull(exchange.getException(), "the route's onException handled it");
        assertEquals("handled", exchange.getMessage().getBody());
        SinkRejectedException cause = assertInstanceOf(SinkRejectedException.class,
                exchange.getProperty(Exchange.EXCEPTION_CAUGHT));
        assertEquals(503, cause.getStatus());
        assertEquals(1, sink.requests().size(), "maximumRedeliveries is for batches; the route decides here");
        assertEquals(1, endpoint("tool.failed").getEventsFailed());
    }

    private static List<String> ids(List<CloudEvent> events) {
        return events.stream().map(CloudEvent::getId).toList();
    }

    private OssaEventsEndpoint endpoint(String typeFragment) {
        return context.getEndpoints().stream().filter(e -> e.getEndpointUri().contains(typeFragment))
                .map(OssaEventsEndpoint.class::cast).findFirst().orElseThrow();
    }
}
