package dev.ossa.camel.events.event;

/**
 * The {@code data} of an event, in one of the three forms the CloudEvents JSON format knows.
 */
public sealed interface EventData permits EventData.Json, EventData.Text, EventData.Binary {

    /** A JSON value: a Jackson {@code JsonNode} or any Java value Jackson writes (Map, List, POJO, number, boolean, String). */
    record Json(Object value) implements EventData {
    }

    /** Text whose content type is not JSON: a JSON string in the JSON format, its UTF-8 bytes in a binary binding. */
    record Text(String text) implements EventData {
    }

    /** Bytes that are not JSON: {@code data_base64} in the JSON format, the raw bytes in a binary binding. */
    record Binary(byte[] bytes) implements EventData {
    }
}
