package dev.ossa.camel.events;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.apache.camel.Exchange;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.Test;

import io.cloudevents.CloudEvent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The generated {@code id} and {@code time}, the headers that set them, and the headers the exchange carries after
 * the send.
 */
class EventIdAndTimeTest extends CamelTestSupport {

    private final RecordingSink sink = new RecordingSink("sink");

    private String uri(String type) {
        return "ossa-events:" + type + "?source=/agents/planner&sink=" + sink.uri();
    }

    @Override
    protected RoutesBuilder[] createRouteBuilders() {
        return new RoutesBuilder[] { sink, new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:two-steps")
                        .to(uri(OssaEventType.TOOL_CALLED.type()))
                        .to(uri(OssaEventType.TOOL_COMPLETED.type()));
            }
        } };
    }

    @Test
    void exchangeCarriesTheIdAndTimeOfTheEventSent() throws Exception {
        Exchange exchange = template.request(uri("t"), e -> e.getMessage().setBody("x"));
        CloudEvent sent = CloudEventsJudge.event(sink.await(1).get(0).body());
        assertEquals(sent.getId(), exchange.getMessage().getHeader(OssaEventsConstants.ID));
        assertEquals(sent.getTime(), OffsetDateTime.parse(
                exchange.getMessage().getHeader(OssaEventsConstants.TIME, String.class)));
    }

    @Test
    void defaultIdIsARandomUuid() throws Exception {
        template.sendBody(uri("t"), "x");
        String id = CloudEventsJudge.event(sink.await(1).get(0).body()).getId();
        assertEquals(id, UUID.fromString(id).toString());
    }

    @Test
    void fiveHundredEventsHaveFiveHundredDistinctIds() throws Exception {
        for (int i = 0; i < 500; i++) {
            template.sendBody(uri("t"), i);
        }
        Set<String> ids = new HashSet<>();
        for (RecordingSink.Received received : sink.await(500)) {
            ids.add(CloudEventsJudge.event(received.body()).getId());
        }
        assertEquals(500, ids.size());
    }

    @Test
    void defaultTimeIsNowInUtcWithZ() throws Exception {
        Instant before = Instant.now();
        template.sendBody(uri("t"), "x");
        Instant after = Instant.now();
        String time = CloudEventsJudge.tree(sink.await(1).get(0).body()).get("time").textValue();
        assertTrue(time.endsWith("Z"), time);
        assertTrue(time.matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?Z"), time);
        Instant sent = Instant.parse(time);
        assertFalse(sent.isBefore(before.minusSeconds(1)) || sent.isAfter(after.plusSeconds(1)), time);
        assertEquals(ZoneOffset.UTC, OffsetDateTime.parse(time).getOffset());
    }

    @Test
    void headersSetIdAndTime() throws Exception {
        template.sendBodyAndHeaders(uri("t"), "x", Map.of(OssaEventsConstants.ID, "my-id",
                OssaEventsConstants.TIME, "2026-01-02T03:04:05.678+01:00"));
        CloudEvent sent = CloudEventsJudge.event(sink.await(1).get(0).body());
        assertEquals("my-id", sent.getId());
        assertEquals(OffsetDateTime.parse("2026-01-02T03:04:05.678+01:00"), sent.getTime());
        assertEquals("2026-01-02T03:04:05.678+01:00",
                CloudEventsJudge.tree(sink.received().get(0).body()).get("time").textValue());
    }

    @Test
    void timeHeaderAcceptsJavaTimeValues() throws Exception {
        Instant instant = Instant.parse("2026-05-06T07:08:09Z");
        List<Object> values = List.of(instant, OffsetDateTime.ofInstant(instant, ZoneOffset.ofHours(-5)),
                ZonedDateTime.ofInstant(instant, ZoneId.of("Asia/Kolkata")), Date.from(instant));
        for (Object value : values) {
            template.sendBodyAndHeader(uri("t"), "x", OssaEventsConstants.TIME, value);
        }
        List<RecordingSink.Received> received = sink.await(values.size());
        List<String> times = received.stream()
                .map(r -> CloudEventsJudge.tree(r.body()).get("time").textValue()).toList();
        assertEquals(List.of("2026-05-06T07:08:09Z", "2026-05-06T02:08:09-05:00", "2026-05-06T12:38:09+05:30",
                "2026-05-06T07:08:09Z"), times);
        for (RecordingSink.Received r : received) {
            assertEquals(instant, CloudEventsJudge.event(r.body()).getTime().toInstant());
        }
    }

    @Test
    void eachEndpointOfARouteSendsItsOwnEvent() throws Exception {
        Exchange exchange = template.request("direct:two-steps", e -> e.getMessage().setBody("x"));
        List<RecordingSink.Received> received = sink.await(2);
        CloudEvent called = CloudEventsJudge.event(received.get(0).body());
        CloudEvent completed = CloudEventsJudge.event(received.get(1).body());
        assertEquals("dev.ossa.tool.called", called.getType());
        assertEquals("dev.ossa.tool.completed", completed.getType());
        assertNotEquals(called.getId(), completed.getId(), "two events of one source must not share an id");
        assertEquals(completed.getId(), exchange.getMessage().getHeader(OssaEventsConstants.ID));
    }

    @Test
    void exchangePropertyHoldsTheEventSent() throws Exception {
        Exchange exchange = template.request(uri("t"), e -> e.getMessage().setBody("x"));
        Object event = exchange.getProperty(OssaEventsConstants.EVENT_PROPERTY);
        assertNotNull(event);
        assertEquals(CloudEventsJudge.event(sink.await(1).get(0).body()).getId(),
                ((dev.ossa.camel.events.event.OssaCloudEvent) event).getId());
    }
}
