package dev.ossa.camel.events.format;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.function.Consumer;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.TextNode;

import dev.ossa.camel.events.event.EventData;
import dev.ossa.camel.events.event.InvalidBatchEventException;
import dev.ossa.camel.events.event.InvalidCloudEventException;
import dev.ossa.camel.events.event.MalformedCloudEventException;
import dev.ossa.camel.events.event.MediaTypes;
import dev.ossa.camel.events.event.OssaCloudEvent;
import dev.ossa.camel.events.event.ReceivedEventBuilder;

/**
 * Reads what {@link JsonEventFormat} writes: one structured event (a JSON object) or a batch (a JSON array of them),
 * each checked by the same rules as on send. {@code data} is a JSON value (copied as compact JSON, without a tree), or the text itself when
 * {@code datacontenttype} is not JSON and the value is a JSON string; {@code data_base64} is decoded to bytes. A JSON
 * {@code null} member counts as absent. Malformed JSON, a member given twice, invalid UTF-8 or content after the
 * event is a {@link MalformedCloudEventException} naming the body. Thread-safe.
 */
public final class JsonEventReader {

    /** Reads the {@code data} subtree of a parser that goes on past it. */
    private final ObjectReader treeReader;
    private final JsonFactory factory;

    public JsonEventReader(ObjectMapper mapper) {
        this.treeReader = mapper.reader().without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        this.factory = mapper.getFactory().rebuild().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
    }

    /**
     * One structured event.
     *
     * @throws InvalidCloudEventException naming the attribute and the rule, or the body when it is malformed
     */
    public OssaCloudEvent readEvent(byte[] json) {
        try (JsonParser parser = parser(json)) {
            JsonToken first = parser.nextToken();
            if (first != JsonToken.START_OBJECT) {
                throw new MalformedCloudEventException("body", "a structured event must be a JSON object, not "
                        + describe(first));
            }
            OssaCloudEvent event = readObject(parser);
            requireEnd(parser, "the event");
            return event;
        } catch (JsonProcessingException e) {
            throw notJson(e);
        } catch (IOException e) {
            throw new MalformedCloudEventException("body", "cannot be read: " + e.getMessage(), e);
        }
    }

    /**
     * A batch: a JSON array of structured events, in order.
     *
     * @param onInvalid null to fail the whole batch on its first invalid event (an
     *                  {@link InvalidBatchEventException} with the event's index); otherwise receives each invalid
     *                  event's exception, and the valid events are returned
     * @throws InvalidCloudEventException when the body is not a JSON array, or an event is invalid and
     *                                    {@code onInvalid} is null
     */
    public List<OssaCloudEvent> readBatch(byte[] json, Consumer<InvalidBatchEventException> onInvalid) {
        try (JsonParser parser = parser(json)) {
            JsonToken first = parser.nextToken();
            if (first != JsonToken.START_ARRAY) {
                throw new MalformedCloudEventException("body", "a batch must be a JSON array, not " + describe(first));
            }
            List<OssaCloudEvent> events = new ArrayList<>();
            int index = 0;
            for (JsonToken token = parser.nextToken(); token != JsonToken.END_ARRAY; token = parser.nextToken()) {
                if (token == null) {
                    throw new MalformedCloudEventException("body", "the batch array is not closed");
                }
                JsonNode element = parser.readValueAsTree();
                try {
                    events.add(readElement(element));
                } catch (InvalidCloudEventException e) {
                    InvalidBatchEventException invalid = new InvalidBatchEventException(index, e);
                    if (onInvalid == null) {
                        throw invalid;
                    }
                    onInvalid.accept(invalid);
                }
                index++;
            }
            requireEnd(parser, "the batch");
            return events;
        } catch (JsonProcessingException e) {
            throw notJson(e);
        } catch (IOException e) {
            throw new MalformedCloudEventException("body", "cannot be read: " + e.getMessage(), e);
        }
    }

    private OssaCloudEvent readElement(JsonNode element) throws IOException {
        if (!element.isObject()) {
            throw new MalformedCloudEventException("body", "a batch element must be a JSON object, not "
                    + describe(element.asToken()));
        }
        try (JsonParser parser = element.traverse(treeReader)) {
            parser.nextToken();
            return readObject(parser);
        }
    }

    /** Reads the members of the object whose START_OBJECT is the parser's current token. */
    private OssaCloudEvent readObject(JsonParser parser) throws IOException {
        ReceivedEventBuilder event = new ReceivedEventBuilder();
        byte[] data = null;
        String dataString = null;
        String dataBase64 = null;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            JsonToken token = parser.nextToken();
            if (name.equals("data")) {
                if (token == JsonToken.VALUE_STRING) {
                    dataString = parser.getText();
                } else if (token != JsonToken.VALUE_NULL) {
                    data = CompactJson.copyValue(parser, factory, 256);
                }
            } else if (name.equals("data_base64")) {
                if (token == JsonToken.VALUE_STRING) {
                    dataBase64 = parser.getText();
                } else if (token != JsonToken.VALUE_NULL) {
                    throw new InvalidCloudEventException("data_base64", "must be a base64 string, not "
                            + describe(token));
                }
            } else {
                event.attribute(name, value(parser, token));
            }
        }
        event.dataMembers(data != null || dataString != null, dataBase64 != null);
        if (dataBase64 != null) {
            event.data(new EventData.Binary(base64(dataBase64)));
        } else if (data != null) {
            event.data(new EventData.Json(data));
        } else if (dataString != null) {
            String contentType = event.dataContentType();
            boolean text = contentType != null && !MediaTypes.isJson(contentType);
            event.data(text ? new EventData.Text(dataString) : new EventData.Json(new TextNode(dataString)));
        }
        return event.build();
    }

    private static Object value(JsonParser parser, JsonToken token) throws IOException {
        return switch (token) {
            case VALUE_STRING -> parser.getText();
            case VALUE_TRUE -> Boolean.TRUE;
            case VALUE_FALSE -> Boolean.FALSE;
            case VALUE_NULL -> null;
            case VALUE_NUMBER_INT -> parser.getNumberValue();
            case VALUE_NUMBER_FLOAT -> parser.getDecimalValue();
            default -> parser.readValueAsTree();
        };
    }

    private static byte[] base64(String text) {
        try {
            return Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw new InvalidCloudEventException("data_base64", "is not base64 (RFC 4648): " + e.getMessage());
        }
    }

    private JsonParser parser(byte[] json) throws IOException {
        if (json == null || json.length == 0) {
            throw new MalformedCloudEventException("body", "is empty: expected a JSON event");
        }
        JsonParser parser = factory.createParser(json);
        parser.setCodec(treeReader);
        return parser;
    }

    private static void requireEnd(JsonParser parser, String what) throws IOException {
        JsonToken next = parser.nextToken();
        if (next != null) {
            throw new MalformedCloudEventException("body", "has content after " + what + ": " + describe(next));
        }
    }

    private static MalformedCloudEventException notJson(JsonProcessingException e) {
        String where = e.getLocation() == null ? ""
                : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
        return new MalformedCloudEventException("body", "is not well-formed JSON: " + e.getOriginalMessage() + where,
                e);
    }

    private static String describe(JsonToken token) {
        if (token == null) {
            return "nothing";
        }
        return switch (token) {
            case START_OBJECT -> "a JSON object";
            case START_ARRAY -> "a JSON array";
            case VALUE_STRING -> "a string";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
            case VALUE_TRUE, VALUE_FALSE -> "a boolean";
            case VALUE_NULL -> "null";
            default -> token.toString();
        };
    }
}
