package dev.ossa.camel.events.binding;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.apache.camel.Exchange;
import org.apache.camel.Message;

import dev.ossa.camel.events.event.OssaCloudEvent;
import dev.ossa.camel.events.format.JsonEventFormat;

/**
 * {@code log:} and every Camel endpoint without a binding of its own ({@code file:}, {@code seda:},
 * {@code rabbitmq:} ...): the structured JSON event in the body with its {@code Content-Type} header; in batch mode
 * one JSON array per batch, and an unbatched event ({@code batchSize=1}) is an array of one.
 */
public final class StructuredBinding implements SinkBinding {

    private final JsonEventFormat format;
    private final boolean batch;
    private final boolean pretty;
    private final boolean textBody;
    private final SinkHeaders sinkHeaders;

    /**
     * @param batch    one message per batch (a JSON array) instead of one per event
     * @param pretty   pretty-printed JSON
     * @param textBody the body as a String (for {@code log:}) rather than UTF-8 bytes
     */
    public StructuredBinding(JsonEventFormat format, boolean batch, boolean pretty, boolean textBody,
                             SinkHeaders sinkHeaders) {
        this.format = format;
        this.batch = batch;
        this.pretty = pretty;
        this.textBody = textBody;
        this.sinkHeaders = sinkHeaders;
    }

    @Override
    public void writeEvent(OssaCloudEvent event, Message message) {
        setBody(message, format.event(event, pretty), JsonEventFormat.EVENT_CONTENT_TYPE);
    }

    @Override
    public void writeBatch(List<OssaCloudEvent> events, Message message) {
        setBody(message, format.batch(events, pretty), JsonEventFormat.BATCH_CONTENT_TYPE);
    }

    @Override
    public boolean writesBatches() {
        return batch;
    }

    private void setBody(Message message, byte[] json, String contentType) {
        message.setBody(textBody ? new String(json, StandardCharsets.UTF_8) : json);
        message.setHeader(Exchange.CONTENT_TYPE, contentType);
        sinkHeaders.applyTo(message);
    }
}
