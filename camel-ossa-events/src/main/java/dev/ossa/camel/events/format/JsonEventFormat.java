package dev.ossa.camel.events.format;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

import dev.ossa.camel.events.OssaEventsConstants;
import dev.ossa.camel.events.event.EventData;
import dev.ossa.camel.events.event.OssaCloudEvent;

/**
 * The CloudEvents JSON event format, written with Jackson: one event, a batch (a JSON array), JSON Lines, and the
 * bare data bytes that binary bindings carry. Integer and Boolean extensions are JSON numbers and booleans; binary
 * data goes to {@code data_base64}, everything else to {@code data}.
 */
public final class JsonEventFormat {

    /** Media type of one structured event. */
    public static final String EVENT_CONTENT_TYPE = "application/cloudevents+json; charset=utf-8";
    /** Media type of a batch. */
    public static final String BATCH_CONTENT_TYPE = "application/cloudevents-batch+json; charset=utf-8";

    private static final Map<String, SerializableString> KNOWN_NAMES = knownNames();

    private final ObjectMapper mapper;

    public JsonEventFormat(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /**
     * The mapper this component uses by default: standard Jackson, Java time types as ISO text, strict parsing
     * (trailing tokens make a text not JSON), JSON numbers of String and byte[] bodies kept digit for digit, and
     * characters outside the BMP (emoji) written as their UTF-8 bytes rather than as escaped surrogate pairs.
     */
    public static ObjectMapper defaultMapper() {
        return JsonMapper.builder()
                .findAndAddModules()
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
                .enable(JsonWriteFeature.COMBINE_UNICODE_SURROGATES_IN_UTF8)
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
                .build();
    }

    public ObjectMapper mapper() {
        return mapper;
    }

    /** One event as JSON. */
    public byte[] event(OssaCloudEvent event, boolean pretty) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(512);
        try (JsonGenerator generator = generator(out, pretty)) {
            write(generator, event);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** A batch as one JSON array. */
    public byte[] batch(List<OssaCloudEvent> events, boolean pretty) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(512 * events.size());
        try (JsonGenerator generator = generator(out, pretty)) {
            generator.writeStartArray();
            for (OssaCloudEvent event : events) {
                write(generator, event);
            }
            generator.writeEndArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** JSON Lines: each event compact on its own line, or pretty-printed and followed by a newline. */
    public byte[] lines(List<OssaCloudEvent> events, boolean pretty) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(512 * events.size());
        for (OssaCloudEvent event : events) {
            out.writeBytes(event(event, pretty));
            out.write('\n');
        }
        return out.toByteArray();
    }

    /** The data as bytes for a binary binding: JSON for JSON data, UTF-8 for text, the bytes themselves otherwise. */
    public byte[] dataBytes(OssaCloudEvent event) {
        EventData data = event.getData();
        if (data == null) {
            return new byte[0];
        }
        if (data instanceof EventData.Binary binary) {
            return binary.bytes();
        }
        if (data instanceof EventData.Text text) {
            return text.text().getBytes(StandardCharsets.UTF_8);
        }
        try {
            return mapper.writeValueAsBytes(((EventData.Json) data).value());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the event data as JSON", e);
        }
    }

    private JsonGenerator generator(ByteArrayOutputStream out, boolean pretty) throws IOException {
        JsonGenerator generator = mapper.getFactory().createGenerator(out, JsonEncoding.UTF8);
        generator.setCodec(mapper);
        if (pretty) {
            generator.useDefaultPrettyPrinter();
        }
        return generator;
    }

    private static void write(JsonGenerator generator, OssaCloudEvent event) throws IOException {
        generator.writeStartObject();
        event.forEachAttribute((name, value) -> writeAttribute(generator, name, value));
        EventData data = event.getData();
        if (data instanceof EventData.Binary binary) {
            generator.writeBinaryField("data_base64", binary.bytes());
        } else if (data instanceof EventData.Text text) {
            generator.writeStringField("data", text.text());
        } else if (data instanceof EventData.Json json) {
            generator.writeFieldName("data");
            if (json.value() instanceof JsonNode node) {
                generator.writeTree(node);
            } else {
                generator.writeObject(json.value());
            }
        }
        generator.writeEndObject();
    }

    private static void writeAttribute(JsonGenerator generator, String name, Object value) {
        try {
            SerializableString knownName = KNOWN_NAMES.get(name);
            if (knownName != null) {
                generator.writeFieldName(knownName);
            } else {
                generator.writeFieldName(name);
            }
            if (value instanceof Integer number) {
                generator.writeNumber(number);
            } else if (value instanceof Boolean flag) {
                generator.writeBoolean(flag);
            } else {
                generator.writeString(value.toString());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The attribute names every event has or often has, quoted and encoded once. */
    private static Map<String, SerializableString> knownNames() {
        Map<String, SerializableString> names = new HashMap<>();
        for (String name : List.of("specversion", "id", "source", "type", "subject", "time", "datacontenttype",
                "dataschema", OssaEventsConstants.AGENT_ID_ATTRIBUTE, OssaEventsConstants.INTERACTION_ID_ATTRIBUTE,
                OssaEventsConstants.TRACE_ID_ATTRIBUTE, OssaEventsConstants.SPAN_ID_ATTRIBUTE,
                OssaEventsConstants.PARTITION_KEY_ATTRIBUTE)) {
            names.put(name, new SerializedString(name));
        }
        return Map.copyOf(names);
    }
}
