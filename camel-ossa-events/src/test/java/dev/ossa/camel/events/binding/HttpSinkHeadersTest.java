package dev.ossa.camel.events.binding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPInputStream;

import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.apache.camel.util.URISupport;
import org.apache.logging.log4j.Level;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.cloudevents.CloudEvent;

import dev.ossa.camel.events.OssaEventsConstants;
import dev.ossa.camel.events.binding.RecordingHttpServer.RecordedRequest;

/**
 * {@code sinkHeaders.*} reach every request and no log line; nothing else of the caller's exchange reaches the
 * request: neither its own headers nor Camel's.
 */
class HttpSinkHeadersTest extends CamelTestSupport {

    private static final String SECRET = "s3cr3t.Tok+en/=";
    private static final String SINK_HEADERS = "&sinkHeaders.Authorization=RAW(Bearer " + SECRET + ")"
                                               + "&sinkHeaders.X-Api-Key=RAW(k3y-" + SECRET + ")"
                                               + "&sinkHeaders.X-Tenant=acme";
    /** What each sink header must arrive as, by its name in lower case. */
    private static final Map<String, List<String>> EXPECTED_SINK_HEADERS = Map.of(
            "authorization", List.of("Bearer " + SECRET), "x-api-key", List.of("k3y-" + SECRET), "x-tenant",
            List.of("acme"));
    /** Headers the HTTP client writes itself. */
    private static final Set<String> PROTOCOL_HEADERS = Set.of("host", "connection", "user-agent", "accept-encoding",
            "content-type", "content-length", "transfer-encoding");

    /**
     * Camel's own DEBUG lines on endpoint creation: they show the URI through Camel's sanitizer. The component makes it
     * mask every {@code sinkHeaders.*} option; Camel 4.22 does so, 4.18 masks only the first such option of a URI.
     */
    private static final List<String> CAMEL_ENDPOINT_CREATION_LINES = List.of(
            "DEBUG org.apache.camel.support.DefaultComponent - Creating endpoint",
            "DEBUG org.apache.camel.impl.engine.AbstractCamelContext - ossa-events://");

    private final RecordingHttpServer server;

    HttpSinkHeadersTest() throws IOException {
        server = RecordingHttpServer.start();
    }

    @AfterEach
    void stopServer() {
        template.stop();
        context.stop();
        server.close();
    }

    /** Whether the Camel on the class path masks the value of a {@code sinkHeaders.<name>} option in a URI. */
    /** Whether Camel's sanitizer masks these sink headers when a URI holds them all, as the test's URIs do. */
    private static boolean camelMasks(String... names) {
        StringBuilder uri = new StringBuilder("ossa-events:t?source=/s");
        for (String name : names) {
            uri.append("&sinkHeaders.").append(name).append("=RAW(").append(SECRET).append(')');
        }
        return !URISupport.sanitizeUri(uri.toString()).contains(SECRET);
    }

    private String ossaUri(String options) {
        return "ossa-events:dev.ossa.tool.called?source=/agents/planner&sink=RAW(" + server.url("/events") + ")"
               + SINK_HEADERS + options;
    }

    @ParameterizedTest
    @ValueSource(strings = { "&mode=structured", "&mode=binary", "&mode=batch",
            "&mode=batch&batchSize=2&flushInterval=60000", "&mode=binary&batchSize=2&flushInterval=60000" })
    void sinkHeadersArriveOnEveryRequest(String mode) throws Exception {
        for (int n = 0; n < 2; n++) {
            int value = n;
            template.send(ossaUri(mode), exchange -> exchange.getIn().setBody(Map.of("n", value)));
        }
        template.stop();

        List<RecordedRequest> requests = server.requests();
        assertFalse(requests.isEmpty());
        for (RecordedRequest request : requests) {
            EXPECTED_SINK_HEADERS.forEach((name, value) -> assertEquals(value, request.headers().get(name), name));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = { "structured", "binary", "batch" })
    void onlyTheBindingsHeadersAndTheSinkHeadersArrive(String mode) throws Exception {
        Exchange sent = template.send(ossaUri("&mode=" + mode), exchange -> {
            exchange.getIn().setHeader("Authorization", "Basic Y2FsbGVyOmxlYWs=");
            exchange.getIn().setHeader("X-Caller-Secret", "leak");
            exchange.getIn().setHeader("Cookie", "session=leak");
            exchange.getIn().setHeader("ce-source", "/leak");
            exchange.getIn().setHeader("Content-Encoding", "gzip");
            exchange.getIn().setHeader(Exchange.CONTENT_TYPE, "text/leak");
            exchange.getIn().setHeader(Exchange.HTTP_METHOD, "GET");
            exchange.getIn().setHeader(Exchange.HTTP_URI, "http://127.0.0.1:1/leak");
            exchange.getIn().setHeader(Exchange.HTTP_PATH, "/leak");
            exchange.getIn().setHeader(Exchange.HTTP_QUERY, "leak=1");
            exchange.getIn().setHeader(Exchange.HTTP_RAW_QUERY, "leak=2");
            exchange.getIn().setHeader("camelLowerCase", "leak");
            exchange.getIn().setHeader("CAMELUPPERCASE", "leak");
            exchange.getIn().setHeader(OssaEventsConstants.AGENT_ID, "planner");
            exchange.getIn().setBody(Map.of("n", 1));
        });
        assertTrue(sent.getException() == null, () -> String.valueOf(sent.getException()));

        RecordedRequest request = server.onlyRequest();
        assertEquals("POST", request.method());
        assertEquals("/events", request.path());
        for (String name : request.headers().keySet()) {
            assertFalse(name.toLowerCase(Locale.ROOT).startsWith("camel"), () -> "Camel header arrived: " + name);
            assertTrue(PROTOCOL_HEADERS.contains(name) || EXPECTED_SINK_HEADERS.containsKey(name)
                       || mode.equals("binary") && name.startsWith("ce-"),
                    () -> "Unexpected header arrived: " + name + ": " + request.headers().get(name));
            assertFalse(request.headers().get(name).toString().contains("leak"),
                    () -> "The caller's value arrived in " + name + ": " + request.headers().get(name));
        }
        EXPECTED_SINK_HEADERS.forEach((name, value) -> assertEquals(value, request.headers().get(name), name));
        CloudEvent event = mode.equals("batch") ? SdkEventReader.readBatch(request.body()).get(0)
                : SdkEventReader.read(request);
        assertEquals("/agents/planner", event.getSource().toString());
        assertEquals("planner", event.getExtension("ossaagentid"));
    }

    @Test
    void aSinkHeaderCannotReplaceTheContentTypeOrACeHeaderOfTheBinding() {
        Exchange sent = template.send(ossaUri("&mode=binary&sinkHeaders.Content-Type=text/leak&sinkHeaders.ce-id=leak"),
                exchange -> exchange.getIn().setBody(Map.of("n", 1)));

        RecordedRequest request = server.onlyRequest();
        assertEquals(List.of("application/json"), request.headers().get("content-type"));
        assertEquals(List.of(sent.getMessage().getHeader(OssaEventsConstants.ID, String.class)),
                request.headers().get("ce-id"));
    }

    @ParameterizedTest
    @ValueSource(strings = { "structured", "binary", "batch" })
    void aContentEncodingSinkHeaderOfGzipCompressesTheBody(String mode) throws Exception {
        template.send(ossaUri("&mode=" + mode + "&sinkHeaders.Content-Encoding=gzip"),
                exchange -> exchange.getIn().setBody(Map.of("n", 1)));

        RecordedRequest request = server.onlyRequest();
        assertEquals(List.of("gzip"), request.headers().get("content-encoding"));
        byte[] body;
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(request.body()))) {
            body = in.readAllBytes();
        }
        RecordedRequest unzipped = new RecordedRequest(request.method(), request.path(), request.headers(), body);
        CloudEvent event = mode.equals("batch") ? SdkEventReader.readBatch(body).get(0) : SdkEventReader.read(unzipped);
        assertEquals("/agents/planner", event.getSource().toString());
    }

    @Test
    void sinkHeaderValuesAreInNoLogLineAndInNoEndpointToString() throws Exception {
        server.thenAnswer(500, "collector down");
        try (CapturedLogs logs = CapturedLogs.capture(Map.of("org.apache.camel", Level.DEBUG, "dev.ossa", Level.TRACE))) {
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:unbatched").routeId("unbatched").to(ossaUri(""));
                    from("direct:batched").routeId("batched")
                            .to(ossaUri("&mode=batch&batchSize=2&flushInterval=60000&maximumRedeliveries=1"
                                        + "&redeliveryDelay=10"));
                }
            });
            Exchange failed = template.send("direct:unbatched", exchange -> exchange.getIn().setBody("x"));
            template.sendBody("direct:unbatched", "y");
            server.otherwiseAnswer(503, "still down");
            template.sendBody("direct:batched", "a");
            template.sendBody("direct:batched", "b");
            assertEquals(2 + 2, server.awaitRequests(4).size());
            context.getRouteController().stopRoute("batched");

            assertNotNull(failed.getException());
            for (Endpoint endpoint : context.getEndpoints()) {
                assertFalse(endpoint.toString().contains(SECRET), endpoint::toString);
            }
            assertFalse(failed.getException().toString().contains(SECRET));
            List<String> lines = logs.lines();
            assertTrue(lines.stream().anyMatch(line -> line.contains("collector down")),
                    "the unbatched failure is logged by the route's error handler");
            assertTrue(lines.stream().anyMatch(line -> line.contains("still down") && line.startsWith("ERROR")),
                    "the failed batch is logged at ERROR");
            boolean camelMasksTheirNames = camelMasks("Authorization", "X-Api-Key");
            for (String line : lines) {
                if (CAMEL_ENDPOINT_CREATION_LINES.stream().anyMatch(line::startsWith) && !camelMasksTheirNames) {
                    continue;
                }
                assertFalse(line.contains(SECRET), () -> "A log line holds the secret: " + line);
            }
        }
    }
}
