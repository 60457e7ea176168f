package dev.ossa.camel.events.delivery;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.cloudevents.CloudEvent;
import io.cloudevents.http.HttpMessageFactory;
import io.cloudevents.jackson.JsonFormat;

/**
 * Reads what a sink received with the CloudEvents Java SDK, an implementation independent of ours: a batch
 * ({@code application/cloudevents-batch+json}) element by element with its JSON format, anything else with its HTTP
 * reader (structured or binary).
 */
final class CloudEventsJudge {

    static final String BATCH_MEDIA_TYPE = "application/cloudevents-batch+json";
    static final String EVENT_MEDIA_TYPE = "application/cloudevents+json";

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final JsonFormat JSON = new JsonFormat();

    private CloudEventsJudge() {
    }

    /** The events of one message, given its headers (names in lower case) and body. */
    static List<CloudEvent> read(Map<String, String> headers, byte[] body) {
        String contentType = headers.getOrDefault("content-type", "");
        if (contentType.startsWith(BATCH_MEDIA_TYPE)) {
            return readBatch(body);
        }
        return List.of(HttpMessageFactory.createReader(headers, body).toEvent());
    }

    /** One structured event. */
    static CloudEvent readEvent(byte[] json) {
        return JSON.deserialize(json);
    }

    /** A JSON array of structured events, in order. */
    static List<CloudEvent> readBatch(byte[] json) {
        try {
            JsonNode array = MAPPER.readTree(json);
            if (!array.isArray()) {
                throw new AssertionError("A batch must be a JSON array, was: " + array.getNodeType());
            }
            List<CloudEvent> events = new ArrayList<>();
            for (JsonNode element : array) {
                events.add(JSON.deserialize(MAPPER.writeValueAsBytes(element)));
            }
            return events;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
