package dev.ossa.camel.events.event;

import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The {@code data} of an event, in one of the three forms the CloudEvents JSON format knows. It is taken from the
 * body when the event is accepted, in the caller's exchange, and never read from the body again: what is sent is what
 * was given, whatever happens to the body afterwards.
 */
public sealed interface EventData permits EventData.Json, EventData.Text, EventData.Binary {

    /**
     * A JSON value, already written: its compact UTF-8 JSON text. The JSON format embeds it as it is; a binary binding
     * sends it as the data bytes.
     */
    record Json(byte[] json) implements EventData {

        /** A JSON value read elsewhere (a received event, a stored one), written now as compact UTF-8 JSON. */
        public Json(JsonNode tree) {
            this(tree.toString().getBytes(StandardCharsets.UTF_8));
        }
    }

    /**
     * Text whose content type is not JSON: a JSON string in the JSON format; in a binary binding its bytes in the
     * charset that {@code datacontenttype} names (UTF-8 when it names none).
     */
    record Text(String text) implements EventData {
    }

    /** Bytes that are not JSON: {@code data_base64} in the JSON format, the raw bytes in a binary binding. */
    record Binary(byte[] bytes) implements EventData {
    }
}
