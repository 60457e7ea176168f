package dev.ossa.camel.events.format;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
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
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import dev.ossa.camel.events.OssaEventsConstants;
import dev.ossa.camel.events.event.EventData;
import dev.ossa.camel.events.event.MediaTypes;
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
     * The mapper this component uses by default: standard Jackson with the JSR-310 ({@code java.time}) and JDK 8
     * ({@code Optional}) modules, dates and durations as ISO-8601 text, strict parsing (trailing tokens make a text not
     * JSON), JSON numbers of String and byte[] bodies kept digit for digit, and characters outside the BMP (emoji)
     * written as their UTF-8 bytes rather than as escaped surrogate pairs.
     */
    public static ObjectMapper defaultMapper() {
        return JsonMapper.builder()
                .findAndAddModules()
                .addModule(new JavaTimeModule())
                .addModule(new Jdk8Module())
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
                .enable(JsonWriteFeature.COMBINE_UNICODE_SURROGATES_IN_UTF8)
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
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

    /**
     * The data as bytes for a binary binding: the bytes themselves, or the text (JSON text for JSON data) encoded in
     * the charset that {@code datacontenttype} names, UTF-8 when it names none. Empty when the event has no data.
     */
    public byte[] dataBytes(OssaCloudEvent event) {
        EventData data = event.getData();
        if (data == null) {
            return new byte[0];
        }
        if (data instanceof EventData.Binary binary) {
            return binary.bytes();
        }
        Charset charset = MediaTypes.charset(event.getDataContentType());
        if (data instanceof EventData.Text text) {
            return text.text().getBytes(charset);
        }
        byte[] json = ((EventData.Json) data).json();
        return charset.equals(StandardCharsets.UTF_8) ? json : new String(json, StandardCharsets.UTF_8).getBytes(charset);
    }

    private JsonGenerator generator(ByteArrayOutputStream out, boolean pretty) throws IOException {
        JsonGenerator generator = mapper.getFactory().createGenerator(out, JsonEncoding.UTF8);
        generator.setCodec(mapper);
        if (pretty) {
            generator.useDefaultPrettyPrinter();
        }
        return generator;
    }

    private void write(JsonGenerator generator, OssaCloudEvent event) throws IOException {
        generator.writeStartObject();
        event.forEachAttribute((name, value) -> writeAttribute(generator, name, value));
        EventData data = event.getData();
        if (data instanceof EventData.Binary binary) {
            generator.writeBinaryField("data_base64", binary.bytes());
        } else if (data instanceof EventData.Text text) {
            generator.writeStringField("data", text.text());
        } else if (data instanceof EventData.Json json) {
            generator.writeFieldName("data");
            if (generator.getPrettyPrinter() != null) {
                generator.writeTree(mapper.readTree(json.json()));
            } else {
                generator.writeRawValue(new RawUtf8Json(json.json()));
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
