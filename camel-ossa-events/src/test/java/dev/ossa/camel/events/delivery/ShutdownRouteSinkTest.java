package dev.ossa.camel.events.delivery;

import java.util.ArrayList;
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
 * A sink that is a route of the same CamelContext still gets the pending events when the context stops, even when it
 * was defined after the route that emits (routes stop in reverse order, so it stops first).
 */
class ShutdownRouteSinkTest extends CamelTestSupport {

    private final List<byte[]> received = new CopyOnWriteArrayList<>();
    private final List<String> contentTypes = new CopyOnWriteArrayList<>();

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:emit").routeId("emit").to("ossa-events:dev.ossa.workflow.started?source=/workflows/w1"
                                                       + "&batchSize=100&flushInterval=60000&mode=batch"
                                                       + "&sink=direct:collector");
                from("direct:collector").routeId("collector")
                        .process(e -> {
                            contentTypes.add(e.getIn().getHeader(Exchange.CONTENT_TYPE, String.class));
                            received.add(e.getIn().getBody(byte[].class));
                        });
            }
        };
    }

    @Test
    void contextStopDeliversPendingEventsToASinkRouteDefinedAfterTheEmittingRoute() {
        List<String> sent = EventSender.send(template, "direct:emit", 30);
        assertEquals(0, received.size());

        context.stop();

        List<String> arrived = new ArrayList<>();
        received.forEach(batch -> CloudEventsJudge.readBatch(batch).stream().map(CloudEvent::getId)
                .forEach(arrived::add));
        assertEquals(List.of("application/cloudevents-batch+json; charset=utf-8"), contentTypes, "one batch message");
        assertEquals(sent, arrived);
    }
}
