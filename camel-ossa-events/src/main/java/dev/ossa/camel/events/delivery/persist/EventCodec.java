package dev.ossa.camel.events.delivery.persist;

import java.io.IOException;
import java.util.Iterator;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.ossa.camel.events.event.EventData;
import dev.ossa.camel.events.event.OssaCloudEvent;
import dev.ossa.camel.events.format.JsonEventFormat;

/**
 * One event as stored bytes and back: a byte that tells the form of the data ({@code N}one, {@code J}SON value,
 * {@code T}ext, {@code B}ytes), then the event in the CloudEvents JSON format. Reading it back builds the event again
 * through the validator, so a store can never hand out an event that breaks a CloudEvents rule.
 */
public final class EventCodec {

    private static final byte NONE = 'N';
    private static final byte JSON = 'J';
    private static final byte TEXT = 'T';
    private static final byte BYTES = 'B';

    private final JsonEventFormat format;
    private final ObjectMapper mapper;

    public EventCodec(JsonEventFormat format) {
        this.format = format;
        this.mapper = format.mapper();
    }

    public byte[] encode(OssaCloudEvent event) {
        byte[] json = format.event(event, false);
        byte[] stored = new byte[json.length + 1];
        stored[0] = kind(event.getData());
        System.arraycopy(json, 0, stored, 1, json.length);
        return stored;
    }

    /**
     * @throws IOException when the bytes are not an event this codec wrote
     */
    public OssaCloudEvent decode(byte[] stored) throws IOException {
        if (stored.length < 2) {
            throw new IOException("A stored event of " + stored.length + " bytes is too short");
        }
        JsonNode json = mapper.readTree(stored, 1, stored.length - 1);
        if (json == null || !json.isObject()) {
            throw new IOException("A stored event is not a JSON object");
        }
        OssaCloudEvent.Builder builder = OssaCloudEvent.builder();
        for (Iterator<Map.Entry<String, JsonNode>> fields = json.fields(); fields.hasNext();) {
            Map.Entry<String, JsonNode> field = fields.next();
            attribute(builder, field.getKey(), field.getValue());
        }
        builder.data(data(stored[0], json));
        try {
            return builder.build();
        } catch (RuntimeException e) {
            throw new IOException("A stored event is not valid: " + e.getMessage(), e);
        }
    }

    private static void attribute(OssaCloudEvent.Builder builder, String name, JsonNode value) {
        switch (name) {
            case "specversion", "data", "data_base64" -> {
            }
            case "id" -> builder.id(value.asText());
            case "source" -> builder.source(value.asText());
            case "type" -> builder.type(value.asText());
            case "subject" -> builder.subject(value.asText());
            case "time" -> builder.time(value.asText());
            case "datacontenttype" -> builder.dataContentType(value.asText());
            case "dataschema" -> builder.dataSchema(value.asText());
            default -> builder.extension(name, value.isInt() ? (Object) value.intValue()
                    : value.isBoolean() ? (Object) value.booleanValue() : value.asText());
        }
    }

    private static EventData data(byte kind, JsonNode json) throws IOException {
        return switch (kind) {
            case NONE -> null;
            case JSON -> new EventData.Json(json.get("data"));
            case TEXT -> new EventData.Text(json.path("data").asText());
            case BYTES -> new EventData.Binary(json.path("data_base64").binaryValue());
            default -> throw new IOException("A stored event has an unknown data form '" + (char) kind + "'");
        };
    }

    private static byte kind(EventData data) {
        if (data == null) {
            return NONE;
        }
        if (data instanceof EventData.Text) {
            return TEXT;
        }
        return data instanceof EventData.Binary ? BYTES : JSON;
    }
}
