package dev.ossa.camel.events;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.apache.camel.Exchange;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import dev.ossa.camel.events.event.InvalidCloudEventException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The spec's invalid cases sent through a route: each fails its own exchange with a message naming the attribute
 * and the rule, nothing reaches the sink, and the next valid event on the same endpoint still goes out.
 */
class InvalidEventsFailOnlyTheirExchangeTest extends CamelTestSupport {

    private final RecordingSink sink = new RecordingSink("sink");

    @Override
    protected RoutesBuilder[] createRouteBuilders() {
        return new RoutesBuilder[] { sink, new RouteBuilder() {
            @Override
            public void configure() {
                errorHandler(defaultErrorHandler().logExhausted(false));
                from("direct:emit").routeId("emit")
                        .to("ossa-events:" + OssaEventType.TOOL_CALLED + "?source=/agents/planner&sink=" + sink.uri());
            }
        } };
    }

    static Stream<Arguments> invalidExchanges() {
        return Stream.of(
                invalid("extension name with upper case", OssaEventsConstants.EXTENSIONS, Map.of("MyExt", "x"),
                        "MyExt", "has upper-case letters"),
                invalid("extension name with underscore", OssaEventsConstants.EXTENSIONS, Map.of("my_ext", "x"),
                        "my_ext", "contains '_'"),
                invalid("extension name with dot", OssaEventsConstants.EXTENSIONS, Map.of("my.ext", "x"),
                        "my.ext", "contains '.'"),
                invalid("time without seconds", OssaEventsConstants.TIME, "2018-04-05T18:31Z",
                        "time", "seconds missing"),
                invalid("time with +05", OssaEventsConstants.TIME, "2018-04-05T18:31:00+05",
                        "time", "offset '+05' must be Z or +hh:mm / -hh:mm"),
                invalid("relative dataschema", OssaEventsConstants.DATA_SCHEMA, "schemas/tool.json",
                        "dataschema", "is not an absolute URI"),
                invalid("datacontenttype xyz", OssaEventsConstants.DATA_CONTENT_TYPE, "xyz",
                        "datacontenttype", "'xyz' is not an RFC 2046 media type"),
                invalid("a Map body with a text datacontenttype", OssaEventsConstants.DATA_CONTENT_TYPE,
                        "text/plain", "data", "datacontenttype 'text/plain' is not JSON"),
                invalid("empty id", OssaEventsConstants.ID, "", "id", "must not be empty"),
                invalid("empty type", OssaEventsConstants.TYPE, "", "type", "must not be empty"),
                invalid("empty subject", OssaEventsConstants.SUBJECT, "", "subject", "must not be empty"),
                invalid("empty source", OssaEventsConstants.SOURCE, "", "source", "must not be empty"),
                invalid("control character in subject", OssaEventsConstants.SUBJECT, "line\u0000break",
                        "subject", "contains control character U+0000"),
                invalid("control character in agent id", OssaEventsConstants.AGENT_ID, "planner\u001b[31m",
                        "ossaagentid", "contains control character U+001B"),
                invalid("unpaired surrogate", OssaEventsConstants.SUBJECT, "emoji \uD83D",
                        "subject", "unpaired surrogate U+D83D"),
                invalid("integer extension beyond 32 bits", OssaEventsConstants.EXTENSIONS,
                        Map.of("tokens", 5_000_000_000L), "tokens", "outside the 32-bit range"),
                invalid("extensions header that is not a map", OssaEventsConstants.EXTENSIONS, "region=eu",
                        "extensions", "must be a Map<String, Object>"),
                invalid("time header that is not a timestamp", OssaEventsConstants.TIME, java.time.LocalDate.now(),
                        "time", "header CamelCloudEventTime is a java.time.LocalDate, which is not a timestamp"),
                invalid("byte[] subject", OssaEventsConstants.SUBJECT, "search".getBytes(StandardCharsets.UTF_8),
                        "subject", "header CamelCloudEventSubject is a byte[], which is not turned into text: set"
                                   + " it as a String"),
                invalid("Map type", OssaEventsConstants.TYPE, new HashMap<>(Map.of("a", 1)),
                        "type", "header CamelCloudEventType is a java.util.HashMap, which is not turned into text"),
                invalid("Integer id", OssaEventsConstants.ID, 42,
                        "id", "header CamelCloudEventID is a java.lang.Integer, which is not turned into text: set it"
                              + " as a String or UUID"),
                invalid("List source", OssaEventsConstants.SOURCE, new ArrayList<>(List.of("/agents/planner")),
                        "source", "is a java.util.ArrayList, which is not turned into text: set it as"
                                  + " a String or java.net.URI"),
                invalid("StringBuilder dataschema is fine but this one is relative", OssaEventsConstants.DATA_SCHEMA,
                        new StringBuilder("schemas/x"), "dataschema", "is not an absolute URI"),
                invalid("byte[] agent id", OssaEventsConstants.AGENT_ID, new byte[] { 1 },
                        "ossaagentid", "header CamelOssaAgentId is a byte[]"),
                invalid("null key in the extensions map", OssaEventsConstants.EXTENSIONS, nullKeyMap(),
                        "extensions", "header CamelCloudEventExtensions has a null key"),
                invalid("Integer key in the extensions map", OssaEventsConstants.EXTENSIONS, Map.of(7, "x"),
                        "extensions", "has a key of type java.lang.Integer, '7'"),
                invalid("non-ASCII source", OssaEventsConstants.SOURCE, "/agents/ñandú",
                        "source", "contains the non-ASCII character 'ñ' (U+00F1) at index 8; percent-encode it"),
                invalid("non-ASCII dataschema as a URI object", OssaEventsConstants.DATA_SCHEMA,
                        URI.create("https://example.com/ñ"), "dataschema", "percent-encode it as UTF-8 (%C3%B1)"),
                invalid("unknown charset", OssaEventsConstants.DATA_CONTENT_TYPE, "application/json; charset=nope",
                        "datacontenttype", "charset 'nope' is unknown or not supported by this JVM"));
    }

    private static Map<String, Object> nullKeyMap() {
        Map<String, Object> map = new HashMap<>();
        map.put(null, "x");
        return map;
    }

    private static Arguments invalid(String name, String header, Object value, String attribute, String rule) {
        return Arguments.of(name, header, value, attribute, rule);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidExchanges")
    void exchangeFailsNothingIsSentAndTheNextEventGoesOut(String name, String header, Object value, String attribute,
                                                         String rule) throws Exception {
        Map<String, Object> headers = new HashMap<>();
        headers.put(header, value);
        Exchange failed = template.request("direct:emit", e -> {
            e.getMessage().setHeaders(headers);
            e.getMessage().setBody(Map.of("tool", "search"));
        });
        InvalidCloudEventException e = assertInstanceOf(InvalidCloudEventException.class, failed.getException());
        assertEquals(attribute, e.getAttribute());
        assertTrue(e.getMessage().startsWith("Invalid CloudEvent attribute '" + attribute + "': "), e.getMessage());
        assertTrue(e.getMessage().contains(rule), () -> "expected '" + rule + "' in: " + e.getMessage());
        assertEquals(0, sink.received().size(), "nothing reaches the sink");

        Exchange ok = template.request("direct:emit", x -> x.getMessage().setBody(Map.of("tool", "search")));
        assertEquals(null, ok.getException());
        assertEquals(1, sink.await(1).size());
        assertEquals("dev.ossa.tool.called", CloudEventsJudge.event(sink.received().get(0).body()).getType());
    }

    @Test
    void rejectedEventsAreCountedAndNotDelivered() throws Exception {
        for (int i = 0; i < 3; i++) {
            template.request("direct:emit", e -> e.getMessage().setHeader(OssaEventsConstants.SUBJECT, ""));
            template.sendBody("direct:emit", "fine");
        }
        sink.await(3);
        OssaEventsEndpoint endpoint = context.getEndpoints().stream().filter(OssaEventsEndpoint.class::isInstance)
                .map(OssaEventsEndpoint.class::cast).findFirst().orElseThrow();
        assertEquals(3, endpoint.getEventsRejected());
        assertEquals(3, endpoint.getEventsDelivered());
        assertEquals(3, sink.received().size());
    }

    @Test
    void theRoutesErrorHandlerSeesTheException() throws Exception {
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:handled")
                        .onException(InvalidCloudEventException.class).handled(true)
                            .setBody(simple("rejected: ${exception.attribute}")).end()
                        .to("ossa-events:t?source=/agents/planner&sink=" + sink.uri());
            }
        });
        Object reply = template.requestBodyAndHeader("direct:handled", "x", OssaEventsConstants.SUBJECT, "");
        assertEquals("rejected: subject", reply);
        assertEquals(0, sink.received().size());
    }
}
