package dev.ossa.camel.events.context;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiConsumer;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.ossa.camel.events.OssaEventsConstants;
import dev.ossa.camel.events.event.TraceContextSource;

/**
 * The trace context of an exchange, as OSSA extension attributes: the {@code baggage} header's OSSA keys, overridden
 * by a valid {@code traceparent} header (or, without one, the current OpenTelemetry span), which gives
 * {@code ossatraceid}, {@code ossaspanid} and the CloudEvents distributed tracing attributes {@code traceparent} and
 * {@code tracestate}. Inside a scope, {@code ossaparentspanid} names the scope's parent span. The exchange's
 * {@code CamelOssa*} headers rank above all of this; {@link #resolve} adds them, the event builder does the same.
 */
public final class ExchangeTraceContext implements TraceContextSource {

    /** Reads trace context from every exchange. */
    public static final ExchangeTraceContext INSTANCE = new ExchangeTraceContext();

    private static final Logger LOG = LoggerFactory.getLogger(ExchangeTraceContext.class);

    private ExchangeTraceContext() {
    }

    @Override
    public void addTo(Exchange exchange, BiConsumer<String, Object> extension) {
        read(exchange).forEach(extension);
    }

    /** The attributes that the exchange's {@code baggage}, {@code traceparent} and {@code tracestate} give. */
    public static Map<String, String> read(Exchange exchange) {
        Message in = exchange.getMessage();
        Map<String, String> attributes = new LinkedHashMap<>(OssaBaggage.parse(in.getHeader(
                OssaEventsConstants.BAGGAGE)).attributes());
        Object header = in.getHeader(OssaEventsConstants.TRACEPARENT);
        TraceParent traceParent = TraceParent.parse(header);
        String traceState = null;
        if (traceParent != null) {
            traceState = traceState(in.getHeader(OssaEventsConstants.TRACESTATE));
        } else {
            if (header != null) {
                LOG.debug("Ignoring the traceparent header '{}': not 00-<32 hex>-<16 hex>-<2 hex>, lower-case, ids not"
                          + " all zeros", header);
            }
            traceParent = OpenTelemetrySpan.current();
            traceState = traceParent != null ? OpenTelemetrySpan.currentTraceState() : null;
        }
        if (traceParent != null) {
            attributes.put(OssaEventsConstants.TRACE_ID_ATTRIBUTE, traceParent.traceId());
            attributes.put(OssaEventsConstants.SPAN_ID_ATTRIBUTE, traceParent.parentId());
            attributes.put(OssaEventsConstants.TRACEPARENT_ATTRIBUTE, traceParent.value());
            if (traceState != null) {
                attributes.put(OssaEventsConstants.TRACESTATE_ATTRIBUTE, traceState);
            }
        }
        ScopeFrame scope = exchange.getProperty(ScopeFrame.PROPERTY, ScopeFrame.class);
        if (scope != null && scope.spanId().equals(attributes.get(OssaEventsConstants.SPAN_ID_ATTRIBUTE))
                && scope.parentSpanId() != null) {
            attributes.put(OssaEventsConstants.PARENT_SPAN_ID_ATTRIBUTE, scope.parentSpanId());
        }
        return attributes;
    }

    /** {@link #read}, then the exchange's {@code CamelOssa*} headers over it: the full precedence of an event. */
    public static Map<String, String> resolve(Exchange exchange) {
        Map<String, String> attributes = read(exchange);
        OssaEventsConstants.OSSA_EXTENSION_HEADERS.forEach((attribute, headerName) -> {
            Object value = exchange.getMessage().getHeader(headerName);
            if (value != null) {
                attributes.put(attribute, value.toString());
            }
        });
        return attributes;
    }

    /** The header when it is printable ASCII, as W3C {@code tracestate} is; otherwise null (logged at DEBUG). */
    private static String traceState(Object header) {
        String value = HeaderText.of(header);
        if (value == null) {
            return null;
        }
        value = value.strip();
        boolean printable = !value.isEmpty() && value.chars().allMatch(c -> c >= 0x20 && c <= 0x7e);
        if (!printable) {
            LOG.debug("Ignoring the tracestate header '{}': empty or not printable ASCII", header);
        }
        return printable ? value : null;
    }
}
