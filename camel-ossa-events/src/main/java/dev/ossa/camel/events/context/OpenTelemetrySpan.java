package dev.ossa.camel.events.context;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;

/**
 * The current OpenTelemetry span as a {@code traceparent} and {@code tracestate}, when the OpenTelemetry API is on
 * the classpath (an optional dependency) and a valid span is current; otherwise null. Only {@link Reader} touches the
 * OpenTelemetry API, so that this class loads without it.
 */
final class OpenTelemetrySpan {

    private static final boolean PRESENT = isPresent();

    private OpenTelemetrySpan() {
    }

    /** The current span's context, or null. */
    static TraceParent current() {
        return PRESENT ? Reader.traceParent() : null;
    }

    /** The current span's {@code tracestate}, or null when it has none. */
    static String currentTraceState() {
        return PRESENT ? Reader.traceState() : null;
    }

    private static boolean isPresent() {
        try {
            Class.forName("io.opentelemetry.api.trace.Span", false, OpenTelemetrySpan.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    private static final class Reader {

        static TraceParent traceParent() {
            SpanContext context = Span.current().getSpanContext();
            return context.isValid()
                    ? TraceParent.of(context.getTraceId(), context.getSpanId(), context.getTraceFlags().asHex())
                    : null;
        }

        static String traceState() {
            SpanContext context = Span.current().getSpanContext();
            if (!context.isValid() || context.getTraceState().isEmpty()) {
                return null;
            }
            StringBuilder state = new StringBuilder();
            context.getTraceState().forEach((key, value) -> {
                state.append(state.length() == 0 ? "" : ",").append(key).append('=').append(value);
            });
            return state.toString();
        }
    }
}
