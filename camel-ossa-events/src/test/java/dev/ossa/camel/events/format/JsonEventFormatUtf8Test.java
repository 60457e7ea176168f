package dev.ossa.camel.events.format;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import dev.ossa.camel.events.event.BodyToData;
import dev.ossa.camel.events.event.EventData;
import dev.ossa.camel.events.event.OssaCloudEvent;

/**
 * Characters outside the Basic Multilingual Plane (emoji) are written as their four UTF-8 bytes, not as escaped
 * surrogate pairs, in events, batches and binary data alike.
 */
class JsonEventFormatUtf8Test {

    private final JsonEventFormat format = new JsonEventFormat(JsonEventFormat.defaultMapper());

    private static OssaCloudEvent event(EventData data) {
        return OssaCloudEvent.builder().id("1").source("/s").type("t").subject("Euro € 😀").dataContentType(
                "application/json").data(data).build();
    }

    private EventData json(Object body) {
        return new BodyToData(format.mapper()).toData(body, "application/json");
    }

    @Test
    void writesEmojiInAttributesAndDataAsUtf8Bytes() {
        String json = new String(format.event(event(json(Map.of("text", "😀 𝄞"))), false),
                StandardCharsets.UTF_8);

        assertTrue(json.contains("\"subject\":\"Euro € 😀\""), json);
        assertTrue(json.contains("\"text\":\"😀 𝄞\""), json);
        assertFalse(json.contains("\\u"), json);
    }

    @Test
    void writesEmojiInBatchesAsUtf8Bytes() {
        String json = new String(format.batch(List.of(event(null), event(null)), false), StandardCharsets.UTF_8);

        assertEquals(2, json.split("Euro € 😀", -1).length - 1, json);
        assertFalse(json.contains("\\u"), json);
    }

    @Test
    void binaryDataBytesOfCompactJsonWithEmojiAreTheOriginalBytes() throws Exception {
        byte[] original = "{\"text\":\"héllo 😀\"}".getBytes(StandardCharsets.UTF_8);
        Object tree = JsonEventFormat.defaultMapper().readTree(original);

        assertArrayEquals(original, format.dataBytes(event(json(tree))));
        assertArrayEquals(original, format.dataBytes(event(new EventData.Json((JsonNode) tree))));
    }
}
