package dev.ossa.camel.events.binding;

import java.util.function.Consumer;

import org.apache.camel.Message;

import dev.ossa.camel.events.event.InvalidBatchEventException;
import dev.ossa.camel.events.event.InvalidCloudEventException;

/**
 * Reads the event or the batch that one message of a binding carries: the reverse of a {@link SinkBinding}. Every
 * event goes through the same validation as on send. Readers are thread-safe.
 */
public interface MessageReader {

    /**
     * @param message   the received message: its headers
     * @param body      its body as bytes, null or empty when it has none
     * @param onInvalid for a batch: null to fail it on its first invalid event, otherwise receives each invalid
     *                  event while the valid ones are kept
     * @return an {@code OssaCloudEvent}, or a {@code List<OssaCloudEvent>} for a batch
     * @throws InvalidCloudEventException naming the attribute (or the part of the message) and the rule
     */
    Object read(Message message, byte[] body, Consumer<InvalidBatchEventException> onInvalid);

    /** True when {@code name} is a header that carries an attribute in binary mode, which reading consumes. */
    boolean isAttributeHeader(String name);
}
