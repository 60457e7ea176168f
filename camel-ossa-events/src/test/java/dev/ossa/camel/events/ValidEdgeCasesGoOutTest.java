package dev.ossa.camel.events;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.Test;

import io.cloudevents.CloudEvent;

import static dev.ossa.camel.events.CloudEventsJudge.JACKSON;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The spec's valid edge cases and the body kinds a route carries (stream-cached input streams included) go out
 * through a route, as the CloudEvents SDK reads them.
 */
class ValidEdgeCasesGoOutTest extends CamelTestSupport {

    private final RecordingSink sink = new RecordingSink("sink");

    @Override
    protected RoutesBuilder[] createRouteBuilders() {
        return new RoutesBuilder[] { sink, new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:emit").to("ossa-events:" + OssaEventType.TURN_COMPLETED + "?source=/a/b&sink="
                                       + sink.uri());
            }
        } };
    }

    private RecordingSink.Received emit(Object body, Map<String, Object> headers) throws Exception {
        int before = sink.received().size();
        template.sendBodyAndHeaders("direct:emit", body, headers);
        return sink.await(before + 1).get(before);
    }

    @Test
    void edgeCaseAttributesArriveAsSent() throws Exception {
        String name = "abcdefghijklmnopqrstu";
        CloudEvent event = CloudEventsJudge.event(emit("x", Map.of(
                OssaEventsConstants.SOURCE, "urn:ossa:agent:planner",
                OssaEventsConstants.TIME, "2018-04-05T17:31:00.123456-08:00",
                OssaEventsConstants.SUBJECT, "Überprüfung 天気 😀",
                OssaEventsConstants.AGENT_ID, "agent-ñ",
                OssaEventsConstants.EXTENSIONS, Map.of(name, "long name"))).body());
        assertEquals("urn:ossa:agent:planner", event.getSource().toString());
        assertEquals(OffsetDateTime.parse("2018-04-05T17:31:00.123456-08:00"), event.getTime());
        assertEquals("Überprüfung 天気 😀", event.getSubject());
        assertEquals("agent-ñ", event.getExtension("ossaagentid"));
        assertEquals("long name", event.getExtension(name));
        assertEquals("/a/b", CloudEventsJudge.event(emit("x", Map.of()).body()).getSource().toString());
    }

    @Test
    void vendorJsonContentTypeEmbedsJsonText() throws Exception {
        JsonNode event = CloudEventsJudge.tree(emit("{\"answer\":42}", Map.of(OssaEventsConstants.DATA_CONTENT_TYPE,
                "application/vnd.x+json; charset=utf-8")).body());
        assertEquals(JACKSON.readTree("{\"answer\":42}"), event.get("data"));
    }

    @Test
    void streamCachedInputStreamIsDataBase64OrEmbeddedJson() throws Exception {
        assertTrue(context.isStreamCaching(), "routes cache streams by default");
        byte[] bytes = { 1, 2, 3, (byte) 0xFF };
        RecordingSink.Received binary = emit(new ByteArrayInputStream(bytes),
                Map.of(OssaEventsConstants.DATA_CONTENT_TYPE, "application/octet-stream"));
        assertFalse(CloudEventsJudge.tree(binary.body()).has("data"));
        assertArrayEquals(bytes, CloudEventsJudge.event(binary.body()).getData().toBytes());

        RecordingSink.Received json = emit(new ByteArrayInputStream("[1,2]".getBytes(StandardCharsets.UTF_8)),
                Map.of());
        assertEquals(JACKSON.readTree("[1,2]"), CloudEventsJudge.data(CloudEventsJudge.event(json.body())));
    }

    @Test
    void textBodyWithTextContentType() throws Exception {
        RecordingSink.Received received = emit("plain words € 1",
                Map.of(OssaEventsConstants.DATA_CONTENT_TYPE, "text/plain; charset=utf-8"));
        assertEquals("plain words € 1", CloudEventsJudge.tree(received.body()).get("data").textValue());
        CloudEvent event = CloudEventsJudge.event(received.body());
        assertEquals("text/plain; charset=utf-8", event.getDataContentType());
    }
}
