package dev.ossa.camel.events.context;

import java.util.Map;

import dev.ossa.camel.events.OssaEventsConstants;

/**
 * One scope an exchange is in: its kind, name and context (OSSA extension attributes, {@code traceparent} and
 * {@code tracestate} included), when it began, and the {@code traceparent}, {@code tracestate} and {@code baggage}
 * headers of its parent, put back when it ends. Immutable; the innermost scope is the exchange property
 * {@value #PROPERTY}, and each frame links to the one it is nested in, so copies of an exchange share frames safely.
 *
 * @param parentHeaders the parent's header values by name; a null value means the header was absent
 */
record ScopeFrame(
        ScopeKind kind, String name, String routeId, Map<String, String> context, long startNanos,
        Map<String, Object> parentHeaders, ScopeFrame parent) {

    /** Exchange property that holds the innermost scope. */
    static final String PROPERTY = "CamelOssaScope";

    String spanId() {
        return context.get(OssaEventsConstants.SPAN_ID_ATTRIBUTE);
    }

    String parentSpanId() {
        return context.get(OssaEventsConstants.PARENT_SPAN_ID_ATTRIBUTE);
    }
}
