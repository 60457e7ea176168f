package dev.ossa.camel.events.binding;

import java.util.List;

import org.apache.camel.Message;

import dev.ossa.camel.events.event.OssaCloudEvent;
import dev.ossa.camel.events.format.JsonEventFormat;

/**
 * The built-in {@code stdout} sink: JSON Lines (one compact event per line), or pretty JSON with {@code pretty=true}.
 * A batch is written as its events' lines in one go.
 */
public final class StdoutBinding implements SinkBinding {

    private final JsonEventFormat format;
    private final boolean pretty;

    public StdoutBinding(JsonEventFormat format, boolean pretty) {
        this.format = format;
        this.pretty = pretty;
    }

    @Override
    public void writeEvent(OssaCloudEvent event, Message message) {
        message.setBody(format.lines(List.of(event), pretty));
    }

    @Override
    public void writeBatch(List<OssaCloudEvent> events, Message message) {
        message.setBody(format.lines(events, pretty));
    }

    @Override
    public boolean writesBatches() {
        return true;
    }
}
