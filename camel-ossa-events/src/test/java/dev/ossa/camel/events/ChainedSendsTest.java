package dev.ossa.camel.events;

import java.util.ArrayList;
import java.util.List;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.provider.EventFormatProvider;
import io.cloudevents.jackson.JsonFormat;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * A route that sends one exchange to several {@code ossa-events} endpoints in a row emits one new event per send,
 * although each send leaves its event's id and time on the exchange.
 */
class ChainedSendsTest extends CamelTestSupport {

    private static final String SINK = "&sink=seda:events?size=100";

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:agent")
                        .to("ossa-events:" + OssaEventType.AGENT_STARTED + "?source=/agents/a" + SINK)
                        .to("ossa-events:" + OssaEventType.TOOL_CALLED + "?source=/agents/a" + SINK)
                        .to("ossa-events:" + OssaEventType.AGENT_COMPLETED + "?source=/agents/a" + SINK);
                from("direct:own-id")
                        .to("ossa-events:" + OssaEventType.AGENT_STARTED + "?source=/agents/b" + SINK)
                        .setHeader(OssaEventsConstants.ID, constant("chosen-by-the-route"))
                        .to("ossa-events:" + OssaEventType.AGENT_COMPLETED + "?source=/agents/b" + SINK);
            }
        };
    }

    @Test
    void eachSendInARouteIsANewEventWithItsOwnId() throws Exception {
        Exchange result = template.request("direct:agent", e -> e.getIn().setBody("{\"step\":1}"));

        List<CloudEvent> events = receive(3);
        assertEquals(List.of("dev.ossa.agent.started", "dev.ossa.tool.called", "dev.ossa.agent.completed"),
                events.stream().map(CloudEvent::getType).toList());
        assertEquals(3, events.stream().map(CloudEvent::getId).distinct().count(), "ids: " + events);
        assertEquals(events.get(2).getId(), result.getMessage().getHeader(OssaEventsConstants.ID));
    }

    @Test
    void anIdTheRouteSetsBetweenSendsIsUsed() throws Exception {
        template.sendBody("direct:own-id", null);

        List<CloudEvent> events = receive(2);
        assertNotEquals("chosen-by-the-route", events.get(0).getId());
        assertEquals("chosen-by-the-route", events.get(1).getId());
    }

    private List<CloudEvent> receive(int count) {
        JsonFormat json = (JsonFormat) EventFormatProvider.getInstance().resolveFormat(JsonFormat.CONTENT_TYPE);
        List<CloudEvent> events = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            byte[] body = consumer.receiveBody("seda:events", 10_000, byte[].class);
            assertNotNull(body, "event " + (i + 1) + " of " + count + " did not arrive");
            events.add(json.deserialize(body));
        }
        return events;
    }
}
