package dev.ossa.camel.events.binding;

import java.util.List;
import java.util.Map;

import org.apache.camel.Exchange;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.Test;

import dev.ossa.camel.events.CapturedLog;
import dev.ossa.camel.events.CloudEventsJudge;
import dev.ossa.camel.events.OssaEventType;
import dev.ossa.camel.events.OssaEventsConstants;
import io.cloudevents.CloudEvent;

import static dev.ossa.camel.events.CloudEventsJudge.JACKSON;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The {@code log:} sink: Camel's log endpoint receives the structured JSON event as its body.
 */
class LogSinkTest extends CamelTestSupport {

    @Test
    void logEndpointLogsTheStructuredEvent() throws Exception {
        try (CapturedLog log = new CapturedLog("ossa.events")) {
            Exchange exchange = template.request("ossa-events:" + OssaEventType.AGENT_STARTED
                    + "?source=/agents/planner&sink=RAW(log:ossa.events?plain=true)",
                    e -> e.getMessage().setBody(Map.of("goal", "plan a trip")));
            List<String> messages = log.await(1);
            assertEquals(1, messages.size());
            String line = messages.get(0);
            assertFalse(line.contains("\n"), "compact JSON by default");
            CloudEvent event = CloudEventsJudge.event(line);
            assertEquals(exchange.getMessage().getHeader(OssaEventsConstants.ID), event.getId());
            assertEquals("dev.ossa.agent.started", event.getType());
            assertEquals(JACKSON.valueToTree(Map.of("goal", "plan a trip")), CloudEventsJudge.data(event));
        }
    }

    @Test
    void prettyLogsIndentedJson() throws Exception {
        try (CapturedLog log = new CapturedLog("ossa.pretty")) {
            template.sendBody("ossa-events:t?source=/agents/planner&pretty=true&sink=RAW(log:ossa.pretty?plain=true)",
                    "x");
            String line = log.await(1).get(0);
            assertTrue(line.contains("\n  \"specversion\" : \"1.0\""), line);
            assertEquals("t", CloudEventsJudge.event(line).getType());
        }
    }

    @Test
    void defaultLogFormatShowsTheEventAsAStringBody() throws Exception {
        try (CapturedLog log = new CapturedLog("ossa.default")) {
            template.sendBodyAndHeader("ossa-events:t?source=/agents/planner&sink=log:ossa.default", "x",
                    "X-Caller-Secret", "do-not-log");
            String line = log.await(1).get(0);
            assertTrue(line.contains("BodyType: String"), line);
            assertTrue(line.contains("\"specversion\":\"1.0\""), line);
            assertFalse(line.contains("do-not-log"), line);
        }
    }
}
