package dev.ossa.camel.events;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.format.EventFormat;
import io.cloudevents.core.provider.EventFormatProvider;
import io.cloudevents.jackson.JsonFormat;

/**
 * The independent judge of what was emitted: the CloudEvents Java SDK's JSON format, found through its
 * {@link EventFormatProvider} as any CloudEvents consumer would, and a plain Jackson mapper for what the SDK does not
 * expose (JSON node types, field presence).
 */
public final class CloudEventsJudge {

    /** A plain mapper, not the component's. */
    public static final ObjectMapper JACKSON = new ObjectMapper();

    private static final EventFormat FORMAT = EventFormatProvider.getInstance().resolveFormat(JsonFormat.CONTENT_TYPE);

    private CloudEventsJudge() {
    }

    /** One structured event read by the SDK. */
    public static CloudEvent event(byte[] json) {
        return FORMAT.deserialize(json);
    }

    public static CloudEvent event(String json) {
        return event(json.getBytes(StandardCharsets.UTF_8));
    }

    /** A batch (a JSON array) split with Jackson, each element read by the SDK. */
    public static List<CloudEvent> batch(byte[] json) {
        JsonNode array = tree(json);
        if (!array.isArray()) {
            throw new AssertionError("Not a JSON array: " + new String(json, StandardCharsets.UTF_8));
        }
        List<CloudEvent> events = new ArrayList<>();
        for (JsonNode element : array) {
            events.add(event(element.toString()));
        }
        return events;
    }

    /** JSON Lines: every non-empty line is one event read by the SDK. */
    public static List<CloudEvent> lines(String text) {
        List<CloudEvent> events = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (!line.isBlank()) {
                events.add(event(line));
            }
        }
        return events;
    }

    /** The JSON tree, read by Jackson. */
    public static JsonNode tree(byte[] json) {
        try {
            return JACKSON.readTree(json);
        } catch (java.io.IOException e) {
            throw new AssertionError("Not JSON: " + new String(json, StandardCharsets.UTF_8), e);
        }
    }

    public static JsonNode tree(String json) {
        return tree(json.getBytes(StandardCharsets.UTF_8));
    }

    /** The event's data read back as a JSON tree by Jackson. */
    public static JsonNode data(CloudEvent event) {
        if (event.getData() == null) {
            throw new AssertionError("The event has no data: " + event);
        }
        return tree(event.getData().toBytes());
    }
}
