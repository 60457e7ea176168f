package dev.ossa.camel.events;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * The eleven OSSA event types of the design, the two failures that scopes add, and their use in the Java DSL.
 */
class OssaEventTypeTest extends CamelTestSupport {

    private final RecordingSink sink = new RecordingSink("sink");

    @Override
    protected RoutesBuilder[] createRouteBuilders() {
        return new RoutesBuilder[] { sink, new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:tool").to("ossa-events:" + OssaEventType.TOOL_CALLED + "?source=/s&sink=" + sink.uri());
                from("direct:agent").to(OssaEventType.AGENT_FAILED.uri() + "?source=/s&sink=" + sink.uri());
            }
        } };
    }

    @Test
    void elevenOssaTypesThenTheTwoFailuresOfScopes() {
        assertEquals(List.of("dev.ossa.agent.started", "dev.ossa.agent.completed", "dev.ossa.agent.failed",
                "dev.ossa.tool.called", "dev.ossa.tool.completed", "dev.ossa.tool.failed", "dev.ossa.turn.started",
                "dev.ossa.turn.completed", "dev.ossa.state.updated", "dev.ossa.workflow.started",
                "dev.ossa.workflow.completed", "dev.ossa.workflow.failed", "dev.ossa.turn.failed"), Arrays.stream(OssaEventType.values()).map(OssaEventType::type).toList());
    }

    @Test
    void nameAndStringSayTheSame() {
        for (OssaEventType type : OssaEventType.values()) {
            assertEquals("dev.ossa." + type.name().toLowerCase(Locale.ROOT).replace('_', '.'), type.type());
            assertEquals(type.type(), type.toString());
            assertEquals("ossa-events:" + type.type(), type.uri());
            assertEquals(type, OssaEventType.fromType(type.type()));
        }
        assertNull(OssaEventType.fromType("com.example.custom"));
    }

    @Test
    void usableInTheJavaDsl() throws Exception {
        template.sendBody("direct:tool", "x");
        template.sendBody("direct:agent", "x");
        List<RecordingSink.Received> received = sink.await(2);
        assertEquals("dev.ossa.tool.called", CloudEventsJudge.event(received.get(0).body()).getType());
        assertEquals("dev.ossa.agent.failed", CloudEventsJudge.event(received.get(1).body()).getType());
    }
}
