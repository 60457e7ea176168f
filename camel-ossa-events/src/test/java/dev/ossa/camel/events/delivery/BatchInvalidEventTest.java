package dev.ossa.camel.events.delivery;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.camel.Exchange;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.ossa.camel.events.OssaEventsConstants;
import dev.ossa.camel.events.OssaEventsEndpoint;
import dev.ossa.camel.events.event.InvalidCloudEventException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An invalid event is rejected when it is sent, before it can join a batch: its own exchange fails, naming the
 * attribute and the rule, and the batch it would have joined leaves complete with the valid events only.
 */
class BatchInvalidEventTest extends CamelTestSupport {

    private final RecordingHttpSink sink = RecordingHttpSink.start();

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:emit").to("ossa-events:dev.ossa.state.updated?source=/agents/strict&batchSize=4"
                                       + "&flushInterval=60000&mode=batch&sink=" + sink.uri());
            }
        };
    }

    @AfterEach
    void stopCamelThenSink() {
        context.stop();
        sink.close();
    }

    @Test
    void invalidEventFailsOnlyItsOwnExchange() {
        List<String> valid = new ArrayList<>();
        valid.add(EventSender.send(template, "direct:emit", Map.of("step", 1)));
        valid.add(EventSender.send(template, "direct:emit", Map.of("step", 2)));
        Exchange invalid = template.send("direct:emit", e -> {
            e.getIn().setHeader(OssaEventsConstants.TIME, "yesterday");
            e.getIn().setBody(Map.of("step", "bad"));
        });
        valid.add(EventSender.send(template, "direct:emit", Map.of("step", 3)));
        valid.add(EventSender.send(template, "direct:emit", Map.of("step", 4)));

        InvalidCloudEventException rejected = assertInstanceOf(InvalidCloudEventException.class,
                invalid.getException());
        assertEquals("time", rejected.getAttribute());
        assertTrue(rejected.getMessage().contains("time"), rejected.getMessage());
        assertNull(invalid.getMessage().getHeader(OssaEventsConstants.ID), "no event was made");

        sink.awaitAcceptedEvents(4, Duration.ofSeconds(20));
        assertEquals(1, sink.requests().size(), "the four valid events fill the batch of four");
        assertEquals(valid, sink.acceptedIds());
        OssaEventsEndpoint endpoint = context.getEndpoints().stream().filter(OssaEventsEndpoint.class::isInstance)
                .map(OssaEventsEndpoint.class::cast).findFirst().orElseThrow();
        Deadline.await(() -> endpoint.getEventsDelivered() == 4, Duration.ofSeconds(20),
                () -> endpoint.getEventsDelivered() + " of 4 counted as delivered");
        assertEquals(1, endpoint.getEventsRejected());
        assertEquals(4, endpoint.getEventsAccepted());
    }
}
