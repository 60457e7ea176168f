package dev.ossa.camel.events.binding;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.camel.Exchange;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.cloudevents.CloudEvent;
import io.cloudevents.SpecVersion;

import dev.ossa.camel.events.OssaEventsConstants;
import dev.ossa.camel.events.binding.RecordingHttpServer.RecordedRequest;

/**
 * {@code mode=structured} (the default) to a real HTTP server: one POST per event, the JSON event as the body, read
 * back with the CloudEvents SDK.
 */
class HttpStructuredModeTest extends CamelTestSupport {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final RecordingHttpServer server;

    HttpStructuredModeTest() throws IOException {
        server = RecordingHttpServer.start();
    }

    @AfterEach
    void stopServer() {
        template.stop();
        context.stop();
        server.close();
    }

    private String endpoint(String options) {
        return "ossa-events:dev.ossa.tool.called?source=/agents/planner&sink=RAW(" + server.url("/events") + ")"
               + options;
    }

    @Test
    void postsTheJsonEventWithTheStructuredContentTypeByDefault() throws Exception {
        Exchange sent = template.send(endpoint("&agentId=planner&interactionId=run-7&traceId=4bf92f35&spanId=00f067aa"
                                               + "&extensions.region=eu"),
                exchange -> {
                    exchange.getIn().setHeader(OssaEventsConstants.SUBJECT, "search");
                    exchange.getIn().setHeader(OssaEventsConstants.TIME, "2026-03-01T09:30:00+02:00");
                    exchange.getIn().setBody(Map.of("tool", "search", "arguments", Map.of("q", "camel")));
                });
        assertNull(sent.getException());

        RecordedRequest request = server.onlyRequest();
        assertEquals("POST", request.method());
        assertEquals("/events", request.path());
        assertEquals("application/cloudevents+json; charset=utf-8", request.header("Content-Type"));
        assertTrue(request.headers().keySet().stream().noneMatch(name -> name.startsWith("ce-")),
                () -> "A structured request carries no ce- headers: " + request.headers().keySet());

        CloudEvent event = SdkEventReader.read(request);
        assertEquals(SpecVersion.V1, event.getSpecVersion());
        assertEquals(sent.getMessage().getHeader(OssaEventsConstants.ID), event.getId());
        assertEquals(URI.create("/agents/planner"), event.getSource());
        assertEquals("dev.ossa.tool.called", event.getType());
        assertEquals("search", event.getSubject());
        assertEquals(OffsetDateTime.parse("2026-03-01T09:30:00+02:00"), event.getTime());
        assertEquals("application/json", event.getDataContentType());
        assertEquals("planner", event.getExtension("ossaagentid"));
        assertEquals("run-7", event.getExtension("ossainteractionid"));
        assertEquals("4bf92f35", event.getExtension("ossatraceid"));
        assertEquals("00f067aa", event.getExtension("ossaspanid"));
        assertEquals("eu", event.getExtension("region"));
        assertEquals(MAPPER.readTree("{\"tool\":\"search\",\"arguments\":{\"q\":\"camel\"}}"),
                MAPPER.readTree(event.getData().toBytes()));
    }

    @Test
    void keepsUtf8DataAndAttributesByteExactInTheJsonBody() throws Exception {
        String text = "héllo € 😀 日本 \"quoted\" 100%";
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("text", text);
        template.send(endpoint("&mode=structured"), exchange -> {
            exchange.getIn().setHeader(OssaEventsConstants.SUBJECT, "Euro € 😀");
            exchange.getIn().setBody(data);
        });

        RecordedRequest request = server.onlyRequest();
        byte[] utf8 = "héllo € 😀 日本".getBytes(StandardCharsets.UTF_8);
        assertTrue(contains(request.body(), utf8), () -> "The body does not hold the UTF-8 bytes of the text: "
                                                         + request.bodyText());
        CloudEvent event = SdkEventReader.read(request);
        assertEquals("Euro € 😀", event.getSubject());
        JsonNode read = MAPPER.readTree(event.getData().toBytes());
        assertEquals(text, read.get("text").asText());
    }

    @Test
    void sendsTextDataAsAJsonStringThatReadsBackToTheSameBytes() throws Exception {
        String text = "plain text: ünïcödé ✓ 𝄞";
        template.send(endpoint("&dataContentType=" + "text/plain"), exchange -> exchange.getIn().setBody(text));

        CloudEvent event = SdkEventReader.read(server.onlyRequest());
        assertEquals("text/plain", event.getDataContentType());
        assertArrayEquals(text.getBytes(StandardCharsets.UTF_8), event.getData().toBytes());
    }

    @Test
    void sendsOneRequestPerEventInOrder() throws Exception {
        for (String subject : List.of("first", "second", "third")) {
            template.send(endpoint(""), exchange -> {
                exchange.getIn().setHeader(OssaEventsConstants.SUBJECT, subject);
                exchange.getIn().setBody(Map.of("n", subject));
            });
        }

        List<String> subjects = server.requests().stream().map(SdkEventReader::read).map(CloudEvent::getSubject)
                .toList();
        assertEquals(List.of("first", "second", "third"), subjects);
    }

    private static boolean contains(byte[] haystack, byte[] needle) {
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            if (Arrays.equals(haystack, i, i + needle.length, needle, 0, needle.length)) {
                return true;
            }
        }
        return false;
    }
}
