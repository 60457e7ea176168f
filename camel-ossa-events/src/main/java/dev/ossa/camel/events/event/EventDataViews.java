package dev.ossa.camel.events.event;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.ossa.camel.events.format.JsonEventFormat;

/**
 * The data of an event seen as bytes, as text in its charset, as a Jackson tree or as a given class, whatever form it
 * has. JSON is read and written with the component's default mapper.
 */
final class EventDataViews {

    private static final ObjectMapper MAPPER = JsonEventFormat.defaultMapper();

    private EventDataViews() {
    }

    static byte[] bytes(EventData data, String contentType) {
        if (data == null) {
            return null;
        }
        if (data instanceof EventData.Binary binary) {
            return binary.bytes().clone();
        }
        if (data instanceof EventData.Text text) {
            return text.text().getBytes(charset(contentType));
        }
        return ((EventData.Json) data).json().clone();
    }

    static String text(EventData data, String contentType) {
        if (data == null) {
            return null;
        }
        if (data instanceof EventData.Text text) {
            return text.text();
        }
        if (data instanceof EventData.Binary binary) {
            return new String(binary.bytes(), charset(contentType));
        }
        JsonNode node = json(data);
        return node.isTextual() ? node.textValue() : new String(bytes(data, contentType), StandardCharsets.UTF_8);
    }

    static JsonNode json(EventData data) {
        if (data == null) {
            return null;
        }
        try {
            if (data instanceof EventData.Json json) {
                return MAPPER.readTree(json.json());
            }
            if (data instanceof EventData.Binary binary) {
                return MAPPER.readTree(binary.bytes());
            }
            return MAPPER.readTree(((EventData.Text) data).text());
        } catch (IOException e) {
            throw new IllegalStateException("The event data is not JSON: " + e.getMessage(), e);
        }
    }

    static <T> T as(EventData data, Class<T> type) {
        JsonNode node = json(data);
        if (node == null) {
            return null;
        }
        try {
            return MAPPER.treeToValue(node, type);
        } catch (IOException e) {
            throw new IllegalArgumentException("The event data cannot be read as " + type.getName() + ": "
                    + e.getMessage(), e);
        }
    }

    private static Charset charset(String contentType) {
        return contentType == null ? StandardCharsets.UTF_8 : MediaTypes.charset(contentType);
    }
}
