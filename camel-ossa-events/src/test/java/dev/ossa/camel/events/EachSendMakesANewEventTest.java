package dev.ossa.camel.events;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.apache.camel.Exchange;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.Test;

import io.cloudevents.CloudEvent;
import io.cloudevents.jackson.JsonFormat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/**
 * One exchange sent to several {@code ossa-events} endpoints in a row makes one new event per send; an id the route
 * sets itself is used by every send.
 */
class EachSendMakesANewEventTest extends CamelTestSupport {

    private final List<CloudEvent> received = new CopyOnWriteArrayList<>();

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:sink").process(e -> received.add(new JsonFormat().deserialize(
                        e.getIn().getBody(byte[].class))));
                from("direct:twice")
                        .to("ossa-events:dev.ossa.tool.called?source=/agents/a&sink=direct:sink")
                        .to("ossa-events:dev.ossa.tool.completed?source=/agents/a&sink=direct:sink");
            }
        };
    }

    @Test
    void generatedIdsAreNotReusedByTheNextSend() {
        Exchange exchange = template.send("direct:twice", e -> e.getIn().setBody("x"));

        assertEquals(2, received.size());
        assertNotEquals(received.get(0).getId(), received.get(1).getId());
        assertEquals(received.get(1).getId(), exchange.getMessage().getHeader(OssaEventsConstants.ID));
    }

    @Test
    void anIdTheRouteSetsIsUsedByEverySend() {
        template.send("direct:twice", e -> {
            e.getIn().setHeader(OssaEventsConstants.ID, "order-42");
            e.getIn().setBody("x");
        });

        assertEquals(List.of("order-42", "order-42"), received.stream().map(CloudEvent::getId).toList());
    }
}
