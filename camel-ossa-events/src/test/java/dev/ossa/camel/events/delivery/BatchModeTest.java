package dev.ossa.camel.events.delivery;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.apache.camel.Exchange;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.Test;

import io.cloudevents.CloudEvent;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * What a completed batch becomes at a sink that is a Camel route: with {@code mode=batch} one message holding the
 * JSON array; with {@code mode=structured} one message per event, in the order sent.
 */
class BatchModeTest extends CamelTestSupport {

    /** A message as the sink route received it. */
    private record Received(String contentType, byte[] body) {
    }

    private final List<Received> batchSink = new CopyOnWriteArrayList<>();
    private final List<Received> structuredSink = new CopyOnWriteArrayList<>();

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:batchSink").process(e -> batchSink.add(received(e)));
                from("direct:structuredSink").process(e -> structuredSink.add(received(e)));
                from("direct:batch").to("ossa-events:dev.ossa.turn.started?source=/agents/modes&batchSize=5"
                                        + "&flushInterval=60000&mode=batch&sink=direct:batchSink");
                from("direct:structured").to("ossa-events:dev.ossa.turn.completed?source=/agents/modes&batchSize=5"
                                             + "&flushInterval=60000&mode=structured&sink=direct:structuredSink");
            }
        };
    }

    private static Received received(Exchange exchange) {
        return new Received(exchange.getIn().getHeader(Exchange.CONTENT_TYPE, String.class),
                exchange.getIn().getBody(byte[].class));
    }

    @Test
    void batchModeSendsOneMessageWithAJsonArrayPerBatch() {
        List<String> sent = EventSender.send(template, "direct:batch", 10);

        Deadline.await(() -> batchSink.size() >= 2, Duration.ofSeconds(20), () -> batchSink.size() + " of 2 batches");

        assertEquals(2, batchSink.size());
        for (int batch = 0; batch < 2; batch++) {
            Received message = batchSink.get(batch);
            assertEquals("application/cloudevents-batch+json; charset=utf-8", message.contentType());
            List<String> ids = CloudEventsJudge.readBatch(message.body()).stream().map(CloudEvent::getId).toList();
            assertEquals(sent.subList(5 * batch, 5 * batch + 5), ids);
        }
    }

    @Test
    void structuredModeSendsOneMessagePerEventInOrder() {
        List<String> sent = EventSender.send(template, "direct:structured", 10);

        Deadline.await(() -> structuredSink.size() >= 10, Duration.ofSeconds(20),
                () -> structuredSink.size() + " of 10 events");

        assertEquals(10, structuredSink.size());
        for (int i = 0; i < 10; i++) {
            Received message = structuredSink.get(i);
            assertEquals("application/cloudevents+json; charset=utf-8", message.contentType());
            CloudEvent event = CloudEventsJudge.readEvent(message.body());
            assertEquals(sent.get(i), event.getId());
            assertEquals("dev.ossa.turn.completed", event.getType());
        }
    }
}
