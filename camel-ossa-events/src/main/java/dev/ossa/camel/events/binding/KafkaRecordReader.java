package dev.ossa.camel.events.binding;

import java.util.function.Consumer;

import org.apache.camel.Message;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.ossa.camel.events.event.InvalidBatchEventException;
import dev.ossa.camel.events.event.MalformedCloudEventException;
import dev.ossa.camel.events.format.JsonEventReader;

/**
 * Reads what {@link KafkaBinding} writes, from a camel-kafka consumer's message: structured
 * ({@code content-type: application/cloudevents+json}) or binary (every {@code ce_<name>} header an attribute, its
 * value UTF-8 bytes; {@code content-type} the {@code datacontenttype}; the record value the data). The Kafka binding
 * has no batch: one event per record. The record key ({@code CamelKafkaKey}, {@code kafka.KEY} before Camel 4.19) stays on the message
 * as it is.
 */
public final class KafkaRecordReader implements MessageReader {

    /** {@code ce_} headers, names as they are, values UTF-8. */
    private static final BinaryModeReader.AttributeHeaders HEADERS = new BinaryModeReader.AttributeHeaders() {
        @Override
        public String attribute(String header) {
            return header.startsWith(KafkaBinding.ATTRIBUTE_PREFIX)
                    ? header.substring(KafkaBinding.ATTRIBUTE_PREFIX.length()) : null;
        }

        @Override
        public String value(String header, Object value) {
            return utf8(header, value);
        }

        @Override
        public String specVersionHeader() {
            return "ce_specversion";
        }

        @Override
        public String contentTypeHeader() {
            return KafkaBinding.CONTENT_TYPE_HEADER;
        }
    };

    private final JsonEventReader json;
    private final BinaryModeReader binaryMode;

    public KafkaRecordReader(JsonEventReader json, ObjectMapper mapper) {
        this.json = json;
        this.binaryMode = new BinaryModeReader(mapper);
    }

    @Override
    public Object read(Message message, byte[] body, Consumer<InvalidBatchEventException> onInvalid) {
        String header = KafkaBinding.CONTENT_TYPE_HEADER;
        String contentType = utf8(header, message.getHeader(header));
        return switch (ContentTypes.of(header, contentType)) {
            case STRUCTURED -> json.readEvent(body);
            case BATCH -> throw new MalformedCloudEventException(header, "'" + contentType + "' has no Kafka binding:"
                    + " the CloudEvents Kafka binding carries one event per record");
            case BINARY -> binaryMode.read(message, body, contentType, HEADERS);
        };
    }

    @Override
    public boolean isAttributeHeader(String name) {
        return HEADERS.attribute(name) != null;
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
