package dev.ossa.camel.events.dataformat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import dev.ossa.camel.events.event.InvalidBatchEventException;
import dev.ossa.camel.events.event.OssaCloudEvent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Messages that are not CloudEvents at all, or break a rule only a received message can break, each POSTed to a real
 * Camel HTTP consumer: each fails its own exchange with a clear message (the route's error handler answers 400), and
 * the route goes on reading the next, valid message.
 */
class MalformedMessagesFailCleanlyTest extends ReceivingRoutes {

    private static final String STRUCTURED = "application/cloudevents+json; charset=UTF-8";
    private static final String BATCH = "application/cloudevents-batch+json; charset=UTF-8";
    private static final String VALID = "{\"specversion\":\"1.0\",\"id\":\"ok\",\"source\":\"/a\",\"type\":\"t\"}";

    static Stream<Arguments> malformed() {
        return Stream.of(
                malformed("bad JSON", Map.of("Content-Type", STRUCTURED), "{\"specversion\":\"1.0\",\"id\":",
                        "Malformed CloudEvent message, body: is not well-formed JSON: Unexpected end-of-input"),
                malformed("empty body", Map.of("Content-Type", STRUCTURED), "",
                        "Malformed CloudEvent message, body: is empty: expected a JSON event"),
                malformed("an array where one event is expected", Map.of("Content-Type", STRUCTURED), "[" + VALID + "]",
                        "Malformed CloudEvent message, body: a structured event must be a JSON object, not a JSON array"),
                malformed("content after the event", Map.of("Content-Type", STRUCTURED), VALID + " {}",
                        "Malformed CloudEvent message, body: has content after the event: a JSON object"),
                malformed("a member twice", Map.of("Content-Type", STRUCTURED),
                        "{\"specversion\":\"1.0\",\"id\":\"a\",\"id\":\"b\",\"source\":\"/a\",\"type\":\"t\"}",
                        "Malformed CloudEvent message, body: is not well-formed JSON: Duplicate field 'id'"),
                malformed("a batch that is not an array", Map.of("Content-Type", BATCH), VALID,
                        "Malformed CloudEvent message, body: a batch must be a JSON array, not a JSON object"),
                malformed("a batch with a non-object element", Map.of("Content-Type", BATCH), "[" + VALID + ",42]",
                        "Event 1 of the batch: Malformed CloudEvent message, body: a batch element must be a JSON"
                                + " object, not a number"),
                malformed("a batch with an invalid event", Map.of("Content-Type", BATCH),
                        "[" + VALID + "," + VALID.replace("\"t\"", "\"\"") + "]",
                        "Event 1 of the batch: Invalid CloudEvent attribute 'type': must not be empty"),
                malformed("bad percent-encoding", binary("ce-subject", "100%"),
                        "{}", "Malformed CloudEvent message, ce-subject: bad percent-encoding at index 3"),
                malformed("bad hex in percent-encoding", binary("ce-subject", "%G1"),
                        "{}", "Malformed CloudEvent message, ce-subject: bad percent-encoding at index 0"),
                malformed("invalid UTF-8 in a header", binary("ce-subject", "%C3%28"),
                        "{}", "Malformed CloudEvent message, ce-subject: is not UTF-8 once percent-decoded"),
                malformed("missing ce-specversion", Map.of("Content-Type", "application/json", "ce-id", "1",
                        "ce-source", "/a", "ce-type", "t"), "{}",
                        "Malformed CloudEvent message, ce-specversion: header missing"),
                malformed("no CloudEvent at all", Map.of("Content-Type", "text/plain"), "hello",
                        "Malformed CloudEvent message, ce-specversion: header missing"),
                malformed("specversion 0.3, binary", Map.of("Content-Type", "application/json",
                        "ce-specversion", "0.3", "ce-id", "1", "ce-source", "/a", "ce-type", "t"), "{}",
                        "Invalid CloudEvent attribute 'specversion': '0.3' is not supported: only CloudEvents 1.0 is"
                                + " read"),
                malformed("specversion 0.3, structured", Map.of("Content-Type", STRUCTURED),
                        VALID.replace("1.0", "0.3"), "Invalid CloudEvent attribute 'specversion': '0.3' is not"
                                + " supported"),
                malformed("specversion missing, structured", Map.of("Content-Type", STRUCTURED),
                        VALID.replace("\"specversion\":\"1.0\",", ""),
                        "Invalid CloudEvent attribute 'specversion': is required"),
                malformed("both data and data_base64", Map.of("Content-Type", STRUCTURED),
                        VALID.replace("}", ",\"data\":{},\"data_base64\":\"AA==\"}"),
                        "Invalid CloudEvent attribute 'data': an event must not have both data and data_base64"),
                malformed("data_base64 that is not base64", Map.of("Content-Type", STRUCTURED),
                        VALID.replace("}", ",\"data_base64\":\"not base64!\"}"),
                        "Invalid CloudEvent attribute 'data_base64': is not base64 (RFC 4648)"),
                malformed("a number as id", Map.of("Content-Type", STRUCTURED), VALID.replace("\"ok\"", "7"),
                        "Invalid CloudEvent attribute 'id': must be a string, not a number (7)"),
                malformed("an object as extension value", Map.of("Content-Type", STRUCTURED),
                        VALID.replace("}", ",\"ext\":{\"a\":1}}"),
                        "Invalid CloudEvent attribute 'ext': a JSON object has no CloudEvents type"),
                malformed("an event format other than JSON", Map.of("Content-Type", "application/cloudevents+xml"),
                        "<event/>", "Malformed CloudEvent message, Content-Type: event format"
                                + " 'application/cloudevents+xml' is not supported"));
    }

    private static Map<String, String> binary(String header, String value) {
        return Map.of("Content-Type", "application/json", "ce-specversion", "1.0", "ce-id", "1", "ce-source", "/a",
                "ce-type", "t", header, value);
    }

    private static Arguments malformed(String name, Map<String, String> headers, String body, String message) {
        return Arguments.of(name, headers, body, message);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformed")
    void failsWithAClearMessageAndTheRouteReadsTheNextMessage(String name, Map<String, String> headers, String body,
                                                              String message) throws Exception {
        HttpResponse<String> answer = post(headers, body.getBytes(StandardCharsets.UTF_8));
        assertEquals(400, answer.statusCode(), name + ": " + answer.body());
        assertTrue(answer.body().startsWith(message), name + ": " + answer.body());

        postValidEvent();
    }

    @Test
    void invalidUtf8InAJsonBodyFailsAsMalformedJson() throws Exception {
        byte[] body = VALID.replace("\"ok\"", "\"o\u00FFk\"").getBytes(StandardCharsets.ISO_8859_1);
        HttpResponse<String> answer = post(Map.of("Content-Type", STRUCTURED), body);
        assertEquals(400, answer.statusCode());
        assertTrue(answer.body().startsWith("Malformed CloudEvent message, body: is not well-formed JSON: Invalid UTF-8"),
                answer.body());
        postValidEvent();
    }

    @Test
    void withSplitInvalidTheValidEventsOfABatchGoOnAndTheInvalidOnesAreNamedByIndex() throws Exception {
        MockEndpoint split = getMockEndpoint("mock:split");
        split.expectedMessageCount(1);
        String batch = "[" + VALID + ",\"text\"," + VALID.replace("\"ok\"", "\"ok2\"") + ","
                + VALID.replace("\"/a\"", "\"a b\"") + "]";

        HttpResponse<String> answer = post(Map.of("Content-Type", BATCH), batch.getBytes(StandardCharsets.UTF_8),
                "/batches");

        assertEquals(200, answer.statusCode(), answer.body());
        split.assertIsSatisfied();
        List<?> events = split.getExchanges().get(0).getMessage().getBody(List.class);
        assertEquals(List.of("ok", "ok2"), events.stream().map(e -> ((OssaCloudEvent) e).getId()).toList());
        List<?> invalid = split.getExchanges().get(0).getMessage().getHeader("CamelOssaInvalidEvents", List.class);
        assertEquals(2, invalid.size());
        InvalidBatchEventException first = (InvalidBatchEventException) invalid.get(0);
        InvalidBatchEventException second = (InvalidBatchEventException) invalid.get(1);
        assertEquals(1, first.getIndex());
        assertEquals(3, second.getIndex());
        assertEquals("source", second.getAttribute());
        assertTrue(second.getMessage().startsWith("Event 3 of the batch: Invalid CloudEvent attribute 'source': 'a b'"),
                second.getMessage());
    }

    @Override
    protected void extraRoutes(RouteBuilder builder) {
        OssaEventsDataFormat splitting = new OssaEventsDataFormat();
        splitting.setSplitInvalid(true);
        builder.from("platform-http:/batches?httpMethodRestrict=POST").unmarshal(splitting).to("mock:split")
                .setBody(builder.constant("received"));
    }

    private void postValidEvent() throws Exception {
        MockEndpoint events = getMockEndpoint("mock:events");
        events.reset();
        events.expectedMessageCount(1);
        HttpResponse<String> answer = post(Map.of("Content-Type", STRUCTURED), VALID.getBytes(StandardCharsets.UTF_8));
        assertEquals(200, answer.statusCode(), answer.body());
        events.assertIsSatisfied();
    }
}
