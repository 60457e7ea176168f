package dev.ossa.camel.events.binding;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.camel.Exchange;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.Test;

import dev.ossa.camel.events.CapturedLog;
import dev.ossa.camel.events.CloudEventsJudge;
import dev.ossa.camel.events.OssaEventType;
import dev.ossa.camel.events.OssaEventsConstants;
import dev.ossa.camel.events.RecordingSink;
import io.cloudevents.CloudEvent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Any Camel endpoint without a binding of its own (here {@code direct:} and {@code seda:} routes that record what
 * they receive): the structured JSON event with its Content-Type, or one JSON array per batch in batch mode. Only the
 * event's own headers and {@code sinkHeaders.*} reach the sink.
 */
class StructuredSinkTest extends CamelTestSupport {

    /** Written out, not taken from the code under test: lower-case utf-8, the spelling the JavaScript SDK knows. */
    private static final String EVENT_CONTENT_TYPE = "application/cloudevents+json; charset=utf-8";
    private static final String BATCH_CONTENT_TYPE = "application/cloudevents-batch+json; charset=utf-8";

    private final RecordingSink direct = new RecordingSink("direct-sink");
    private final RecordingSink fromSeda = new RecordingSink("seda-sink");

    @Override
    protected RoutesBuilder[] createRouteBuilders() {
        return new RoutesBuilder[] { direct, fromSeda, new RouteBuilder() {
            @Override
            public void configure() {
                from("seda:events?pollTimeout=100").to(fromSeda.uri());
            }
        } };
    }

    private static Map<String, Object> callerHeaders() {
        return Map.of("X-Caller", "caller", "Authorization", "Bearer caller-token", OssaEventsConstants.AGENT_ID,
                "planner", Exchange.HTTP_URI, "http://elsewhere", "kafka.KEY", "k");
    }

    @Test
    void directSinkReceivesTheStructuredEventAndOnlyItsContentType() throws Exception {
        Exchange exchange = template.request("ossa-events:" + OssaEventType.TOOL_COMPLETED
                + "?source=/agents/planner&sink=" + direct.uri(), e -> {
                    e.getMessage().setHeaders(callerHeaders());
                    e.getMessage().setBody(Map.of("result", "sunny"));
                });
        RecordingSink.Received received = direct.await(1).get(0);
        assertEquals(Map.of(Exchange.CONTENT_TYPE, EVENT_CONTENT_TYPE), received.headers());
        CloudEvent event = CloudEventsJudge.event(received.body());
        assertEquals(exchange.getMessage().getHeader(OssaEventsConstants.ID), event.getId());
        assertEquals("planner", event.getExtension("ossaagentid"));
        assertEquals("dev.ossa.tool.completed", event.getType());
    }

    @Test
    void sinkHeadersAreAddedToEveryMessage() throws Exception {
        String uri = "ossa-events:t?source=/agents/planner&sink=" + direct.uri()
                     + "&sinkHeaders.X-Tenant=acme&sinkHeaders.Authorization=RAW(Bearer sink-token)";
        template.sendBodyAndHeaders(uri, "one", callerHeaders());
        template.sendBodyAndHeaders(uri, "two", callerHeaders());
        for (RecordingSink.Received received : direct.await(2)) {
            assertEquals(Map.of(Exchange.CONTENT_TYPE, EVENT_CONTENT_TYPE, "X-Tenant", "acme",
                    "Authorization", "Bearer sink-token"), received.headers());
        }
    }

    @Test
    void sedaSinkReceivesTheStructuredEvent() throws Exception {
        template.sendBodyAndHeaders("ossa-events:t?source=/agents/planner&sink=seda:events", "x", callerHeaders());
        RecordingSink.Received received = fromSeda.await(1).get(0);
        assertEquals(Set.of(Exchange.CONTENT_TYPE), received.headers().keySet());
        assertEquals("t", CloudEventsJudge.event(received.body()).getType());
    }

    @Test
    void batchModeSendsOneJsonArrayPerBatch() throws Exception {
        String uri = "ossa-events:t?source=/agents/planner&mode=batch&batchSize=3&flushInterval=60000&sink="
                     + direct.uri() + "&sinkHeaders.X-Tenant=acme";
        for (int i = 0; i < 6; i++) {
            template.sendBodyAndHeaders(uri, i, callerHeaders());
        }
        List<RecordingSink.Received> received = direct.await(2);
        int next = 0;
        for (RecordingSink.Received batch : received) {
            assertEquals(Map.of(Exchange.CONTENT_TYPE, BATCH_CONTENT_TYPE, "X-Tenant", "acme"),
                    batch.headers());
            List<CloudEvent> events = CloudEventsJudge.batch(batch.body());
            assertEquals(3, events.size());
            for (CloudEvent event : events) {
                assertEquals(next++, CloudEventsJudge.data(event).intValue());
            }
        }
    }

    @Test
    void batchModeWithoutBatchingSendsAnArrayOfOneAndSaysSoOnceAtStart() throws Exception {
        try (CapturedLog log = new CapturedLog(SinkBindings.class.getName())) {
            for (int i = 0; i < 3; i++) {
                template.sendBody("ossa-events:t?source=/agents/planner&mode=batch&sink=" + direct.uri(), "only");
            }
            RecordingSink.Received received = direct.await(3).get(0);
            assertEquals(BATCH_CONTENT_TYPE, received.headers().get(Exchange.CONTENT_TYPE));
            assertEquals(1, CloudEventsJudge.batch(received.body()).size());
            assertEquals(1, log.messages().size(), () -> "one warning: " + log.messages());
            String warning = log.messages().get(0);
            assertTrue(warning.startsWith("mode=batch with batchSize=1: every event to direct:direct-sink is sent at"
                                          + " once, alone, as a JSON array of one"), warning);
            assertTrue(warning.contains("Set batchSize above 1"), warning);
        }
    }

    @Test
    void batchModeWithBatchingSaysNothing() throws Exception {
        try (CapturedLog log = new CapturedLog(SinkBindings.class.getName())) {
            template.sendBody("ossa-events:t?source=/agents/planner&mode=batch&batchSize=2&flushInterval=100&sink="
                              + direct.uri(), "x");
            direct.await(1);
            assertEquals(List.of(), log.messages());
        }
    }

    @Test
    void structuredModeWithBatchingSendsOneMessagePerEventInOrder() throws Exception {
        String uri = "ossa-events:t?source=/agents/planner&batchSize=4&flushInterval=60000&sink=" + direct.uri();
        for (int i = 0; i < 4; i++) {
            template.sendBody(uri, i);
        }
        List<RecordingSink.Received> received = direct.await(4);
        for (int i = 0; i < 4; i++) {
            assertEquals(EVENT_CONTENT_TYPE, received.get(i).headers().get(Exchange.CONTENT_TYPE));
            assertEquals(i, CloudEventsJudge.data(CloudEventsJudge.event(received.get(i).body())).intValue());
        }
    }
}
