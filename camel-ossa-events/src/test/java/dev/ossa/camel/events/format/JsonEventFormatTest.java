package dev.ossa.camel.events.format;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import dev.ossa.camel.events.CloudEventsJudge;
import dev.ossa.camel.events.event.BodyToData;
import dev.ossa.camel.events.event.OssaCloudEvent;
import io.cloudevents.CloudEvent;
import io.cloudevents.SpecVersion;

import static dev.ossa.camel.events.CloudEventsJudge.JACKSON;
import static dev.ossa.camel.events.CloudEventsJudge.tree;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The JSON event format, its batch array and JSON Lines, read back by the CloudEvents SDK and Jackson.
 */
class JsonEventFormatTest {

    private final JsonEventFormat format = new JsonEventFormat(JsonEventFormat.defaultMapper());
    private final BodyToData bodyToData = new BodyToData(format.mapper());

    private OssaCloudEvent fullEvent(String id) {
        return OssaCloudEvent.builder().id(id).source("urn:ossa:agent:planner").type("dev.ossa.tool.called")
                .subject("weather.lookup → Lisbon").time("2026-03-01T10:15:30.5-08:00")
                .dataContentType("application/json").dataSchema("https://schemas.ossa.dev/tool-called.json")
                .extension("ossaagentid", "planner").extension("ossainteractionid", "run-7")
                .extension("ossatraceid", "4bf92f3577b34da6a3ce929d0e0e4736").extension("ossaspanid", "00f067aa0ba902b7")
                .extension("attempt", 3).extension("retried", true).extension("limit", 9L)
                .extension("callback", URI.create("https://example.com/cb"))
                .data(bodyToData.toData(Map.of("city", "Lisbon"), "application/json")).build();
    }

    @Test
    void everyAttributeSurvivesTheSdkRoundTrip() {
        CloudEvent read = CloudEventsJudge.event(format.event(fullEvent("e-1"), false));
        assertEquals(SpecVersion.V1, read.getSpecVersion());
        assertEquals("e-1", read.getId());
        assertEquals(URI.create("urn:ossa:agent:planner"), read.getSource());
        assertEquals("dev.ossa.tool.called", read.getType());
        assertEquals("weather.lookup → Lisbon", read.getSubject());
        assertEquals(OffsetDateTime.parse("2026-03-01T10:15:30.5-08:00"), read.getTime());
        assertEquals("application/json", read.getDataContentType());
        assertEquals(URI.create("https://schemas.ossa.dev/tool-called.json"), read.getDataSchema());
        assertEquals("planner", read.getExtension("ossaagentid"));
        assertEquals("run-7", read.getExtension("ossainteractionid"));
        assertEquals("4bf92f3577b34da6a3ce929d0e0e4736", read.getExtension("ossatraceid"));
        assertEquals("00f067aa0ba902b7", read.getExtension("ossaspanid"));
        assertEquals("https://example.com/cb", read.getExtension("callback"));
        assertEquals(JACKSON.valueToTree(Map.of("city", "Lisbon")), CloudEventsJudge.data(read));
    }

    @Test
    void integerAndBooleanExtensionsAreJsonNumbersAndBooleans() {
        JsonNode tree = tree(format.event(fullEvent("e-1"), false));
        assertTrue(tree.get("attempt").isInt(), tree.toString());
        assertEquals(3, tree.get("attempt").intValue());
        assertTrue(tree.get("limit").isInt(), "a Long within 32 bits is a JSON integer");
        assertTrue(tree.get("retried").isBoolean());
        assertTrue(tree.get("ossaagentid").isTextual());
        CloudEvent read = CloudEventsJudge.event(format.event(fullEvent("e-1"), false));
        assertEquals(3, read.getExtension("attempt"));
        assertEquals(9, read.getExtension("limit"));
        assertEquals(true, read.getExtension("retried"));
    }

    @Test
    void attributesComeInTheOrderOfTheSpecThenExtensionsThenData() {
        JsonNode tree = tree(format.event(fullEvent("e-1"), false));
        List<String> names = new ArrayList<>();
        tree.fieldNames().forEachRemaining(names::add);
        assertEquals(List.of("specversion", "id", "source", "type", "subject", "time", "datacontenttype",
                "dataschema", "ossaagentid", "ossainteractionid", "ossatraceid", "ossaspanid", "attempt", "retried",
                "limit", "callback", "data"), names);
        assertEquals("1.0", tree.get("specversion").textValue());
    }

    @Test
    void compactEventIsOneLineAndPrettyEventParsesTheSame() {
        String compact = new String(format.event(fullEvent("e-1"), false), StandardCharsets.UTF_8);
        String pretty = new String(format.event(fullEvent("e-1"), true), StandardCharsets.UTF_8);
        assertFalse(compact.contains("\n"));
        assertTrue(pretty.contains("\n  \"id\""), pretty);
        assertEquals(tree(compact), tree(pretty));
    }

    @Test
    void batchIsAJsonArrayOfEvents() {
        byte[] batch = format.batch(List.of(fullEvent("a"), fullEvent("b"), fullEvent("c")), false);
        List<CloudEvent> read = CloudEventsJudge.batch(batch);
        assertEquals(List.of("a", "b", "c"), read.stream().map(CloudEvent::getId).toList());
        assertEquals(0, CloudEventsJudge.batch(format.batch(List.of(), false)).size());
    }

    @Test
    void jsonLinesHaveOneCompactEventPerLine() {
        String lines = new String(format.lines(List.of(fullEvent("a"), fullEvent("b")), false), StandardCharsets.UTF_8);
        assertTrue(lines.endsWith("\n"));
        String[] split = lines.split("\n");
        assertEquals(2, split.length);
        assertEquals("a", CloudEventsJudge.event(split[0]).getId());
        assertEquals("b", CloudEventsJudge.event(split[1]).getId());
    }

    @Test
    void prettyLinesAreASequenceOfJsonObjects() throws Exception {
        byte[] pretty = format.lines(List.of(fullEvent("a"), fullEvent("b")), true);
        List<String> ids = new ArrayList<>();
        Iterator<JsonNode> values = JACKSON.readerFor(JsonNode.class).readValues(pretty);
        while (values.hasNext()) {
            JsonNode node = values.next();
            ids.add(CloudEventsJudge.event(node.toString()).getId());
        }
        assertEquals(List.of("a", "b"), ids);
    }

    @Test
    void nonAsciiIsWrittenAsUtf8() {
        byte[] json = format.event(fullEvent("e-1"), false);
        String text = new String(json, StandardCharsets.UTF_8);
        assertTrue(text.contains("\"subject\":\"weather.lookup → Lisbon\""), text);
    }
}
