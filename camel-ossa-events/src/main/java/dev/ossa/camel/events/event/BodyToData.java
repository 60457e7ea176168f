package dev.ossa.camel.events.event;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.InvalidDefinitionException;

/**
 * Turns a message body into the event's {@code data}, at once and in the caller's thread: the data is written (JSON)
 * or copied (bytes) here, so a body that cannot be written fails its own exchange, and a body changed after the send
 * changes nothing that is sent.
 * <ul>
 * <li>null: no data;</li>
 * <li>String: with a JSON content type, a well-formed JSON object or array is that JSON value and any other string a
 * JSON string; with another content type, the text itself, which must be encodable in the content type's charset;</li>
 * <li>byte[], ByteBuffer, InputStream: a copy of the bytes, unless the content type is JSON and they are well-formed
 * JSON;</li>
 * <li>anything else (Map, List, array, POJO, JsonNode, number, boolean): a JSON value written by the body mapper; a
 * POJO without properties fails rather than becoming {@code {}}.</li>
 * </ul>
 */
public final class BodyToData {

    private final ObjectMapper jsonMapper;
    private final ObjectWriter bodyWriter;

    /**
     * @param jsonMapper reads JSON text and bytes, and writes their trees (the component's mapper, which keeps
     *                   numbers digit for digit)
     * @param bodyMapper writes Java objects: the component's mapper or the application's own
     */
    public BodyToData(ObjectMapper jsonMapper, ObjectMapper bodyMapper) {
        this.jsonMapper = jsonMapper;
        this.bodyWriter = bodyMapper.writer().with(SerializationFeature.FAIL_ON_EMPTY_BEANS);
    }

    /** Both roles taken by one mapper. */
    public BodyToData(ObjectMapper mapper) {
        this(mapper, mapper);
    }

    /**
     * @throws InvalidCloudEventException naming {@code data} when the body cannot be written as the content type
     *                                    says, or {@code datacontenttype} when its charset is not supported
     */
    public EventData toData(Object body, String contentType) {
        if (body == null) {
            return null;
        }
        boolean json = MediaTypes.isJson(contentType);
        if (body instanceof String text) {
            if (!json) {
                requireEncodable(text, contentType);
                return new EventData.Text(text);
            }
            JsonNode container = looksLikeContainer(text) ? parseOrNull(text) : null;
            return json(container != null ? writeTree(container) : writeTree(jsonMapper.getNodeFactory().textNode(text)),
                    contentType);
        }
        byte[] bytes = bytesOf(body);
        if (bytes != null) {
            JsonNode node = json ? parseOrNull(bytes) : null;
            return node != null ? json(writeTree(node), contentType) : new EventData.Binary(bytes);
        }
        if (!json) {
            if (body instanceof Number || body instanceof Boolean || body instanceof Character) {
                return new EventData.Text(body.toString());
            }
            throw new InvalidCloudEventException("data", "a " + body.getClass().getTypeName()
                    + " body is written as JSON, but datacontenttype " + QuotedInput.quote(contentType)
                    + " is not JSON: use a JSON media type, or a String or byte[] body");
        }
        return json(body instanceof JsonNode node ? writeTree(node) : writeBody(body), contentType);
    }

    private EventData json(byte[] utf8, String contentType) {
        Charset charset = charsetOf(contentType);
        if (!isUnicode(charset)) {
            requireEncodable(new String(utf8, StandardCharsets.UTF_8), charset);
        }
        return new EventData.Json(utf8);
    }

    private byte[] writeTree(JsonNode node) {
        try {
            return jsonMapper.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw cannotWrite(node, e);
        }
    }

    private byte[] writeBody(Object body) {
        try {
            return bodyWriter.writeValueAsBytes(body);
        } catch (JsonProcessingException | RuntimeException e) {
            throw cannotWrite(body, e);
        } catch (StackOverflowError e) {
            throw new InvalidCloudEventException("data", "a " + body.getClass().getTypeName()
                    + " body cannot be written as JSON: it refers to itself, or is nested too deeply", e);
        }
    }

    private static InvalidCloudEventException cannotWrite(Object body, Exception e) {
        String type = body.getClass().getTypeName();
        if (e instanceof InvalidDefinitionException definition && definition.getOriginalMessage() != null
            && definition.getOriginalMessage().startsWith("No serializer found for class")) {
            Class<?> empty = definition.getType() != null ? definition.getType().getRawClass() : body.getClass();
            return new InvalidCloudEventException("data", "a " + empty.getTypeName()
                    + " has no properties Jackson can write (public getters or fields), so it would be sent as {}:"
                    + " give it properties, or send a Map" + at(e), e);
        }
        Throwable cause = e.getCause();
        String reason = cause != null && !(cause instanceof JsonProcessingException)
                ? cause.getClass().getName() + ": " + QuotedInput.quote(cause.getMessage())
                : QuotedInput.quote(e instanceof JsonProcessingException jackson ? jackson.getOriginalMessage()
                        : e.toString(), QuotedInput.MAX_QUOTED * 3);
        return new InvalidCloudEventException("data", "a " + type + " body cannot be written as JSON" + at(e)
                + ": " + reason, e);
    }

    /** Where in the body Jackson failed, e.g. {@code at Report["owner"]}, when it is below the body itself. */
    private static String at(Exception e) {
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            return " (at " + QuotedInput.quote(mapping.getPathReference()) + ")";
        }
        return "";
    }

    private static void requireEncodable(String text, String contentType) {
        Charset charset = charsetOf(contentType);
        if (!isUnicode(charset)) {
            requireEncodable(text, charset);
        }
    }

    private static void requireEncodable(String text, Charset charset) {
        CharsetEncoder encoder = charset.newEncoder();
        if (encoder.canEncode(text)) {
            return;
        }
        for (int i = 0; i < text.length(); i += Character.charCount(text.codePointAt(i))) {
            String character = new String(Character.toChars(text.codePointAt(i)));
            if (!encoder.canEncode(character)) {
                throw new InvalidCloudEventException("data", "the text has " + QuotedInput.quote(character)
                        + String.format(" (U+%04X)", text.codePointAt(i)) + " at index " + i + ", which charset "
                        + charset.name() + " of datacontenttype cannot encode: use a charset that has it, e.g. utf-8");
            }
        }
    }

    /** The charset the content type names; an unsupported one is an invalid {@code datacontenttype}. */
    private static Charset charsetOf(String contentType) {
        if (contentType == null) {
            return StandardCharsets.UTF_8;
        }
        String problem = MediaTypes.charsetProblem(contentType);
        if (problem != null) {
            throw new InvalidCloudEventException("datacontenttype", problem);
        }
        return MediaTypes.charset(contentType);
    }

    /** Charsets that encode every well-formed string. */
    private static boolean isUnicode(Charset charset) {
        return charset == StandardCharsets.UTF_8 || charset.name().startsWith("UTF-");
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
            return jsonMapper.readTree(text);
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    private JsonNode parseOrNull(byte[] bytes) {
        if (bytes.length == 0) {
            return null;
        }
        try {
            JsonNode node = jsonMapper.readTree(bytes);
            return node == null || node.isMissingNode() ? null : node;
        } catch (IOException e) {
            return null;
        }
    }

    /** A copy of the body's bytes, or null when the body is not bytes. */
    private static byte[] bytesOf(Object body) {
        if (body instanceof byte[] bytes) {
            return bytes.clone();
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
