package dev.ossa.camel.events.binding;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.apache.camel.CamelContext;
import org.apache.camel.Message;

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
 * of N events is one Camel message whose body lists N messages, so the Kafka producer sends N records together; one
 * event is a list of one. Each record is a {@link KafkaRecordMessage}, whose header names keep their exact case.
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

    /** One event is one record: a body listing one message, sent like a batch of one. */
    @Override
    public void writeEvent(OssaCloudEvent event, Message message) {
        message.setBody(List.of(record(event)));
    }

    @Override
    public void writeBatch(List<OssaCloudEvent> events, Message message) {
        List<Message> records = new ArrayList<>(events.size());
        for (OssaCloudEvent event : events) {
            records.add(record(event));
        }
        message.setBody(records);
    }

    private Message record(OssaCloudEvent event) {
        Message record = new KafkaRecordMessage(context);
        if (mode == OssaEventsMode.binary) {
            record.setBody(format.dataBytes(event));
            if (event.getDataContentType() != null) {
                record.setHeader("content-type", utf8(event.getDataContentType()));
            }
            event.forEachAttribute((name, value) -> {
                if (!name.equals("datacontenttype")) {
                    record.setHeader("ce_" + name, utf8(value.toString()));
                }
            });
        } else {
            record.setBody(format.event(event, false));
            record.setHeader("content-type", utf8(JsonEventFormat.EVENT_CONTENT_TYPE));
        }
        Object key = event.getAttribute(keyField);
        if (key != null) {
            record.setHeader(KAFKA_KEY_HEADER, key.toString());
        }
        sinkHeaders.applyTo(record, value -> value instanceof byte[] ? value : utf8(value.toString()));
        return record;
    }

    @Override
    public boolean writesBatches() {
        return true;
    }

    private static byte[] utf8(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }
}
