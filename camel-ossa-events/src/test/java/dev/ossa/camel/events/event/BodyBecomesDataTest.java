package dev.ossa.camel.events.event;

import java.io.ByteArrayInputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.ossa.camel.events.format.JsonEventFormat;
import io.cloudevents.CloudEvent;

import static dev.ossa.camel.events.CloudEventsJudge.JACKSON;
import static dev.ossa.camel.events.CloudEventsJudge.data;
import static dev.ossa.camel.events.CloudEventsJudge.tree;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every body-to-data rule of the design, judged by reading the JSON event with the CloudEvents SDK and Jackson.
 */
class BodyBecomesDataTest {

    private static final String JSON = "application/json";
    private static final String TEXT = "text/plain; charset=utf-8";
    private static final String OCTETS = "application/octet-stream";

    private final JsonEventFormat format = new JsonEventFormat(JsonEventFormat.defaultMapper());
    private final BodyToData bodyToData = new BodyToData(format.mapper());

    /** The JSON event our format writes for this body and content type. */
    private byte[] eventJson(Object body, String contentType) {
        OssaCloudEvent event = OssaCloudEvent.builder().id("1").source("/agents/planner").type("dev.ossa.tool.called")
                .dataContentType(contentType).data(bodyToData.toData(body, contentType)).build();
        return format.event(event, false);
    }

    private CloudEvent sdkEvent(Object body, String contentType) {
        return dev.ossa.camel.events.CloudEventsJudge.event(eventJson(body, contentType));
    }

    /** The JSON event as a Jackson tree, after checking that it never has both data and data_base64. */
    private JsonNode jsonTree(Object body, String contentType) {
        JsonNode tree = tree(eventJson(body, contentType));
        assertFalse(tree.has("data") && tree.has("data_base64"), tree.toString());
        return tree;
    }

    @Test
    void nullBodyHasNoData() {
        JsonNode tree = jsonTree(null, JSON);
        assertFalse(tree.has("data"));
        assertFalse(tree.has("data_base64"));
        assertNull(sdkEvent(null, JSON).getData());
    }

    @Test
    void mapIsAJsonObject() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("tool", "weather.lookup");
        body.put("arguments", Map.of("city", "Lisbon", "days", 3));
        assertEquals(JACKSON.valueToTree(body), data(sdkEvent(body, JSON)));
        assertTrue(jsonTree(body, JSON).get("data").isObject());
    }

    @Test
    void listIsAJsonArray() {
        List<Object> body = List.of("a", 1, true, Map.of("k", "v"));
        assertEquals(JACKSON.valueToTree(body), data(sdkEvent(body, JSON)));
        assertTrue(jsonTree(body, JSON).get("data").isArray());
    }

    @Test
    void javaArrayIsAJsonArray() throws Exception {
        assertEquals(JACKSON.readTree("[1,2,3]"), data(sdkEvent(new int[] { 1, 2, 3 }, JSON)));
        assertEquals(JACKSON.readTree("[\"x\",\"y\"]"), data(sdkEvent(new String[] { "x", "y" }, JSON)));
    }

    /** A plain Java object with getters. */
    public static final class ToolCall {
        private final String tool;
        private final int attempt;

        ToolCall(String tool, int attempt) {
            this.tool = tool;
            this.attempt = attempt;
        }

        public String getTool() {
            return tool;
        }

        public int getAttempt() {
            return attempt;
        }
    }

    /** A record. */
    public record TurnResult(String answer, List<String> citations) {
    }

    @Test
    void pojoIsAJsonObjectOfItsProperties() throws Exception {
        assertEquals(JACKSON.readTree("{\"tool\":\"search\",\"attempt\":2}"),
                data(sdkEvent(new ToolCall("search", 2), JSON)));
        assertEquals(JACKSON.readTree("{\"answer\":\"42\",\"citations\":[\"a\",\"b\"]}"),
                data(sdkEvent(new TurnResult("42", List.of("a", "b")), JSON)));
    }

    @Test
    void jsonNodeIsItself() {
        ObjectNode node = JsonNodeFactory.instance.objectNode().put("state", "ready");
        node.putArray("steps").add(1).add(2);
        assertEquals(node, data(sdkEvent(node, JSON)));
    }

    @Test
    void numbersAndBooleansAreJsonNumbersAndBooleans() {
        JsonNode integer = jsonTree(42, JSON).get("data");
        assertTrue(integer.isIntegralNumber());
        assertEquals(42, integer.intValue());
        JsonNode decimal = jsonTree(2.5d, JSON).get("data");
        assertTrue(decimal.isFloatingPointNumber());
        assertEquals(2.5d, decimal.doubleValue());
        assertTrue(jsonTree(true, JSON).get("data").isBoolean());
        assertEquals(JACKSON.getNodeFactory().numberNode(42), data(sdkEvent(42, JSON)));
        assertEquals(JACKSON.getNodeFactory().booleanNode(false), data(sdkEvent(false, JSON)));
    }

    @ParameterizedTest
    @ValueSource(strings = { "{\"city\":\"Lisbon\"}", "  [1, 2, {\"a\": null}]  ", "{}", "[]" })
    void stringHoldingJsonObjectOrArrayIsEmbeddedWithJsonContentType(String body) throws Exception {
        JsonNode expected = JACKSON.readTree(body);
        assertEquals(expected, jsonTree(body, JSON).get("data"));
        assertEquals(expected, data(sdkEvent(body, JSON)));
    }

    @ParameterizedTest
    @ValueSource(strings = { "hello", "42", "true", "null", "\"quoted\"", "{broken", "{\"a\":1} trailing",
        "[1,2", "" })
    void anyOtherStringIsAJsonStringWithJsonContentType(String body) {
        JsonNode data = jsonTree(body, JSON).get("data");
        assertTrue(data.isTextual(), () -> body + " became " + data);
        assertEquals(body, data.textValue());
        assertEquals(JACKSON.getNodeFactory().textNode(body), data(sdkEvent(body, JSON)));
    }

    @Test
    void vendorJsonContentTypeWithParametersCountsAsJson() throws Exception {
        String type = "application/vnd.x+json; charset=utf-8";
        JsonNode tree = jsonTree("{\"a\":[1,2]}", type);
        // The SDK does not recognise vendor +json types (its pattern allows letters only before +json),
        // so Jackson alone judges this one.
        assertEquals(JACKSON.readTree("{\"a\":[1,2]}"), tree.get("data"));
        assertEquals(type, tree.get("datacontenttype").textValue());
        assertEquals(JACKSON.readTree("{\"a\":1}"), jsonTree("{\"a\":1}".getBytes(StandardCharsets.UTF_8), type)
                .get("data"));
        assertTrue(jsonTree("not json", type).get("data").isTextual());
    }

    @ParameterizedTest
    @ValueSource(strings = { "plain words", "{\"looks\":\"like json\"}", "", "Überprüfung € 😀" })
    void stringWithNonJsonContentTypeIsTheStringItself(String body) {
        JsonNode data = jsonTree(body, TEXT).get("data");
        assertTrue(data.isTextual());
        assertEquals(body, data.textValue());
        if (StandardCharsets.US_ASCII.newEncoder().canEncode(body)) {
            // the SDK turns text data into bytes with the platform charset, so only ASCII is judged by it
            CloudEvent event = sdkEvent(body, TEXT);
            assertEquals(body, new String(event.getData().toBytes(), StandardCharsets.US_ASCII));
        }
    }

    private static final byte[] NOT_JSON = { 0, 1, 2, (byte) 0xFF, (byte) 0xFE, 'x' };

    @Test
    void bytesGoToDataBase64() {
        for (String type : List.of(OCTETS, TEXT, JSON)) {
            JsonNode tree = jsonTree(NOT_JSON, type);
            assertFalse(tree.has("data"), type);
            assertTrue(tree.get("data_base64").isTextual(), type);
            assertArrayEquals(NOT_JSON, sdkEvent(NOT_JSON, type).getData().toBytes(), type);
        }
    }

    @Test
    void byteBufferAndInputStreamAreBytesToo() {
        ByteBuffer buffer = ByteBuffer.wrap(NOT_JSON);
        assertArrayEquals(NOT_JSON, sdkEvent(buffer, OCTETS).getData().toBytes());
        assertEquals(NOT_JSON.length, buffer.remaining(), "the body's buffer is left as it was");
        assertArrayEquals(NOT_JSON, sdkEvent(new ByteArrayInputStream(NOT_JSON), OCTETS).getData().toBytes());
        assertTrue(jsonTree(new ByteArrayInputStream(NOT_JSON), OCTETS).has("data_base64"));
        assertTrue(jsonTree(ByteBuffer.wrap(NOT_JSON), JSON).has("data_base64"));
    }

    @Test
    void textBytesWithNonJsonContentTypeStayBytes() {
        byte[] json = "{\"a\":1}".getBytes(StandardCharsets.UTF_8);
        JsonNode tree = jsonTree(json, TEXT);
        assertTrue(tree.has("data_base64"));
        assertArrayEquals(json, sdkEvent(json, TEXT).getData().toBytes());
    }

    @ParameterizedTest
    @ValueSource(strings = { "{\"a\":{\"b\":[1,2]}}", "[\"x\"]", "42", "\"text\"", "true" })
    void wellFormedJsonBytesAreEmbeddedWithJsonContentType(String json) throws Exception {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        JsonNode expected = JACKSON.readTree(json);
        for (Object body : List.of(bytes, ByteBuffer.wrap(bytes), new ByteArrayInputStream(bytes))) {
            JsonNode tree = jsonTree(body, JSON);
            assertFalse(tree.has("data_base64"), body.getClass().getSimpleName());
            assertEquals(expected, tree.get("data"), body.getClass().getSimpleName());
        }
        assertEquals(expected, data(sdkEvent(bytes, JSON)));
    }

    @ParameterizedTest
    @ValueSource(strings = { "{broken", "{\"a\":1} trailing", "", "   " })
    void malformedJsonBytesStayBytesWithJsonContentType(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        JsonNode tree = jsonTree(bytes, JSON);
        assertFalse(tree.has("data"), tree.toString());
        assertArrayEquals(bytes, sdkEvent(bytes, JSON).getData().toBytes());
    }

    @Test
    void numberWithNonJsonContentTypeIsItsText() {
        assertEquals("42", jsonTree(42, TEXT).get("data").textValue());
        assertEquals("true", new String(sdkEvent(true, TEXT).getData().toBytes(), StandardCharsets.UTF_8));
    }

    @Test
    void objectWithNonJsonContentTypeIsRefused() {
        InvalidCloudEventException e = assertThrows(InvalidCloudEventException.class,
                () -> bodyToData.toData(Map.of("a", 1), TEXT));
        assertEquals("data", e.getAttribute());
        assertTrue(e.getMessage().contains("datacontenttype '" + TEXT + "' is not JSON"), e.getMessage());
    }

    @Test
    void dataBytesForBinaryBindings() {
        OssaCloudEvent json = OssaCloudEvent.builder().id("1").source("/s").type("t").dataContentType(JSON)
                .data(bodyToData.toData(Map.of("a", 1), JSON)).build();
        assertEquals(JACKSON.valueToTree(Map.of("a", 1)), tree(format.dataBytes(json)));
        OssaCloudEvent text = OssaCloudEvent.builder().id("1").source("/s").type("t").dataContentType(TEXT)
                .data(bodyToData.toData("€ 1", TEXT)).build();
        assertArrayEquals("€ 1".getBytes(StandardCharsets.UTF_8), format.dataBytes(text));
        OssaCloudEvent bytes = OssaCloudEvent.builder().id("1").source("/s").type("t").dataContentType(OCTETS)
                .data(bodyToData.toData(NOT_JSON, OCTETS)).build();
        assertTrue(Arrays.equals(NOT_JSON, format.dataBytes(bytes)));
        OssaCloudEvent none = OssaCloudEvent.builder().id("1").source("/s").type("t").build();
        assertEquals(0, format.dataBytes(none).length);
    }
}
