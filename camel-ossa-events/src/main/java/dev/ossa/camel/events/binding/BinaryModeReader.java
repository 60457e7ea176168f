package dev.ossa.camel.events.binding;

import java.io.IOException;
import java.util.Locale;
import java.util.Map;

import org.apache.camel.Message;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.ossa.camel.events.event.EventData;
import dev.ossa.camel.events.event.MalformedCloudEventException;
import dev.ossa.camel.events.event.MediaTypes;
import dev.ossa.camel.events.event.OssaCloudEvent;
import dev.ossa.camel.events.event.ReceivedEventBuilder;
import dev.ossa.camel.events.format.CompactJson;

/**
 * The event of a binary-mode message (HTTP or Kafka): every attribute header a binding names is one attribute, the
 * content type is {@code datacontenttype}, and the body is the {@code data}, read back the way the writers put it
 * there: no body is no data; with a JSON content type, well-formed JSON is a JSON value (kept as compact JSON text,
 * read without a tree); {@code text/*} in UTF-8 is
 * text; anything else is the bytes themselves.
 */
final class BinaryModeReader {

    /** How one binding carries attributes in headers. */
    interface AttributeHeaders {

        /** The attribute a header carries, or null when it carries none. */
        String attribute(String header);

        /** The header's value as the attribute's text. */
        String value(String header, Object value);

        /** The header that carries {@code specversion}, and the message's content type header, for messages. */
        String specVersionHeader();

        String contentTypeHeader();
    }

    private final JsonFactory factory;

    BinaryModeReader(ObjectMapper mapper) {
        this.factory = mapper.getFactory();
    }

    /**
     * @throws dev.ossa.camel.events.event.InvalidCloudEventException when an attribute breaks a rule, or there is no
     *                                                                specversion header
     */
    OssaCloudEvent read(Message message, byte[] body, String contentType, AttributeHeaders headers) {
        ReceivedEventBuilder event = new ReceivedEventBuilder();
        boolean specVersion = false;
        for (Map.Entry<String, Object> header : message.getHeaders().entrySet()) {
            String attribute = headers.attribute(header.getKey());
            if (attribute != null) {
                specVersion |= attribute.equals("specversion");
                event.attribute(attribute, headers.value(header.getKey(), header.getValue()));
            }
        }
        if (!specVersion) {
            String type = headers.contentTypeHeader();
            throw new MalformedCloudEventException(headers.specVersionHeader(), "header missing: a binary-mode"
                    + " message has a " + headers.specVersionHeader() + " header, a structured one " + type
                    + " application/cloudevents+json" + (contentType == null ? " (the message has no " + type + ")"
                            : " (" + type + " was '" + contentType + "')"));
        }
        event.attribute("datacontenttype", contentType);
        return event.data(data(body, contentType)).build();
    }

    private EventData data(byte[] body, String contentType) {
        if (body == null || body.length == 0) {
            return null;
        }
        if (MediaTypes.isJson(contentType)) {
            byte[] json = compactJsonOrNull(body);
            if (json != null) {
                return new EventData.Json(json);
            }
        } else if (isUtf8Text(contentType)) {
            String text = StrictUtf8.decodeOrNull(body);
            if (text != null) {
                return new EventData.Text(text);
            }
        }
        return new EventData.Binary(body);
    }

    /**
     * The body as compact UTF-8 JSON when it is one well-formed JSON value, else null. Read token by token, without a
     * tree; numbers keep their digits as written.
     */
    private byte[] compactJsonOrNull(byte[] body) {
        try (JsonParser parser = factory.createParser(body)) {
            if (parser.nextToken() == null) {
                return null;
            }
            byte[] json = CompactJson.copyValue(parser, factory, body.length);
            return parser.nextToken() == null ? json : null;
        } catch (IOException e) {
            return null;
        }
    }

    /** {@code text/*} without a charset or with UTF-8; JSON is not text here (it is read as JSON). */
    private static boolean isUtf8Text(String contentType) {
        if (contentType == null || MediaTypes.isJson(contentType)) {
            return false;
        }
        String lower = contentType.toLowerCase(Locale.ROOT).replace(" ", "");
        return lower.startsWith("text/") && (!lower.contains("charset=") || lower.contains("charset=utf-8")
                || lower.contains("charset=\"utf-8\""));
    }
}
