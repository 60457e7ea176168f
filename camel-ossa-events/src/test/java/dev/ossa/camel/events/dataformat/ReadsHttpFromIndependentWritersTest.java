package dev.ossa.camel.events.dataformat;

import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.http.HttpMessageFactory;
import io.cloudevents.jackson.JsonFormat;
import org.apache.camel.Exchange;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.Test;

import dev.ossa.camel.events.event.OssaCloudEvent;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * HTTP messages written by the CloudEvents Java SDK ({@code HttpMessageFactory}, binary and structured) and the
 * CloudEvents JavaScript SDK ({@code HTTP.binary}, {@code HTTP.structured} through its emitter), POSTed to a real
 * Camel HTTP consumer and read with the {@code ossa-events} data format.
 */
class ReadsHttpFromIndependentWritersTest extends ReceivingRoutes {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static CloudEvent sdkEvent() {
        return CloudEventBuilder.v1().withId("sdk-1").withSource(URI.create("/agents/planner"))
                .withType("dev.ossa.tool.called").withSubject("search the web")
                .withTime(OffsetDateTime.parse("2026-03-01T10:15:30.5+01:00"))
                .withDataSchema(URI.create("https://schemas.ossa.dev/tool-called.json"))
                .withExtension("ossaagentid", "planner").withExtension("ossatraceid", "4bf92f3577b34da6a3ce929d0e0e4736")
                .withExtension("attempt", 2).withExtension("retry", true)
                .withData("application/json", "{\"tool\":\"search\",\"hits\":3}".getBytes(StandardCharsets.UTF_8))
                .build();
    }

    @Test
    void javaSdkBinaryRequestIsReadWithEveryAttributeAndTheData() throws Exception {
        Map<String, String> headers = new LinkedHashMap<>();
        byte[][] body = new byte[1][];
        HttpMessageFactory.createWriter(headers::put, bytes -> body[0] = bytes).writeBinary(sdkEvent());

        OssaCloudEvent event = receive(headers, body[0]);

        assertSdkEvent(event, false);
        Exchange exchange = getMockEndpoint("mock:events").getExchanges().get(0);
        assertEquals("sdk-1", exchange.getMessage().getHeader("CamelCloudEventID"));
        assertEquals("dev.ossa.tool.called", exchange.getMessage().getHeader("CamelCloudEventType"));
        assertEquals("planner", exchange.getMessage().getHeader("CamelOssaAgentId"));
        assertEquals("4bf92f3577b34da6a3ce929d0e0e4736", exchange.getMessage().getHeader("CamelOssaTraceId"));
        assertNull(exchange.getMessage().getHeader("ce-id"), "the ce- headers are read into the event");
    }

    @Test
    void javaSdkStructuredRequestIsReadWithEveryAttributeAndTheData() throws Exception {
        Map<String, String> headers = new LinkedHashMap<>();
        byte[][] body = new byte[1][];
        HttpMessageFactory.createWriter(headers::put, bytes -> body[0] = bytes)
                .writeStructured(sdkEvent(), new JsonFormat());

        assertSdkEvent(receive(headers, body[0]), true);
    }

    @Test
    void batchOfEventsEachWrittenByTheJavaSdkJsonFormatIsReadInOrder() throws Exception {
        JsonFormat format = new JsonFormat();
        String batch = "[" + new String(format.serialize(sdkEvent()), StandardCharsets.UTF_8) + ","
                + new String(format.serialize(CloudEventBuilder.v1(sdkEvent()).withId("sdk-2").build()),
                        StandardCharsets.UTF_8) + "]";
        MockEndpoint events = getMockEndpoint("mock:events");
        events.expectedMessageCount(1);

        HttpResponse<String> answer = post(Map.of("Content-Type", "application/cloudevents-batch+json; charset=UTF-8"),
                batch.getBytes(StandardCharsets.UTF_8));

        assertEquals(200, answer.statusCode(), answer.body());
        assertEquals("received", answer.body());
        events.assertIsSatisfied();
        List<?> body = events.getExchanges().get(0).getMessage().getBody(List.class);
        assertEquals(2, body.size());
        assertSdkEvent((OssaCloudEvent) body.get(0), true);
        assertEquals("sdk-2", ((OssaCloudEvent) body.get(1)).getId());
    }

    @Test
    void javaScriptSdkBinaryAndStructuredRequestsAreRead() throws Exception {
        String events = """
                [{"specversion":"1.0","id":"js-1","source":"urn:ossa:agents:js","type":"dev.ossa.agent.started",
                  "time":"2026-03-01T10:15:30.123Z","subject":"plan","datacontenttype":"application/json",
                  "data":{"goal":"plan a trip","steps":[1,2]},"ossaagentid":"js-agent","ossainteractionid":"run-9"},
                 {"specversion":"1.0","id":"js-2","source":"/agents/js","type":"dev.ossa.tool.completed",
                  "time":"2026-03-01T10:15:31Z","datacontenttype":"text/plain","data":"done, 3 results"},
                 {"specversion":"1.0","id":"js-3","source":"/agents/js","type":"dev.ossa.state.updated",
                  "time":"2026-03-01T10:15:32Z","datacontenttype":"application/octet-stream","data_base64":"AAEC/w=="}]
                """;
        for (String kind : List.of("http-binary", "http-structured")) {
            MockEndpoint mock = getMockEndpoint("mock:events");
            mock.reset();
            mock.expectedMessageCount(3);

            assertEquals(List.of("received", "received", "received"), JavaScriptSdk.write(kind, eventsUrl(), events), kind);

            mock.assertIsSatisfied();
            OssaCloudEvent first = mock.getExchanges().get(0).getMessage().getBody(OssaCloudEvent.class);
            assertEquals("js-1", first.getId(), kind);
            assertEquals("urn:ossa:agents:js", first.getSource());
            assertEquals("dev.ossa.agent.started", first.getType());
            assertEquals("2026-03-01T10:15:30.123Z", first.getTime());
            assertEquals("plan", first.getSubject());
            assertEquals("js-agent", first.getExtension("ossaagentid"));
            assertEquals("run-9", first.getExtension("ossainteractionid"));
            assertEquals(JSON.readTree("{\"goal\":\"plan a trip\",\"steps\":[1,2]}"), first.getDataJson(), kind);

            OssaCloudEvent second = mock.getExchanges().get(1).getMessage().getBody(OssaCloudEvent.class);
            assertEquals("text/plain", second.getDataContentType());
            assertEquals("done, 3 results", second.getDataText(), kind);

            OssaCloudEvent third = mock.getExchanges().get(2).getMessage().getBody(OssaCloudEvent.class);
            assertArrayEquals(new byte[] { 0, 1, 2, (byte) 0xFF }, third.getDataBytes(), kind);
        }
    }

    private OssaCloudEvent receive(Map<String, String> headers, byte[] body) throws Exception {
        MockEndpoint events = getMockEndpoint("mock:events");
        events.reset();
        events.expectedMessageCount(1);
        HttpResponse<String> answer = post(headers, body);
        assertEquals(200, answer.statusCode(), answer.body());
        assertEquals("received", answer.body());
        events.assertIsSatisfied();
        return events.getExchanges().get(0).getMessage().getBody(OssaCloudEvent.class);
    }

    static void assertSdkEvent(OssaCloudEvent event, boolean structured) throws Exception {
        assertEquals("sdk-1", event.getId());
        assertEquals("/agents/planner", event.getSource());
        assertEquals("dev.ossa.tool.called", event.getType());
        assertEquals("search the web", event.getSubject());
        assertEquals("2026-03-01T10:15:30.5+01:00", event.getTime());
        assertEquals("https://schemas.ossa.dev/tool-called.json", event.getDataSchema());
        assertEquals("application/json", event.getDataContentType());
        assertEquals("planner", event.getExtension("ossaagentid"));
        assertEquals("4bf92f3577b34da6a3ce929d0e0e4736", event.getExtension("ossatraceid"));
        // a header carries text only; the JSON format keeps the types
        assertEquals(structured ? 2 : "2", event.getExtension("attempt"));
        assertEquals(structured ? true : "true", event.getExtension("retry"));
        assertEquals(JSON.readTree("{\"tool\":\"search\",\"hits\":3}"), event.getDataJson());
        record Tool(String tool, int hits) {
        }
        assertEquals(new Tool("search", 3), event.getDataAs(Tool.class));
    }
}
