package dev.ossa.camel.events;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.support.PropertyBindingSupport;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import dev.ossa.camel.events.event.InvalidCloudEventException;
import io.cloudevents.CloudEvent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Where each attribute comes from: the exchange's header, else the endpoint option, else the component option, else
 * the generated default.
 */
class AttributePrecedenceTest extends CamelTestSupport {

    private final RecordingSink sink = new RecordingSink("sink");

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return sink;
    }

    /**
     * One attribute and the three places that set it.
     *
     * @param attribute       the CloudEvents name, as it appears in the JSON event
     * @param defaultValue    its value when nothing sets it (null: absent)
     * @param component       sets the component option
     * @param endpointOption  the endpoint option's name in the URI
     * @param header          the header name
     * @param headerValue     turns a value into the header's value
     */
    record Attribute(String attribute, String defaultValue, BiConsumer<OssaEventsConfiguration, String> component,
                     String endpointOption, String header, java.util.function.Function<String, Object> headerValue) {

        @Override
        public String toString() {
            return attribute;
        }
    }

    static Stream<Attribute> attributes() {
        return Stream.of(
                new Attribute("subject", null, OssaEventsConfiguration::setSubject, "subject",
                        OssaEventsConstants.SUBJECT, v -> v),
                new Attribute("dataschema", null, OssaEventsConfiguration::setDataSchema, "dataSchema",
                        OssaEventsConstants.DATA_SCHEMA, v -> v),
                new Attribute("datacontenttype", "application/json", OssaEventsConfiguration::setDataContentType,
                        "dataContentType", OssaEventsConstants.DATA_CONTENT_TYPE, v -> v),
                new Attribute("ossaagentid", null, OssaEventsConfiguration::setAgentId, "agentId",
                        OssaEventsConstants.AGENT_ID, v -> v),
                new Attribute("ossainteractionid", null, OssaEventsConfiguration::setInteractionId, "interactionId",
                        OssaEventsConstants.INTERACTION_ID, v -> v),
                new Attribute("ossatraceid", null, OssaEventsConfiguration::setTraceId, "traceId",
                        OssaEventsConstants.TRACE_ID, v -> v),
                new Attribute("ossaspanid", null, OssaEventsConfiguration::setSpanId, "spanId",
                        OssaEventsConstants.SPAN_ID, v -> v),
                new Attribute("region", null, (c, v) -> c.getExtensions().put("region", v), "extensions.region",
                        OssaEventsConstants.EXTENSIONS, v -> Map.of("region", v)));
    }

    /** A value of the attribute that names where it was set. */
    private static String value(Attribute attribute, String level) {
        return switch (attribute.attribute()) {
            case "dataschema" -> "https://" + level + ".example.com/schema.json";
            case "datacontenttype" -> "text/" + level;
            default -> level + "-value";
        };
    }

    private JsonNode send(String uri, Map<String, Object> headers) throws Exception {
        int before = sink.received().size();
        template.sendBodyAndHeaders(uri, "body", headers);
        return CloudEventsJudge.tree(sink.await(before + 1).get(before).body());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("attributes")
    void headerBeatsEndpointBeatsComponentBeatsDefault(Attribute attribute) throws Exception {
        String base = "?source=/agents/planner&sink=" + sink.uri();
        JsonNode none = send("ossa-events:level0" + base, Map.of());
        if (attribute.defaultValue() == null) {
            assertFalse(none.has(attribute.attribute()), none.toString());
        } else {
            assertEquals(attribute.defaultValue(), none.get(attribute.attribute()).textValue());
        }

        OssaEventsComponent component = context.getComponent("ossa-events", OssaEventsComponent.class);
        attribute.component().accept(component.getConfiguration(), value(attribute, "component"));
        JsonNode fromComponent = send("ossa-events:level1" + base, Map.of());
        assertEquals(value(attribute, "component"), fromComponent.get(attribute.attribute()).textValue());

        String endpoint = base + "&" + attribute.endpointOption() + "=" + value(attribute, "endpoint");
        JsonNode fromEndpoint = send("ossa-events:level2" + endpoint, Map.of());
        assertEquals(value(attribute, "endpoint"), fromEndpoint.get(attribute.attribute()).textValue());

        JsonNode fromHeader = send("ossa-events:level2" + endpoint,
                Map.of(attribute.header(), attribute.headerValue().apply(value(attribute, "header"))));
        assertEquals(value(attribute, "header"), fromHeader.get(attribute.attribute()).textValue());

        JsonNode again = send("ossa-events:level2" + endpoint, Map.of());
        assertEquals(value(attribute, "endpoint"), again.get(attribute.attribute()).textValue(),
                "a header applies to its own exchange only");
    }

    @Test
    void sourceHeaderBeatsEndpointBeatsComponentAndIsRequired() throws Exception {
        String base = "?sink=" + sink.uri();
        CamelExecutionException missing = assertThrows(CamelExecutionException.class,
                () -> template.sendBody("ossa-events:level0" + base, "body"));
        InvalidCloudEventException e = assertInstanceOf(InvalidCloudEventException.class, missing.getCause());
        assertEquals("Invalid CloudEvent attribute 'source': is required: set the endpoint option source"
                     + " (ossa-events:<type>?source=/agents/planner), camel.component.ossa-events.source for every"
                     + " endpoint, or the header CamelCloudEventSource", e.getMessage());

        context.getComponent("ossa-events", OssaEventsComponent.class).getConfiguration().setSource("/component");
        assertEquals("/component", send("ossa-events:level1" + base, Map.of()).get("source").textValue());
        assertEquals("/endpoint", send("ossa-events:level2" + base + "&source=/endpoint", Map.of())
                .get("source").textValue());
        assertEquals("urn:header", send("ossa-events:level2" + base + "&source=/endpoint",
                Map.of(OssaEventsConstants.SOURCE, "urn:header")).get("source").textValue());
    }

    @Test
    void typeIsThePathUnlessTheHeaderSetsIt() throws Exception {
        String uri = "ossa-events:" + OssaEventType.TOOL_CALLED + "?source=/agents/planner&sink=" + sink.uri();
        assertEquals("dev.ossa.tool.called", send(uri, Map.of()).get("type").textValue());
        assertEquals("com.example.custom", send(uri, Map.of(OssaEventsConstants.TYPE, "com.example.custom"))
                .get("type").textValue());
    }

    @Test
    void extensionsHeaderMergesOverTheExtensionOptionsNameByName() throws Exception {
        OssaEventsComponent component = context.getComponent("ossa-events", OssaEventsComponent.class);
        component.getConfiguration().getExtensions().put("tier", "gold");
        String uri = "ossa-events:t?source=/s&extensions.region=eu&extensions.zone=a&sink=" + sink.uri();
        JsonNode event = send(uri, Map.of(OssaEventsConstants.EXTENSIONS, Map.of("region", "us", "count", 2)));
        assertEquals("us", event.get("region").textValue());
        assertEquals("a", event.get("zone").textValue());
        assertEquals("gold", event.get("tier").textValue());
        assertEquals(2, event.get("count").intValue());
    }

    @Test
    void ossaHeadersBeatTheSameNamesInTheExtensionsHeader() throws Exception {
        String uri = "ossa-events:t?source=/s&agentId=option&sink=" + sink.uri();
        assertEquals("from-map", send(uri, Map.of(OssaEventsConstants.EXTENSIONS, Map.of("ossaagentid", "from-map")))
                .get("ossaagentid").textValue());
        assertEquals("from-header", send(uri, Map.of(OssaEventsConstants.EXTENSIONS,
                Map.of("ossaagentid", "from-map"), OssaEventsConstants.AGENT_ID, "from-header"))
                .get("ossaagentid").textValue());
    }

    @Test
    void integerAndBooleanExtensionsAreJsonNumbersAndBooleans() throws Exception {
        Map<String, Object> extensions = new HashMap<>();
        extensions.put("attempt", 3);
        extensions.put("budget", 120L);
        extensions.put("cached", Boolean.TRUE);
        extensions.put("label", "3");
        JsonNode event = send("ossa-events:t?source=/s&extensions.static=7&sink=" + sink.uri(),
                Map.of(OssaEventsConstants.EXTENSIONS, extensions));
        assertTrue(event.get("attempt").isInt());
        assertTrue(event.get("budget").isInt());
        assertTrue(event.get("cached").isBoolean());
        assertTrue(event.get("label").isTextual(), "a String stays a string even when it looks like a number");
        assertTrue(event.get("static").isTextual(), "a URI option's value is text");
        CloudEvent read = CloudEventsJudge.event(event.toString());
        assertEquals(3, read.getExtension("attempt"));
        assertEquals(120, read.getExtension("budget"));
        assertEquals(true, read.getExtension("cached"));
    }

    @Test
    void componentOptionsBindLikeCamelMainProperties() throws Exception {
        OssaEventsComponent component = context.getComponent("ossa-events", OssaEventsComponent.class);
        PropertyBindingSupport.build().withCamelContext(context).withTarget(component).withProperties(
                new HashMap<>(Map.of("source", "/agents/bound", "agentId", "bound-agent", "subject", "bound",
                        "extensions[region]", "eu"))).bind();
        JsonNode event = send("ossa-events:t?sink=" + sink.uri(), Map.of());
        assertEquals("/agents/bound", event.get("source").textValue());
        assertEquals("bound-agent", event.get("ossaagentid").textValue());
        assertEquals("bound", event.get("subject").textValue());
        assertEquals("eu", event.get("region").textValue());
    }

    @Test
    void endpointOptionsDoNotLeakIntoTheComponentOrOtherEndpoints() throws Exception {
        send("ossa-events:a?source=/s&extensions.region=eu&subject=a&sink=" + sink.uri(), Map.of());
        JsonNode other = send("ossa-events:b?source=/s&sink=" + sink.uri(), Map.of());
        assertFalse(other.has("region"));
        assertFalse(other.has("subject"));
        OssaEventsConfiguration defaults = context.getComponent("ossa-events", OssaEventsComponent.class)
                .getConfiguration();
        assertEquals(List.of(), List.copyOf(defaults.getExtensions().keySet()));
    }
}
