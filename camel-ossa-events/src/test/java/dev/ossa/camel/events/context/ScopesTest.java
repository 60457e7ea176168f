package dev.ossa.camel.events.context;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.extensions.DistributedTracingExtension;
import io.cloudevents.core.provider.ExtensionProvider;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.Test;

import dev.ossa.camel.events.CloudEventsJudge;
import dev.ossa.camel.events.OssaEventsComponent;
import dev.ossa.camel.events.OssaEventsEndpoint;
import dev.ossa.camel.events.RecordingSink;

import static dev.ossa.camel.events.CloudEventsJudge.JACKSON;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Routes declared as scopes in the Java DSL ({@code routePolicyRef("ossaAgent")} ...) emit their lifecycle events with
 * no send in the route, through the component configured on the context; nested scopes (agent > turn > tool) form a
 * span tree; a failing tool fails its turn and its agent; the exchange's trace headers name the innermost scope and
 * are put back when it ends. No setup: the component's plugin binds the policies.
 */
class ScopesTest extends CamelTestSupport {

    static final String TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";
    static final String SPAN = "00f067aa0ba902b7";

    private final RecordingSink sink = new RecordingSink("sink");
    private volatile Map<String, Object> headersInTool;

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        OssaEventsComponent component = context.getComponent("ossa-events", OssaEventsComponent.class);
        component.getConfiguration().setSource("/agents/test");
        component.getConfiguration().setSink(sink.uri());
        return context;
    }

    @Override
    protected RoutesBuilder[] createRouteBuilders() {
        return new RoutesBuilder[] { sink, new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:planner").routeId("planner").routePolicyRef("ossaAgent")
                        .to("direct:turn")
                        .setBody(constant("{\"result\":\"itinerary ready\"}"));
                from("direct:turn").routeId("planner-turn").routePolicyRef("ossaTurn")
                        .to("direct:weather")
                        .setBody(constant(Map.of("itinerary", List.of("Day 1"))))
                        .to("ossa-events:dev.ossa.state.updated")
                        .setBody(constant("{\"response\":\"drafted\"}"));
                from("direct:weather").routeId("weather-tool").routeProperty("ossa.name", "weather.forecast")
                        .routePolicyRef("ossaTool")
                        .process(e -> headersInTool = Map.copyOf(e.getMessage().getHeaders()))
                        .filter(header("fail")).throwException(new IllegalStateException("no forecast today")).end()
                        .setBody(constant(Map.of("sky", "sunny")));
                from("direct:reader").routeId("stream-reader").streamCache("false").routePolicyRef("ossaTool")
                        .convertBodyTo(String.class)
                        .setBody(simple("read ${body}"));
            }
        } };
    }

    private List<CloudEvent> events(int count) throws Exception {
        return sink.await(count).stream().map(received -> CloudEventsJudge.event(received.body())).toList();
    }

    private static String ext(CloudEvent event, String name) {
        Object value = event.getExtension(name);
        return value == null ? null : value.toString();
    }

    @Test
    void nestedScopesEmitTheirEventsAndFormASpanTree() throws Exception {
        Exchange exchange = template.request("direct:planner", e -> e.getMessage().setBody("{\"goal\":\"plan\"}"));
        assertNull(exchange.getException());

        List<CloudEvent> events = events(7);
        assertEquals(List.of("dev.ossa.agent.started", "dev.ossa.turn.started", "dev.ossa.tool.called",
                "dev.ossa.tool.completed", "dev.ossa.state.updated", "dev.ossa.turn.completed",
                "dev.ossa.agent.completed"), events.stream().map(CloudEvent::getType).toList());
        CloudEvent agentStarted = events.get(0);
        CloudEvent turnStarted = events.get(1);
        CloudEvent toolCalled = events.get(2);
        CloudEvent toolCompleted = events.get(3);
        CloudEvent stateUpdated = events.get(4);

        String trace = ext(agentStarted, "ossatraceid");
        assertTrue(TraceParent.isTraceId(trace), "a new trace: " + trace);
        String interaction = ext(agentStarted, "ossainteractionid");
        assertNotNull(interaction, "a new interaction");
        for (CloudEvent event : events) {
            assertEquals(trace, ext(event, "ossatraceid"), event.getType());
            assertEquals(interaction, ext(event, "ossainteractionid"), event.getType());
            assertEquals("planner", ext(event, "ossaagentid"), event.getType());
            assertTrue(TraceParent.isSpanId(ext(event, "ossaspanid")), event.getType());
            DistributedTracingExtension tracing = ExtensionProvider.getInstance()
                    .parseExtension(DistributedTracingExtension.class, event);
            assertEquals("00-" + trace + "-" + ext(event, "ossaspanid") + "-01", tracing.getTraceparent(),
                    event.getType());
        }
        String agentSpan = ext(agentStarted, "ossaspanid");
        String turnSpan = ext(turnStarted, "ossaspanid");
        String toolSpan = ext(toolCalled, "ossaspanid");
        assertEquals(3, List.of(agentSpan, turnSpan, toolSpan).stream().distinct().count(), "a span per scope");
        assertNull(ext(agentStarted, "ossaparentspanid"), "the root span");
        assertEquals(agentSpan, ext(turnStarted, "ossaparentspanid"));
        assertEquals(turnSpan, ext(toolCalled, "ossaparentspanid"));
        assertEquals(toolSpan, ext(toolCompleted, "ossaspanid"));
        assertEquals(turnSpan, ext(stateUpdated, "ossaspanid"), "an explicit send names the scope it is in");
        assertEquals(agentSpan, ext(stateUpdated, "ossaparentspanid"));
        assertEquals(turnSpan, ext(events.get(5), "ossaspanid"));
        assertEquals(agentSpan, ext(events.get(6), "ossaspanid"));

        assertEquals(List.of("planner", "planner-turn", "weather.forecast", "weather.forecast"),
                events.subList(0, 4).stream().map(CloudEvent::getSubject).toList(), "the scope's name");
        assertEquals(JACKSON.readTree("{\"goal\":\"plan\"}"), CloudEventsJudge.data(agentStarted), "the input");
        assertEquals(JACKSON.readTree("{\"goal\":\"plan\"}"), CloudEventsJudge.data(toolCalled));
        assertEquals(JACKSON.readTree("{\"sky\":\"sunny\"}"), CloudEventsJudge.data(toolCompleted), "the output");
        assertEquals(JACKSON.readTree("{\"result\":\"itinerary ready\"}"), CloudEventsJudge.data(events.get(6)));
        assertNull(agentStarted.getExtension("ossadurationms"));
        assertInstanceOf(Integer.class, toolCompleted.getExtension("ossadurationms"));

        assertEquals("00-" + trace + "-" + toolSpan + "-01", headersInTool.get("traceparent"));
        assertTrue(headersInTool.get("baggage").toString().contains("ossa.agent_id=planner"));
        assertTrue(headersInTool.get("baggage").toString().contains("ossa.span_id=" + toolSpan));
        assertFalse(exchange.getMessage().getHeaders().containsKey("traceparent"), "put back: there was none");
        assertFalse(exchange.getMessage().getHeaders().containsKey("baggage"));
        assertEquals(7, context.getEndpoints().stream().filter(OssaEventsEndpoint.class::isInstance)
                .mapToLong(e -> ((OssaEventsEndpoint) e).getEventsAccepted()).sum(), "counted on the endpoints");
    }

    @Test
    void aFailingToolFailsItsTurnAndItsAgent() throws Exception {
        Exchange exchange = template.request("direct:planner", e -> {
            e.getMessage().setBody("{\"goal\":\"plan\"}");
            e.getMessage().setHeader("fail", true);
        });
        assertInstanceOf(IllegalStateException.class, exchange.getException(), "the route fails as before");

        List<CloudEvent> events = events(6);
        assertEquals(List.of("dev.ossa.agent.started", "dev.ossa.turn.started", "dev.ossa.tool.called",
                "dev.ossa.tool.failed", "dev.ossa.turn.failed", "dev.ossa.agent.failed"),
                events.stream().map(CloudEvent::getType).toList());
        JsonAssert error = new JsonAssert("{\"error\":{\"type\":\"java.lang.IllegalStateException\","
                                          + "\"message\":\"no forecast today\"}}");
        for (CloudEvent failed : events.subList(3, 6)) {
            error.matches(CloudEventsJudge.data(failed).toString(), failed.getType());
            assertInstanceOf(Integer.class, failed.getExtension("ossadurationms"), failed.getType());
        }
        assertEquals(ext(events.get(2), "ossaspanid"), ext(events.get(3), "ossaspanid"));
        assertEquals(ext(events.get(0), "ossaspanid"), ext(events.get(5), "ossaspanid"));
    }

    @Test
    void aScopeContinuesTheIncomingTraceAndPutsTheHeadersBack() throws Exception {
        String traceparent = "00-" + TRACE + "-" + SPAN + "-00";
        String baggage = "ossa.agent_id=orchestrator,ossa.interaction_id=run-1,ossa.tenant_id=acme,vendor.key=kept";
        Exchange exchange = template.request("direct:weather", e -> {
            e.getMessage().setHeader("traceparent", traceparent);
            e.getMessage().setHeader("tracestate", "vendor=abc");
            e.getMessage().setHeader("baggage", baggage);
        });

        List<CloudEvent> events = events(2);
        CloudEvent called = events.get(0);
        assertEquals(TRACE, ext(called, "ossatraceid"));
        assertEquals(SPAN, ext(called, "ossaparentspanid"));
        String span = ext(called, "ossaspanid");
        assertNotEquals(SPAN, span);
        assertEquals("orchestrator", ext(called, "ossaagentid"), "a tool runs for the current agent");
        assertEquals("run-1", ext(called, "ossainteractionid"));
        assertEquals("acme", ext(called, "ossatenantid"));
        assertEquals("00-" + TRACE + "-" + span + "-00", ext(called, "traceparent"), "the caller's flags");
        assertEquals("vendor=abc", ext(called, "tracestate"));

        assertEquals("00-" + TRACE + "-" + span + "-00", headersInTool.get("traceparent"));
        assertTrue(headersInTool.get("baggage").toString().contains("vendor.key=kept"), "other keys pass on");
        assertEquals(traceparent, exchange.getMessage().getHeader("traceparent"));
        assertEquals("vendor=abc", exchange.getMessage().getHeader("tracestate"));
        assertEquals(baggage, exchange.getMessage().getHeader("baggage"));
    }

    @Test
    void aStreamThatCannotBeReadTwiceIsNotConsumed() throws Exception {
        String text = "a body that a stream gives once";
        String result = template.requestBody("direct:reader",
                new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), String.class);

        assertEquals("read " + text, result, "the route read the whole stream");
        List<CloudEvent> events = events(2);
        assertNull(events.get(0).getData(), "tool.called has no data: the stream was not read");
        assertEquals("\"read " + text + "\"", CloudEventsJudge.data(events.get(1)).toString());
    }

    /** Compares JSON text by tree. */
    private record JsonAssert(String expected) {

        void matches(String actual, String what) throws Exception {
            assertEquals(JACKSON.readTree(expected), JACKSON.readTree(actual), what);
        }
    }
}
