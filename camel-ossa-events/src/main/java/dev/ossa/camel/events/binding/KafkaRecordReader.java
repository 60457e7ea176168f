package dev.ossa.camel.events.binding;

import java.util.Map;
import java.util.function.Consumer;

import org.apache.camel.Message;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.ossa.camel.events.event.InvalidBatchEventException;
import dev.ossa.camel.events.event.MalformedCloudEventException;
import dev.ossa.camel.events.event.ReceivedEventBuilder;
import dev.ossa.camel.events.format.JsonEventReader;

/**
 * Reads what {@link KafkaBinding} writes, from a camel-kafka consumer's message: structured
 * ({@code content-type: application/cloudevents+json}) or binary (every {@code ce_<name>} header an attribute, its
 * value UTF-8 bytes; {@code content-type} the {@code datacontenttype}; the record value the data). The Kafka binding
 * has no batch: one event per record. The record key ({@code CamelKafkaKey}) stays on the message as it is.
 */
public final class KafkaRecordReader implements MessageReader {

    private final JsonEventReader json;
    private final BinaryModeData binaryData;

    public KafkaRecordReader(JsonEventReader json, ObjectMapper mapper) {
        this.json = json;
        this.binaryData = new BinaryModeData(mapper);
    }

    @Override
    public Object read(Message message, byte[] body, Consumer<InvalidBatchEventException> onInvalid) {
        String header = KafkaBinding.CONTENT_TYPE_HEADER;
        String contentType = utf8(header, message.getHeader(header));
        return switch (ContentTypes.of(header, contentType)) {
            case STRUCTURED -> json.readEvent(body);
            case BATCH -> throw new MalformedCloudEventException(header, "'" + contentType + "' has no Kafka binding:"
                    + " the CloudEvents Kafka binding carries one event per record");
            case BINARY -> readBinary(message, body, contentType);
        };
    }

    @Override
    public boolean isAttributeHeader(String name) {
        return name.startsWith(KafkaBinding.ATTRIBUTE_PREFIX);
    }

    private Object readBinary(Message message, byte[] body, String contentType) {
        ReceivedEventBuilder event = new ReceivedEventBuilder();
        boolean specVersion = false;
        for (Map.Entry<String, Object> header : message.getHeaders().entrySet()) {
            String name = header.getKey();
            if (isAttributeHeader(name)) {
                String attribute = name.substring(KafkaBinding.ATTRIBUTE_PREFIX.length());
                specVersion |= attribute.equals("specversion");
                event.attribute(attribute, utf8(name, header.getValue()));
            }
        }
        if (!specVersion) {
            throw new MalformedCloudEventException("ce_specversion", "header missing: a binary-mode record has a"
                    + " ce_specversion header, a structured one content-type application/cloudevents+json"
                    + (contentType == null ? " (the record has no content-type)"
                            : " (content-type was '" + contentType + "')"));
        }
        event.attribute("datacontenttype", contentType);
        return event.data(binaryData.read(body, contentType)).build();
    }

    /** A header value as text: UTF-8 bytes as the binding writes them, or text a header deserializer made. */
    private static String utf8(String name, Object value) {
        if (value instanceof byte[] bytes) {
            String text = StrictUtf8.decodeOrNull(bytes);
            if (text == null) {
                throw new MalformedCloudEventException(name, "is not UTF-8");
            }
            return text;
        }
        return value == null ? null : value.toString();
    }
}
