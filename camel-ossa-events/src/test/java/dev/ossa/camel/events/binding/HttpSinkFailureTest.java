package dev.ossa.camel.events.binding;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ConnectException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.http.base.HttpOperationFailedException;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.cloudevents.CloudEvent;

import dev.ossa.camel.events.OssaEventsConstants;
import dev.ossa.camel.events.OssaEventsEndpoint;
import dev.ossa.camel.events.binding.RecordingHttpServer.RecordedRequest;

/**
 * What a real HTTP server's refusal does: unbatched, a status outside 2xx fails the caller's exchange with a
 * {@link SinkRejectedException} naming the status and the body returned; batched, it is a failed delivery that is
 * retried and then sent to the dead letter.
 */
class HttpSinkFailureTest extends CamelTestSupport {

    private final RecordingHttpServer server;
    private final RecordingHttpServer deadLetters;

    HttpSinkFailureTest() throws IOException {
        server = RecordingHttpServer.start();
        deadLetters = RecordingHttpServer.start();
    }

    @AfterEach
    void stopServers() {
        template.stop();
        context.stop();
        server.close();
        deadLetters.close();
    }

    private String ossaUri(String options) {
        return "ossa-events:dev.ossa.tool.failed?source=/agents/planner&sink=RAW(" + server.url("/events") + ")"
               + options;
    }

    private Exchange send(String uri, int n) {
        return template.send(uri, exchange -> exchange.getIn().setBody(Map.of("n", n)));
    }

    @Test
    void a500FailsTheUnbatchedExchangeWithTheStatusAndTheBodyInTheMessage() {
        server.otherwiseAnswer(500, "collector down: disk full");
        String uri = ossaUri("");

        Exchange sent = send(uri, 1);

        SinkRejectedException error = assertInstanceOf(SinkRejectedException.class, sent.getException());
        assertEquals(500, error.getStatus());
        assertEquals("collector down: disk full", error.getResponseBody());
        assertTrue(error.getMessage().contains("500"), error.getMessage());
        assertTrue(error.getMessage().contains("collector down: disk full"), error.getMessage());
        assertTrue(error.getMessage().contains(server.url("/events")), error.getMessage());
        assertEquals(1, server.requests().size());
        OssaEventsEndpoint endpoint = context.getEndpoint(uri, OssaEventsEndpoint.class);
        assertEquals(1, endpoint.getEventsFailed());
        assertEquals(0, endpoint.getEventsDelivered());
    }

    @ParameterizedTest
    @ValueSource(ints = { 301, 400, 401, 403, 404, 413, 429, 502, 503 })
    void everyStatusOutsideTwoHundredsFailsTheUnbatchedExchange(int status) {
        server.otherwiseAnswer(status, "refused");

        Exchange sent = send(ossaUri(""), 1);

        SinkRejectedException error = assertInstanceOf(SinkRejectedException.class, sent.getException());
        assertEquals(status, error.getStatus());
        assertTrue(error.getMessage().contains(String.valueOf(status)), error.getMessage());
    }

    @ParameterizedTest
    @ValueSource(ints = { 200, 201, 202, 204 })
    void everyTwoHundredsStatusIsADelivery(int status) {
        server.otherwiseAnswer(status, "");
        String uri = ossaUri("");

        Exchange sent = send(uri, 1);

        assertNull(sent.getException());
        assertEquals(1, context.getEndpoint(uri, OssaEventsEndpoint.class).getEventsDelivered());
    }

    @Test
    void aLongErrorBodyIsCutInTheMessage() {
        server.otherwiseAnswer(500, "x".repeat(10_000));

        Exchange sent = send(ossaUri(""), 1);

        SinkRejectedException error = assertInstanceOf(SinkRejectedException.class, sent.getException());
        assertTrue(error.getMessage().length() < 2_200, () -> "Message length " + error.getMessage().length());
    }

    @Test
    void theRoutesErrorHandlerRedeliversAnUnbatchedEventTheSinkRefused() throws Exception {
        server.thenAnswer(503, "busy").thenAnswer(503, "busy");
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                errorHandler(defaultErrorHandler().maximumRedeliveries(3).redeliveryDelay(10));
                from("direct:tool-failed").to(ossaUri(""));
            }
        });

        Exchange sent = template.send("direct:tool-failed", exchange -> exchange.getIn().setBody(Map.of("n", 1)));

        assertNull(sent.getException());
        List<RecordedRequest> requests = server.requests();
        assertEquals(3, requests.size());
        CloudEvent delivered = SdkEventReader.read(requests.get(2));
        assertEquals(sent.getMessage().getHeader(OssaEventsConstants.ID), delivered.getId());
        for (RecordedRequest request : requests) {
            assertArrayEquals(delivered.getData().toBytes(), SdkEventReader.read(request).getData().toBytes());
        }
    }

    @Test
    void aRedeliveryKeepsAnEventIdSetBeforeTheOssaEventsStep() throws Exception {
        server.thenAnswer(503, "busy").thenAnswer(503, "busy");
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                errorHandler(defaultErrorHandler().maximumRedeliveries(3).redeliveryDelay(10));
                from("direct:tool-failed")
                        .setHeader(OssaEventsConstants.ID, simple("${uuid(random)}"))
                        .to(ossaUri(""));
            }
        });

        Exchange sent = template.send("direct:tool-failed", exchange -> exchange.getIn().setBody(Map.of("n", 1)));

        String id = sent.getMessage().getHeader(OssaEventsConstants.ID, String.class);
        assertEquals(36, id.length(), id);
        List<String> ids = server.requests().stream().map(SdkEventReader::read).map(CloudEvent::getId).toList();
        assertEquals(List.of(id, id, id), ids);
    }

    @Test
    void aSinkUriThatAsksCamelHttpToThrowFailsWithCamelHttpsOwnException() {
        server.otherwiseAnswer(500, "collector down");

        Exchange sent = send("ossa-events:dev.ossa.tool.failed?source=/agents/planner&sink=RAW("
                             + server.url("/events") + "?throwExceptionOnFailure=true)", 1);

        HttpOperationFailedException error = assertInstanceOf(HttpOperationFailedException.class,
                sent.getException());
        assertEquals(500, error.getStatusCode());
        assertEquals("collector down", error.getResponseBody());
    }

    @Test
    void anUnreachableSinkFailsTheUnbatchedExchangeWithAnExceptionNamingTheSinkWithoutSecrets() {
        server.close();
        String sink = server.url("/events");

        Exchange sent = send("ossa-events:dev.ossa.tool.failed?source=/agents/planner&sink=RAW(" + sink
                             + "?authMethod=Basic&authUsername=planner&authPassword=s3cr3t&connectTimeout=2000)", 1);

        SinkDeliveryException error = assertInstanceOf(SinkDeliveryException.class, sent.getException());
        assertTrue(error.getMessage().startsWith("HTTP sink " + sink + "?"), error.getMessage());
        assertTrue(error.getMessage().contains("Connection refused"), error.getMessage());
        assertTrue(error.getMessage().contains("Check that the collector runs and listens at that address"),
                error.getMessage());
        assertFalse(error.getMessage().contains("s3cr3t"), error.getMessage());
        assertTrue(hasCause(error, ConnectException.class), error::toString);
    }

    @Test
    void aBatchRefusedTwiceIsRetriedThenDeliveredWhole() throws Exception {
        server.thenAnswer(503, "busy").thenAnswer(500, "oops");
        String uri = ossaUri("&mode=batch&batchSize=2&flushInterval=60000&maximumRedeliveries=3&redeliveryDelay=10");

        List<String> ids = new ArrayList<>();
        for (int n = 0; n < 2; n++) {
            Exchange sent = send(uri, n);
            assertNull(sent.getException(), "a batched exchange completes when its event is accepted");
            ids.add(sent.getMessage().getHeader(OssaEventsConstants.ID, String.class));
        }

        List<RecordedRequest> requests = server.awaitRequests(3);
        assertEquals(3, requests.size());
        for (RecordedRequest request : requests) {
            assertArrayEquals(requests.get(0).body(), request.body(), "every attempt sends the same batch");
        }
        assertEquals(ids, SdkEventReader.readBatch(requests.get(2).body()).stream().map(CloudEvent::getId).toList());
        OssaEventsEndpoint endpoint = context.getEndpoint(uri, OssaEventsEndpoint.class);
        awaitCount(endpoint::getEventsDelivered, 2);
        assertEquals(0, endpoint.getEventsFailed());
        assertEquals(List.of(), deadLetters.requests());
    }

    @Test
    void aBatchAlwaysRefusedIsTriedOnePlusMaximumRedeliveriesTimesThenDeadLettered() throws Exception {
        server.otherwiseAnswer(500, "collector down");
        String uri = ossaUri("&mode=batch&batchSize=2&flushInterval=60000&maximumRedeliveries=2&redeliveryDelay=10"
                             + "&deadLetterUri=RAW(" + deadLetters.url("/dead") + ")");

        List<String> ids = new ArrayList<>();
        for (int n = 0; n < 2; n++) {
            ids.add(send(uri, n).getMessage().getHeader(OssaEventsConstants.ID, String.class));
        }

        RecordedRequest dead = deadLetters.awaitRequests(1).get(0);
        assertEquals(3, server.requests().size(), "1 attempt + maximumRedeliveries=2");
        assertEquals("POST", dead.method());
        assertEquals("/dead", dead.path());
        assertEquals("application/cloudevents-batch+json; charset=utf-8", dead.header("Content-Type"));
        assertEquals(ids, SdkEventReader.readBatch(dead.body()).stream().map(CloudEvent::getId).toList());
        OssaEventsEndpoint endpoint = context.getEndpoint(uri, OssaEventsEndpoint.class);
        awaitCount(endpoint::getEventsDeadLettered, 2);
        assertEquals(2, endpoint.getEventsFailed());
        assertEquals(0, endpoint.getEventsDelivered());
    }

    private static boolean hasCause(Throwable error, Class<? extends Throwable> type) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    /** Waits (up to 20 s) for a counter that is updated after the request was answered. */
    private static void awaitCount(java.util.function.LongSupplier counter, long expected)
            throws InterruptedException {
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (counter.getAsLong() != expected && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertEquals(expected, counter.getAsLong());
    }
}
