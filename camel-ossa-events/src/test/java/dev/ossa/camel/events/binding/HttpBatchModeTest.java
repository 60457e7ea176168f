package dev.ossa.camel.events.binding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.cloudevents.CloudEvent;

import dev.ossa.camel.events.OssaEventsConstants;
import dev.ossa.camel.events.binding.RecordingHttpServer.RecordedRequest;

/**
 * {@code mode=batch} to a real HTTP server: one POST per batch, a JSON array with the batch content type, each element
 * read back with the CloudEvents SDK's JSON format.
 */
class HttpBatchModeTest extends CamelTestSupport {

    private static final String BATCH_CONTENT_TYPE = "application/cloudevents-batch+json; charset=utf-8";

    private final RecordingHttpServer server;

    HttpBatchModeTest() throws IOException {
        server = RecordingHttpServer.start();
    }

    @AfterEach
    void stopServer() {
        template.stop();
        context.stop();
        server.close();
    }

    private String ossaUri(String options) {
        return "ossa-events:dev.ossa.turn.completed?source=/agents/planner&sink=RAW(" + server.url("/batches") + ")"
               + options;
    }

    private List<String> sendEvents(String uri, int count) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int n = i;
            Exchange sent = template.send(uri, exchange -> {
                exchange.getIn().setHeader(OssaEventsConstants.SUBJECT, "turn " + n + " €");
                exchange.getIn().setBody(Map.of("turn", n, "text", "réponse 😀"));
            });
            assertNull(sent.getException());
            ids.add(sent.getMessage().getHeader(OssaEventsConstants.ID, String.class));
        }
        return ids;
    }

    private static List<String> ids(List<CloudEvent> events) {
        return events.stream().map(CloudEvent::getId).toList();
    }

    @Test
    void postsOneJsonArrayPerFullBatchInOrder() throws Exception {
        List<String> sent = sendEvents(ossaUri("&mode=batch&batchSize=3&flushInterval=60000"), 6);

        List<RecordedRequest> requests = server.awaitRequests(2);
        assertEquals(2, requests.size());
        List<String> received = new ArrayList<>();
        for (RecordedRequest request : requests) {
            assertEquals("POST", request.method());
            assertEquals("/batches", request.path());
            assertEquals(BATCH_CONTENT_TYPE, request.header("Content-Type"));
            List<CloudEvent> events = SdkEventReader.readBatch(request.body());
            assertEquals(3, events.size());
            for (CloudEvent event : events) {
                assertEquals("dev.ossa.turn.completed", event.getType());
                assertEquals("application/json", event.getDataContentType());
                assertEquals(true, new String(event.getData().toBytes(), StandardCharsets.UTF_8).contains("réponse 😀"));
            }
            received.addAll(ids(events));
        }
        assertEquals(sent, received);
        assertEquals("turn 0 €", SdkEventReader.readBatch(requests.get(0).body()).get(0).getSubject());
    }

    @Test
    void postsAPartialBatchOnceItsFlushIntervalHasPassed() throws Exception {
        List<String> sent = sendEvents(ossaUri("&mode=batch&batchSize=100&flushInterval=200"), 2);

        RecordedRequest request = server.awaitRequests(1).get(0);
        assertEquals(BATCH_CONTENT_TYPE, request.header("Content-Type"));
        assertEquals(sent, ids(SdkEventReader.readBatch(request.body())));
    }

    @Test
    void postsThePendingBatchOfARouteWhenTheContextStops() throws Exception {
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:turns").to(ossaUri("&mode=batch&batchSize=100&flushInterval=60000"));
            }
        });
        List<String> sent = sendEvents("direct:turns", 2);
        assertEquals(List.of(), server.requests());

        context.stop();

        RecordedRequest request = server.onlyRequest();
        assertEquals(BATCH_CONTENT_TYPE, request.header("Content-Type"));
        assertEquals(sent, ids(SdkEventReader.readBatch(request.body())));
    }

    @Test
    void postsAnArrayOfOneInBatchModeWhenBatchSizeIsOne() throws Exception {
        List<String> sent = sendEvents(ossaUri("&mode=batch"), 2);

        List<RecordedRequest> requests = server.requests();
        assertEquals(2, requests.size());
        for (int i = 0; i < 2; i++) {
            assertEquals(BATCH_CONTENT_TYPE, requests.get(i).header("Content-Type"));
            assertEquals(List.of(sent.get(i)), ids(SdkEventReader.readBatch(requests.get(i).body())));
        }
    }

    @Test
    void postsEachEventOfABatchAloneInBinaryMode() throws Exception {
        List<String> sent = sendEvents(ossaUri("&mode=binary&batchSize=3&flushInterval=60000"), 3);

        List<RecordedRequest> requests = server.awaitRequests(3);
        assertEquals(sent, requests.stream().map(SdkEventReader::readDecoded).map(CloudEvent::getId).toList());
        assertEquals("turn%200%20%E2%82%AC", requests.get(0).header("ce-subject"));
        assertEquals("application/json", requests.get(0).header("Content-Type"));
    }

    @Test
    void postsEachEventOfABatchAloneInStructuredMode() throws Exception {
        List<String> sent = sendEvents(ossaUri("&mode=structured&batchSize=3&flushInterval=60000"), 3);

        List<RecordedRequest> requests = server.awaitRequests(3);
        assertEquals(sent, requests.stream().map(SdkEventReader::read).map(CloudEvent::getId).toList());
        assertEquals("application/cloudevents+json; charset=utf-8", requests.get(2).header("Content-Type"));
    }
}
