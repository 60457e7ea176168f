package dev.ossa.camel.events.binding;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.apache.camel.Exchange;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.cloudevents.CloudEvent;

import dev.ossa.camel.events.OssaEventsConstants;
import dev.ossa.camel.events.binding.RecordingHttpServer.RecordedRequest;
import dev.ossa.camel.events.event.InvalidCloudEventException;

/**
 * {@code mode=binary} to a real HTTP server: the data bytes as the body, {@code Content-Type} from
 * {@code datacontenttype}, every other attribute in a percent-encoded {@code ce-} header. The CloudEvents SDK reads
 * the request; because it does not decode header values, the encoding itself is checked on the raw headers.
 */
class HttpBinaryModeTest extends CamelTestSupport {

    /** What an encoded header value may hold: U+0021 to U+007E except '"' and '%', and upper-case %XY triplets. */
    private static final Pattern ENCODED = Pattern.compile("(?:[\\x21\\x23-\\x24\\x26-\\x7E]|%[0-9A-F]{2})*");
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final RecordingHttpServer server;

    HttpBinaryModeTest() throws IOException {
        server = RecordingHttpServer.start();
    }

    @AfterEach
    void stopServer() {
        template.stop();
        context.stop();
        server.close();
    }

    private String endpoint(String options) {
        return "ossa-events:dev.ossa.tool.called?source=/agents/planner&mode=binary&sink=RAW("
               + server.url("/events") + ")" + options;
    }

    @Test
    void putsEveryAttributeButDataContentTypeInCeHeadersAndTheDataInTheBody() throws Exception {
        Exchange sent = template.send(endpoint("&agentId=planner&interactionId=run-7&traceId=4bf92f35&spanId=00f067aa"
                                               + "&dataSchema=https://schemas.ossa.dev/tool-called.json"),
                exchange -> {
                    exchange.getIn().setHeader(OssaEventsConstants.SUBJECT, "search");
                    exchange.getIn().setHeader(OssaEventsConstants.TIME, "2026-03-01T09:30:00+02:00");
                    exchange.getIn().setHeader(OssaEventsConstants.EXTENSIONS, Map.of("attempt", 2, "cached", true));
                    exchange.getIn().setBody(Map.of("tool", "search"));
                });
        assertNull(sent.getException());

        RecordedRequest request = server.onlyRequest();
        assertEquals("POST", request.method());
        assertEquals("/events", request.path());
        assertEquals("application/json", request.header("Content-Type"));
        assertNull(request.header("ce-datacontenttype"), "datacontenttype travels as Content-Type only");
        assertEquals("1.0", request.header("ce-specversion"));
        assertEquals(sent.getMessage().getHeader(OssaEventsConstants.ID), request.header("ce-id"));
        assertEquals("/agents/planner", request.header("ce-source"));
        assertEquals("dev.ossa.tool.called", request.header("ce-type"));
        assertEquals("search", request.header("ce-subject"));
        assertEquals("2026-03-01T09:30:00+02:00", request.header("ce-time"), "'+' and ':' are not encoded");
        assertEquals("https://schemas.ossa.dev/tool-called.json", request.header("ce-dataschema"));
        assertEquals("planner", request.header("ce-ossaagentid"));
        assertEquals("run-7", request.header("ce-ossainteractionid"));
        assertEquals("4bf92f35", request.header("ce-ossatraceid"));
        assertEquals("00f067aa", request.header("ce-ossaspanid"));
        assertEquals("2", request.header("ce-attempt"));
        assertEquals("true", request.header("ce-cached"));
        assertEquals("{\"tool\":\"search\"}", request.bodyText());

        CloudEvent event = SdkEventReader.read(request);
        assertEquals(sent.getMessage().getHeader(OssaEventsConstants.ID), event.getId());
        assertEquals(URI.create("/agents/planner"), event.getSource());
        assertEquals("dev.ossa.tool.called", event.getType());
        assertEquals("search", event.getSubject());
        assertEquals(OffsetDateTime.parse("2026-03-01T09:30:00+02:00"), event.getTime());
        assertEquals("application/json", event.getDataContentType());
        assertEquals(URI.create("https://schemas.ossa.dev/tool-called.json"), event.getDataSchema());
        assertEquals("planner", event.getExtension("ossaagentid"));
        assertEquals(MAPPER.readTree("{\"tool\":\"search\"}"), MAPPER.readTree(event.getData().toBytes()));
    }

    @Test
    void percentEncodesSubjectAndExtensionValuesAsTheHttpBindingRequires() throws Exception {
        Map<String, Object> extensions = new LinkedHashMap<>();
        extensions.put("quoted", "say \"hi\"");
        extensions.put("percent", "100% sure");
        extensions.put("accents", "café déjà vu");
        extensions.put("money", "5 € only");
        extensions.put("emoji", "ok 😀");
        extensions.put("encodedlooking", "%20 stays %E2%82%AC");
        extensions.put("plain", "a-b_c.d~e!f*g'h(i)j+k:l@m/n?o#p[q]r&s=t");
        template.send(endpoint("&interactionId=RAW(run / 7)"), exchange -> {
            exchange.getIn().setHeader(OssaEventsConstants.SUBJECT, "Euro € 😀");
            exchange.getIn().setHeader(OssaEventsConstants.EXTENSIONS, extensions);
            exchange.getIn().setBody(Map.of("n", 1));
        });

        RecordedRequest request = server.onlyRequest();
        assertEquals("Euro%20%E2%82%AC%20%F0%9F%98%80", request.header("ce-subject"));
        assertEquals("say%20%22hi%22", request.header("ce-quoted"));
        assertEquals("100%25%20sure", request.header("ce-percent"));
        assertEquals("caf%C3%A9%20d%C3%A9j%C3%A0%20vu", request.header("ce-accents"));
        assertEquals("5%20%E2%82%AC%20only", request.header("ce-money"));
        assertEquals("ok%20%F0%9F%98%80", request.header("ce-emoji"));
        assertEquals("%2520%20stays%20%25E2%2582%25AC", request.header("ce-encodedlooking"));
        assertEquals("a-b_c.d~e!f*g'h(i)j+k:l@m/n?o#p[q]r&s=t", request.header("ce-plain"));
        assertEquals("run%20/%207", request.header("ce-ossainteractionid"));
        request.headers().forEach((name, values) -> {
            if (name.startsWith("ce-")) {
                assertEquals(1, values.size(), () -> name + " arrives once");
                assertTrue(ENCODED.matcher(values.get(0)).matches(), () -> name + " is not encoded: " + values);
            }
        });

        CloudEvent event = SdkEventReader.readDecoded(request);
        assertEquals("Euro € 😀", event.getSubject());
        extensions.forEach((name, value) -> assertEquals(value, event.getExtension(name), name));
        assertEquals("run / 7", event.getExtension("ossainteractionid"));
    }

    @Test
    void sendsUtf8TextDataByteExactWithItsOwnContentType() throws Exception {
        String text = "héllo € 😀 日本 \"quoted\" 100%\nsecond line";
        template.send(endpoint("&dataContentType=RAW(text/plain; charset=utf-8)"),
                exchange -> exchange.getIn().setBody(text));

        RecordedRequest request = server.onlyRequest();
        assertEquals("text/plain; charset=utf-8", request.header("Content-Type"));
        assertArrayEquals(text.getBytes(StandardCharsets.UTF_8), request.body());
        CloudEvent event = SdkEventReader.read(request);
        assertEquals("text/plain; charset=utf-8", event.getDataContentType());
        assertArrayEquals(text.getBytes(StandardCharsets.UTF_8), event.getData().toBytes());
    }

    @ParameterizedTest
    @ValueSource(strings = { "text/plain; charset=utf-8", "Text/Plain; Charset=UTF-8",
            "application/vnd.ossa.event+json; profile=\"https://schemas.ossa.dev/v1\"", "text/csv; header=present",
            "application/x-ndjson" })
    void sendsTheDataContentTypeAsContentTypeExactlyAsWritten(String contentType) {
        template.send(endpoint(""), exchange -> {
            exchange.getIn().setHeader(OssaEventsConstants.DATA_CONTENT_TYPE, contentType);
            exchange.getIn().setBody("a,b".getBytes(StandardCharsets.UTF_8));
        });

        RecordedRequest request = server.onlyRequest();
        assertEquals(contentType, request.header("Content-Type"));
        assertEquals(contentType, SdkEventReader.read(request).getDataContentType());
    }

    /**
     * The bytes of the Content-Type line as the server received them: camel-http used to parse a String or byte[]
     * body's content type with the HTTP client's {@code ContentType} and write it back in that class's form.
     */
    @ParameterizedTest
    @ValueSource(strings = { "text/plain;charset=utf-8", "text/plain;charset=\"utf-8\"",
            "text/plain; charset=\"utf-8\"", "application/json;charset=UTF-8", "text/csv;header=present;charset=utf-8",
            "application/vnd.ossa+json;  profile=v1", "TEXT/Plain" })
    void sendsTheDataContentTypeByteForByte(String contentType) {
        template.send(endpoint(""), exchange -> {
            exchange.getIn().setHeader(OssaEventsConstants.DATA_CONTENT_TYPE, contentType);
            exchange.getIn().setBody("a,b");
        });

        RecordedRequest request = server.onlyRequest();
        assertEquals(List.of(contentType), request.headers().get("content-type"));
        assertArrayEquals(contentType.getBytes(StandardCharsets.ISO_8859_1),
                request.header("Content-Type").getBytes(StandardCharsets.ISO_8859_1));
        assertEquals(contentType, SdkEventReader.read(request).getDataContentType());
    }

    @Test
    void sendsCompactJsonBytesWithEmojiByteExact() throws Exception {
        byte[] json = "{\"text\":\"héllo € 😀\",\"n\":[1,2.5,true,null]}".getBytes(StandardCharsets.UTF_8);
        template.send(endpoint(""), exchange -> exchange.getIn().setBody(json));

        assertArrayEquals(json, server.onlyRequest().body());
    }

    @Test
    void sendsEveryByteValueUnchanged() throws Exception {
        byte[] bytes = new byte[512];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) (i * 7);
        }
        template.send(endpoint("&dataContentType=application/octet-stream"),
                exchange -> exchange.getIn().setBody(bytes));

        RecordedRequest request = server.onlyRequest();
        assertEquals("application/octet-stream", request.header("Content-Type"));
        assertArrayEquals(bytes, request.body());
        assertArrayEquals(bytes, SdkEventReader.read(request).getData().toBytes());
    }

    @Test
    void sendsAnEventWithoutDataAsAnEmptyBodyWithoutContentType() {
        template.send(endpoint(""), exchange -> exchange.getIn().setBody(null));

        RecordedRequest request = server.onlyRequest();
        assertEquals(0, request.body().length);
        assertNull(request.header("Content-Type"), "no data, no content type");
        CloudEvent event = SdkEventReader.read(request);
        assertEquals("dev.ossa.tool.called", event.getType());
        assertNull(event.getData());
    }

    @Test
    void rejectsATabInASubjectBeforeAnythingIsSent() {
        Exchange sent = template.send(endpoint(""), exchange -> {
            exchange.getIn().setHeader(OssaEventsConstants.SUBJECT, "tab\there");
            exchange.getIn().setBody(Map.of("n", 1));
        });

        InvalidCloudEventException error = assertInstanceOf(InvalidCloudEventException.class, sent.getException());
        assertTrue(error.getMessage().contains("subject"), error.getMessage());
        assertTrue(error.getMessage().contains("U+0009"), error.getMessage());
        assertEquals(List.of(), server.requests());
    }
}
