package dev.ossa.camel.events.binding;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.apache.camel.CamelContext;
import org.apache.camel.Message;
import org.apache.camel.support.DefaultMessage;

import dev.ossa.camel.events.OssaEventsConstants;
import dev.ossa.camel.events.OssaEventsMode;
import dev.ossa.camel.events.event.OssaCloudEvent;
import dev.ossa.camel.events.format.JsonEventFormat;

/**
 * The CloudEvents Kafka binding for {@code kafka:} sinks, sent by Camel's Kafka producer. Every header value is
 * written as UTF-8 bytes.
 * <ul>
 * <li>binary: the value is the data bytes, {@code content-type} from {@code datacontenttype}, every other attribute
 * in a {@code ce_<name>} header;</li>
 * <li>structured: the value is the JSON event, {@code content-type: application/cloudevents+json;
 * charset=UTF-8}.</li>
 * </ul>
 * The record key is the value of {@code keyField}; unset, the {@code partitionkey} extension; otherwise none. A batch
 * of N events is one Camel message whose body lists N messages, so the Kafka producer sends N records together.
 */
public final class KafkaBinding implements SinkBinding {

    /** camel-kafka's header for the record key. */
    static final String KAFKA_KEY_HEADER = "kafka.KEY";

    private final CamelContext context;
    private final JsonEventFormat format;
    private final OssaEventsMode mode;
    private final String keyField;
    private final SinkHeaders sinkHeaders;

    public KafkaBinding(CamelContext context, JsonEventFormat format, OssaEventsMode mode, String keyField,
                        SinkHeaders sinkHeaders) {
        this.context = context;
        this.format = format;
        this.mode = mode;
        this.keyField = keyField != null ? keyField : OssaEventsConstants.PARTITION_KEY_ATTRIBUTE;
        this.sinkHeaders = sinkHeaders;
    }

    @Override
    public void writeEvent(OssaCloudEvent event, Message message) {
        if (mode == OssaEventsMode.binary) {
            message.setBody(format.dataBytes(event));
            if (event.getDataContentType() != null) {
                message.setHeader("content-type", utf8(event.getDataContentType()));
            }
            event.forEachAttribute((name, value) -> {
                if (!name.equals("datacontenttype")) {
                    message.setHeader("ce_" + name, utf8(value.toString()));
                }
            });
        } else {
            message.setBody(format.event(event, false));
            message.setHeader("content-type", utf8(JsonEventFormat.EVENT_CONTENT_TYPE));
        }
        Object key = event.getAttribute(keyField);
        if (key != null) {
            message.setHeader(KAFKA_KEY_HEADER, key.toString());
        }
        sinkHeaders.applyTo(message, value -> value instanceof byte[] ? value : utf8(value.toString()));
    }

    @Override
    public void writeBatch(List<OssaCloudEvent> events, Message message) {
        List<Message> records = new ArrayList<>(events.size());
        for (OssaCloudEvent event : events) {
            Message record = new DefaultMessage(context);
            writeEvent(event, record);
            records.add(record);
        }
        message.setBody(records);
    }

    @Override
    public boolean writesBatches() {
        return true;
    }

    private static byte[] utf8(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }
}
