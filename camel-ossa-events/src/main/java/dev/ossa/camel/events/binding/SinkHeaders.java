package dev.ossa.camel.events.binding;

import java.util.Map;
import java.util.function.Function;

import org.apache.camel.Message;

/**
 * The static {@code sinkHeaders.*} of an endpoint, put on every sink message. Their values are secrets: this class
 * never prints them.
 */
public final class SinkHeaders {

    private final Map<String, Object> headers;

    public SinkHeaders(Map<String, Object> headers) {
        this.headers = Map.copyOf(headers);
    }

    /** Sets every header on {@code message}, each value passed through {@code encoder} first. */
    public void applyTo(Message message, Function<Object, Object> encoder) {
        headers.forEach((name, value) -> message.setHeader(name, encoder.apply(value)));
    }

    /** Sets every header on {@code message} as it is. */
    public void applyTo(Message message) {
        headers.forEach(message::setHeader);
    }

    @Override
    public String toString() {
        return "SinkHeaders" + headers.keySet();
    }
}
