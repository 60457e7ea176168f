package dev.ossa.camel.events.context;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import static dev.ossa.camel.events.OssaEventsConstants.AGENT_ID_ATTRIBUTE;
import static dev.ossa.camel.events.OssaEventsConstants.INTERACTION_ID_ATTRIBUTE;
import static dev.ossa.camel.events.OssaEventsConstants.PARENT_AGENT_ID_ATTRIBUTE;
import static dev.ossa.camel.events.OssaEventsConstants.PARENT_SPAN_ID_ATTRIBUTE;
import static dev.ossa.camel.events.OssaEventsConstants.SPAN_ID_ATTRIBUTE;
import static dev.ossa.camel.events.OssaEventsConstants.TENANT_ID_ATTRIBUTE;
import static dev.ossa.camel.events.OssaEventsConstants.TRACEPARENT_ATTRIBUTE;
import static dev.ossa.camel.events.OssaEventsConstants.TRACESTATE_ATTRIBUTE;
import static dev.ossa.camel.events.OssaEventsConstants.TRACE_ID_ATTRIBUTE;
import static dev.ossa.camel.events.OssaEventsConstants.WORKFLOW_ID_ATTRIBUTE;

/**
 * The context of a scope, made from the context current when it begins. The scope gets a new random span id, child of
 * the current span ({@code ossaparentspanid}); it continues the current trace, or starts one when there is none (or
 * the current trace id is not 32 hex digits). An agent scope names its agent and the calling agent
 * ({@code ossaparentagentid}); a workflow scope names its workflow ({@code ossaworkflowid}); the interaction, tenant
 * and the rest are inherited, and a scope that finds no interaction starts one (a random UUID).
 */
final class ScopeSpans {

    private static final Logger LOG = LoggerFactory.getLogger(ScopeSpans.class);

    private ScopeSpans() {
    }

    /**
     * @param current the context when the scope begins (see {@link ExchangeTraceContext#resolve}), with the
     *                component's {@code agentId} and {@code interactionId} options as fallbacks
     */
    static Map<String, String> child(ScopeKind kind, String name, Map<String, String> current) {
        String traceId = current.get(TRACE_ID_ATTRIBUTE);
        String parentSpan = current.get(SPAN_ID_ATTRIBUTE);
        TraceParent traceParent = TraceParent.parse(current.get(TRACEPARENT_ATTRIBUTE));
        String flags = traceParent != null && traceParent.traceId().equals(traceId)
                ? traceParent.flags() : TraceParent.SAMPLED;
        if (!TraceParent.isTraceId(traceId)) {
            if (traceId != null) {
                LOG.debug("Scope {} starts a new trace: the current trace id '{}' is not 32 lower-case hex digits",
                        name, traceId);
            }
            traceId = TraceIds.newTraceId();
            parentSpan = null;
        }
        String spanId = TraceIds.newSpanId();
        Map<String, String> context = new LinkedHashMap<>();
        context.put(TRACE_ID_ATTRIBUTE, traceId);
        context.put(SPAN_ID_ATTRIBUTE, spanId);
        putIfSet(context, PARENT_SPAN_ID_ATTRIBUTE, parentSpan);
        String agent = current.get(AGENT_ID_ATTRIBUTE);
        if (kind == ScopeKind.AGENT) {
            context.put(AGENT_ID_ATTRIBUTE, name);
            putIfSet(context, PARENT_AGENT_ID_ATTRIBUTE, name.equals(agent) ? current.get(PARENT_AGENT_ID_ATTRIBUTE)
                    : agent);
        } else {
            putIfSet(context, AGENT_ID_ATTRIBUTE, agent);
            putIfSet(context, PARENT_AGENT_ID_ATTRIBUTE, current.get(PARENT_AGENT_ID_ATTRIBUTE));
        }
        String interaction = current.get(INTERACTION_ID_ATTRIBUTE);
        context.put(INTERACTION_ID_ATTRIBUTE, interaction != null ? interaction : UUID.randomUUID().toString());
        putIfSet(context, WORKFLOW_ID_ATTRIBUTE, kind == ScopeKind.WORKFLOW ? name
                : current.get(WORKFLOW_ID_ATTRIBUTE));
        putIfSet(context, TENANT_ID_ATTRIBUTE, current.get(TENANT_ID_ATTRIBUTE));
        context.put(TRACEPARENT_ATTRIBUTE, TraceParent.of(traceId, spanId, flags).value());
        if (parentSpan != null) {
            putIfSet(context, TRACESTATE_ATTRIBUTE, current.get(TRACESTATE_ATTRIBUTE));
        }
        return context;
    }

    private static void putIfSet(Map<String, String> map, String key, String value) {
        if (value != null) {
            map.put(key, value);
        }
    }
}
