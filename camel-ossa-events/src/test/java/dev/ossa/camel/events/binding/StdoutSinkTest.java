package dev.ossa.camel.events.binding;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.camel.Exchange;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.ossa.camel.events.CapturedStdout;
import dev.ossa.camel.events.CloudEventsJudge;
import dev.ossa.camel.events.OssaEventType;
import dev.ossa.camel.events.OssaEventsConstants;
import io.cloudevents.CloudEvent;

import static dev.ossa.camel.events.CloudEventsJudge.JACKSON;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The built-in default sink: JSON Lines on standard output, or pretty JSON with {@code pretty=true}.
 */
class StdoutSinkTest extends CamelTestSupport {

    private CapturedStdout stdout;

    @BeforeEach
    void captureStdout() {
        stdout = new CapturedStdout();
    }

    @AfterEach
    void restoreStdout() {
        stdout.close();
    }

    @Test
    void defaultSinkPrintsOneCompactEventPerLine() {
        String uri = "ossa-events:" + OssaEventType.TOOL_CALLED + "?source=/agents/planner&agentId=planner";
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Exchange exchange = template.request(uri, e -> e.getMessage().setBody(Map.of("step", 1)));
            ids.add(exchange.getMessage().getHeader(OssaEventsConstants.ID, String.class));
        }
        String out = stdout.text();
        String[] lines = out.split("\n", -1);
        assertEquals(4, lines.length, out);
        assertEquals("", lines[3], "every event ends with a newline");
        List<CloudEvent> events = CloudEventsJudge.lines(out);
        assertEquals(ids, events.stream().map(CloudEvent::getId).toList());
        for (CloudEvent event : events) {
            assertEquals("dev.ossa.tool.called", event.getType());
            assertEquals("planner", event.getExtension("ossaagentid"));
            assertEquals(JACKSON.valueToTree(Map.of("step", 1)), CloudEventsJudge.data(event));
        }
    }

    @Test
    void prettyPrintsIndentedEventsOneAfterAnother() throws Exception {
        String uri = "ossa-events:" + OssaEventType.STATE_UPDATED + "?source=/agents/planner&pretty=true";
        template.sendBody(uri, Map.of("memory", Map.of("city", "Lisbon")));
        template.sendBody(uri, "{\"memory\":{}}");
        String out = stdout.text();
        assertTrue(out.contains("\n  \"id\" : \""), out);
        List<CloudEvent> events = new ArrayList<>();
        Iterator<JsonNode> values = JACKSON.readerFor(JsonNode.class).readValues(out);
        while (values.hasNext()) {
            events.add(CloudEventsJudge.event(values.next().toString()));
        }
        assertEquals(2, events.size());
        assertEquals(JACKSON.readTree("{\"memory\":{\"city\":\"Lisbon\"}}"), CloudEventsJudge.data(events.get(0)));
        assertEquals(JACKSON.readTree("{\"memory\":{}}"), CloudEventsJudge.data(events.get(1)));
    }

    @Test
    void nonAsciiIsPrintedAsUtf8() {
        template.sendBodyAndHeader("ossa-events:t?source=/agents/planner", "x", OssaEventsConstants.SUBJECT,
                "天気 · Überprüfung");
        CloudEvent event = CloudEventsJudge.lines(stdout.text()).get(0);
        assertEquals("天気 · Überprüfung", event.getSubject());
    }
}
