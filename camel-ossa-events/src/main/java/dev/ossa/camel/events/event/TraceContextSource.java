package dev.ossa.camel.events.event;

import java.util.function.BiConsumer;

import org.apache.camel.Exchange;

/**
 * The extension attributes that an exchange's trace context gives its event (in {@code dev.ossa.camel.events.context}:
 * W3C {@code traceparent}, {@code tracestate} and {@code baggage}). They rank above the endpoint and component options
 * and below the exchange's {@code CamelOssa*} and {@code CamelCloudEventExtensions} headers.
 */
@FunctionalInterface
public interface TraceContextSource {

    /** Reads nothing: the {@code traceContext=false} option. */
    TraceContextSource NONE = (exchange, extension) -> {
    };

    /** Calls {@code extension} with each attribute name and value the exchange's trace context gives. */
    void addTo(Exchange exchange, BiConsumer<String, Object> extension);
}
