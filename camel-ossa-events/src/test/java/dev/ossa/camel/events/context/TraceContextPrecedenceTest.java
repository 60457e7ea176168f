package dev.ossa.camel.events.context;

import java.util.HashMap;
import java.util.Map;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.extensions.DistributedTracingExtension;
import io.cloudevents.core.provider.ExtensionProvider;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.context.Scope;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.Test;

import dev.ossa.camel.events.CloudEventsJudge;
import dev.ossa.camel.events.OssaEventsComponent;
import dev.ossa.camel.events.OssaEventsConstants;
import dev.ossa.camel.events.RecordingSink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * Where the OSSA ids come from: {@code CamelOssa*} headers, then {@code traceparent} (or the current OpenTelemetry
 * span), then {@code baggage}, then endpoint options, then component options; each source alone and together. Every
 * event is read back by the CloudEvents Java SDK, whose {@link DistributedTracingExtension} reads our
 * {@code traceparent} and {@code tracestate}.
 */
class TraceContextPrecedenceTest extends CamelTestSupport {

    static final String TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";
    static final String SPAN = "00f067aa0ba902b7";
    static final String TRACEPARENT = "00-" + TRACE + "-" + SPAN + "-01";
    static final String BAGGAGE = "ossa.agent_id=planner,ossa.interaction_id=run%2042,ossa.trace_id=baggage-trace,"
            + "ossa.span_id=baggage-span,ossa.parent_agent_id=orchestrator,ossa.workflow_id=trip%2Fplanning,"
            + "ossa.tenant_id=acme;ttl=60,other.key=ignored";

    private final RecordingSink sink = new RecordingSink("sink");

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return sink;
    }

    private CloudEvent send(String options, Map<String, Object> headers) throws Exception {
        int before = sink.received().size();
        template.sendBodyAndHeaders("ossa-events:dev.ossa.tool.called?source=/agents/planner&sink=" + sink.uri()
                                    + options, "{}", headers);
        return CloudEventsJudge.event(sink.await(before + 1).get(before).body());
    }

    private static DistributedTracingExtension tracing(CloudEvent event) {
        return ExtensionProvider.getInstance().parseExtension(DistributedTracingExtension.class, event);
    }

    @Test
    void traceparentAloneGivesTraceAndSpanAndTheTracingAttributes() throws Exception {
        CloudEvent event = send("", Map.of("traceparent", TRACEPARENT, "tracestate", "vendor=abc,other=1"));

        assertEquals(TRACE, event.getExtension("ossatraceid"));
        assertEquals(SPAN, event.getExtension("ossaspanid"));
        DistributedTracingExtension tracing = tracing(event);
        assertEquals(TRACEPARENT, tracing.getTraceparent());
        assertEquals("vendor=abc,other=1", tracing.getTracestate());
        assertNull(event.getExtension("ossaagentid"));
    }

    @Test
    void baggageAloneGivesTheSevenOssaExtensionsPercentDecoded() throws Exception {
        CloudEvent event = send("", Map.of("baggage", BAGGAGE));

        assertEquals("planner", event.getExtension("ossaagentid"));
        assertEquals("run 42", event.getExtension("ossainteractionid"));
        assertEquals("baggage-trace", event.getExtension("ossatraceid"));
        assertEquals("baggage-span", event.getExtension("ossaspanid"));
        assertEquals("orchestrator", event.getExtension("ossaparentagentid"));
        assertEquals("trip/planning", event.getExtension("ossaworkflowid"));
        assertEquals("acme", event.getExtension("ossatenantid"), "properties after ';' are not part of the value");
        assertNull(event.getExtension("traceparent"), "baggage alone is not a W3C trace context");
        assertNull(event.getExtension("otherkey"));
    }

    @Test
    void traceparentBeatsBaggageWhichKeepsTheRest() throws Exception {
        CloudEvent event = send("", Map.of("baggage", BAGGAGE, "traceparent", TRACEPARENT));

        assertEquals(TRACE, event.getExtension("ossatraceid"));
        assertEquals(SPAN, event.getExtension("ossaspanid"));
        assertEquals("planner", event.getExtension("ossaagentid"));
        assertEquals("run 42", event.getExtension("ossainteractionid"));
        assertEquals(TRACEPARENT, tracing(event).getTraceparent());
    }

    @Test
    void byteArrayHeadersAsKafkaRecordsCarryThemAreUtf8Text() throws Exception {
        CloudEvent event = send("", Map.of("traceparent", TRACEPARENT.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                "baggage", "ossa.agent_id=planner".getBytes(java.nio.charset.StandardCharsets.UTF_8)));

        assertEquals(TRACE, event.getExtension("ossatraceid"));
        assertEquals("planner", event.getExtension("ossaagentid"));
    }

    @Test
    void ossaHeadersBeatTraceparentAndBaggage() throws Exception {
        Map<String, Object> headers = new HashMap<>(Map.of("baggage", BAGGAGE, "traceparent", TRACEPARENT));
        headers.put(OssaEventsConstants.TRACE_ID, "header-trace");
        headers.put(OssaEventsConstants.SPAN_ID, "header-span");
        headers.put(OssaEventsConstants.AGENT_ID, "header-agent");
        headers.put(OssaEventsConstants.TENANT_ID, "header-tenant");
        headers.put(OssaEventsConstants.PARENT_SPAN_ID, "header-parent-span");
        CloudEvent event = send("", headers);

        assertEquals("header-trace", event.getExtension("ossatraceid"));
        assertEquals("header-span", event.getExtension("ossaspanid"));
        assertEquals("header-agent", event.getExtension("ossaagentid"));
        assertEquals("header-tenant", event.getExtension("ossatenantid"));
        assertEquals("header-parent-span", event.getExtension("ossaparentspanid"));
        assertEquals("run 42", event.getExtension("ossainteractionid"), "baggage still fills what no header sets");
        assertEquals(TRACEPARENT, tracing(event).getTraceparent(), "the attribute is the header as it came");
    }

    @Test
    void baggageBeatsEndpointOptionsWhichBeatComponentOptions() throws Exception {
        OssaEventsComponent component = context.getComponent("ossa-events", OssaEventsComponent.class);
        component.getConfiguration().setAgentId("component-agent");
        component.getConfiguration().setInteractionId("component-run");
        component.getConfiguration().setTraceId("component-trace");

        CloudEvent options = send("&agentId=endpoint-agent", Map.of());
        assertEquals("endpoint-agent", options.getExtension("ossaagentid"));
        assertEquals("component-run", options.getExtension("ossainteractionid"));
        assertEquals("component-trace", options.getExtension("ossatraceid"));

        CloudEvent baggage = send("&agentId=endpoint-agent", Map.of("baggage", "ossa.agent_id=from-baggage"));
        assertEquals("from-baggage", baggage.getExtension("ossaagentid"));
        assertEquals("component-run", baggage.getExtension("ossainteractionid"));

        CloudEvent traceparent = send("&agentId=endpoint-agent", Map.of("traceparent", TRACEPARENT));
        assertEquals(TRACE, traceparent.getExtension("ossatraceid"));
        assertEquals("endpoint-agent", traceparent.getExtension("ossaagentid"));
    }

    @Test
    void traceContextFalseReadsNeitherHeader() throws Exception {
        CloudEvent event = send("&traceContext=false&agentId=option-agent",
                Map.of("baggage", BAGGAGE, "traceparent", TRACEPARENT));

        assertEquals("option-agent", event.getExtension("ossaagentid"));
        assertNull(event.getExtension("ossatraceid"));
        assertNull(event.getExtension("traceparent"));
        assertNull(event.getExtension("ossatenantid"));
    }

    @Test
    void theCurrentOpenTelemetrySpanCountsAsTheTraceparentWhenTheExchangeHasNone() throws Exception {
        String otelTrace = "0af7651916cd43dd8448eb211c80319c";
        String otelSpan = "b7ad6b7169203331";
        SpanContext spanContext = SpanContext.create(otelTrace, otelSpan, TraceFlags.getSampled(),
                TraceState.builder().put("vendor", "otel").build());
        try (Scope ignored = Span.wrap(spanContext).makeCurrent()) {
            CloudEvent fromSpan = send("", Map.of("baggage", "ossa.agent_id=planner,ossa.trace_id=baggage-trace"));
            assertEquals(otelTrace, fromSpan.getExtension("ossatraceid"));
            assertEquals(otelSpan, fromSpan.getExtension("ossaspanid"));
            assertEquals("planner", fromSpan.getExtension("ossaagentid"));
            assertEquals("00-" + otelTrace + "-" + otelSpan + "-01", tracing(fromSpan).getTraceparent());
            assertEquals("vendor=otel", tracing(fromSpan).getTracestate());

            CloudEvent fromHeader = send("", Map.of("traceparent", TRACEPARENT));
            assertEquals(TRACE, fromHeader.getExtension("ossatraceid"), "the exchange's header comes first");

            CloudEvent off = send("&traceContext=false", Map.of());
            assertNull(off.getExtension("ossatraceid"));
        }
        assertNull(send("", Map.of()).getExtension("ossatraceid"), "no span is current any more");
    }
}
