package dev.ossa.camel.events.format;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.cloudevents.CloudEvent;
import io.cloudevents.jackson.JsonFormat;

import dev.ossa.camel.events.event.BodyToData;
import dev.ossa.camel.events.event.OssaCloudEvent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Attribute names written from their pre-encoded form (the context attributes, OSSA's extensions) and those written
 * as they come (any other extension) give the same JSON, compact and pretty, and the CloudEvents SDK reads it.
 */
class JsonEventFormatAttributeNamesTest {

    private final JsonEventFormat format = new JsonEventFormat(JsonEventFormat.defaultMapper());

    private final OssaCloudEvent event = OssaCloudEvent.builder().id("1").source("/agents/planner")
            .type("dev.ossa.tool.called").subject("s é \"q\"").time("2026-01-01T00:00:00Z")
            .dataContentType("application/json").dataSchema("https://example.com/schema")
            .extension("ossaagentid", "planner").extension("myint", 5).extension("flag", true)
            .extension("partitionkey", "k").data(new BodyToData(format.mapper()).toData(Map.of("a", 1), "application/json")).build();

    @Test
    void compactJsonHasEveryNameOnce() {
        assertEquals("{\"specversion\":\"1.0\",\"id\":\"1\",\"source\":\"/agents/planner\","
                     + "\"type\":\"dev.ossa.tool.called\",\"subject\":\"s é \\\"q\\\"\",\"time\":\"2026-01-01T00:00:00Z\","
                     + "\"datacontenttype\":\"application/json\",\"dataschema\":\"https://example.com/schema\","
                     + "\"ossaagentid\":\"planner\",\"myint\":5,\"flag\":true,\"partitionkey\":\"k\",\"data\":{\"a\":1}}",
                new String(format.event(event, false), StandardCharsets.UTF_8));
    }

    @Test
    void prettyJsonReadsBackAsTheSameEvent() {
        String pretty = new String(format.event(event, true), StandardCharsets.UTF_8);
        assertTrue(pretty.contains("\n  \"ossaagentid\" : \"planner\",\n  \"myint\" : 5,"), pretty);
        CloudEvent read = new JsonFormat().deserialize(format.event(event, true));
        assertEquals("s é \"q\"", read.getSubject());
        assertEquals("planner", read.getExtension("ossaagentid"));
        assertEquals(5, read.getExtension("myint"));
        assertEquals(true, read.getExtension("flag"));
        assertEquals("https://example.com/schema", String.valueOf(read.getDataSchema()));
    }
}
