package dev.ossa.camel.events.binding;

import java.util.List;

import org.apache.camel.Exchange;
import org.apache.camel.Message;

import dev.ossa.camel.events.event.OssaCloudEvent;

/**
 * How one family of sinks receives events: which body, which headers. A binding maps names and values; it neither
 * sends nor retries.
 */
public interface SinkBinding {

    /** Fills {@code message} with one event; used when {@link #writesBatches()} is false. */
    void writeEvent(OssaCloudEvent event, Message message);

    /**
     * Fills {@code message} with a whole batch, when {@link #writesBatches()} is true: a JSON array, JSON Lines, or
     * one record per event for Kafka.
     */
    void writeBatch(List<OssaCloudEvent> events, Message message);

    /**
     * True when one sink message carries a whole batch, and a single event is sent as a batch of one; false when each
     * event is its own message.
     */
    boolean writesBatches();

    /**
     * Checks the sink's answer after a send that raised no exception.
     *
     * @throws SinkRejectedException when the sink refused the message (an HTTP status outside 2xx)
     */
    default void checkReply(Exchange sinkExchange) {
    }

    /**
     * The exception to raise when the sink failed to take a message: by default the sink's own; a binding may wrap it
     * in one that says what to check.
     */
    default Exception describeFailure(Exception failure) {
        return failure;
    }
}
