package dev.ossa.camel.events.event;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Turns a message body into the event's {@code data}:
 * <ul>
 * <li>null: no data;</li>
 * <li>String: with a JSON content type, a well-formed JSON object or array is that JSON value and any other string a
 * JSON string; with another content type, the text itself;</li>
 * <li>byte[], ByteBuffer, InputStream: bytes, unless the content type is JSON and they are well-formed JSON;</li>
 * <li>anything else (Map, List, array, POJO, JsonNode, number, boolean): a JSON value written by Jackson.</li>
 * </ul>
 */
public final class BodyToData {

    private final ObjectMapper mapper;

    public BodyToData(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public EventData toData(Object body, String contentType) {
        if (body == null) {
            return null;
        }
        boolean json = MediaTypes.isJson(contentType);
        if (body instanceof String text) {
            if (!json) {
                return new EventData.Text(text);
            }
            JsonNode container = looksLikeContainer(text) ? parseOrNull(text) : null;
            return new EventData.Json(container != null ? container : text);
        }
        byte[] bytes = bytesOf(body);
        if (bytes != null) {
            JsonNode node = json ? parseOrNull(bytes) : null;
            return node != null ? new EventData.Json(node) : new EventData.Binary(bytes);
        }
        if (!json) {
            if (body instanceof Number || body instanceof Boolean || body instanceof Character) {
                return new EventData.Text(body.toString());
            }
            throw new InvalidCloudEventException("data", "a " + body.getClass().getName()
                    + " body is written as JSON, but datacontenttype '" + contentType
                    + "' is not JSON: use a JSON media type, or a String or byte[] body");
        }
        return new EventData.Json(body);
    }

    private static boolean looksLikeContainer(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!Character.isWhitespace(c)) {
                return c == '{' || c == '[';
            }
        }
        return false;
    }

    private JsonNode parseOrNull(String text) {
        try {
            return mapper.readTree(text);
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    private JsonNode parseOrNull(byte[] bytes) {
        if (bytes.length == 0) {
            return null;
        }
        try {
            JsonNode node = mapper.readTree(bytes);
            return node == null || node.isMissingNode() ? null : node;
        } catch (IOException e) {
            return null;
        }
    }

    private static byte[] bytesOf(Object body) {
        if (body instanceof byte[] bytes) {
            return bytes;
        }
        if (body instanceof ByteBuffer buffer) {
            ByteBuffer copy = buffer.duplicate();
            byte[] bytes = new byte[copy.remaining()];
            copy.get(bytes);
            return bytes;
        }
        if (body instanceof InputStream in) {
            try (in) {
                return in.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read the message body", e);
            }
        }
        return null;
    }
}
