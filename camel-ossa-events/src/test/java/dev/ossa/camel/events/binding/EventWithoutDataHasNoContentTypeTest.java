package dev.ossa.camel.events.binding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.time.Duration;
import java.util.List;

import org.apache.camel.test.junit5.CamelTestSupport;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.KafkaMessageFactory;

import dev.ossa.camel.events.OssaEventsConstants;

/**
 * The default {@code datacontenttype} describes data: an event without data has none, unless the route set one in
 * the {@code CamelCloudEventDataContentType} header. Judged on the JSON a real HTTP server received and by the
 * CloudEvents Java SDK, and on a real Kafka broker's binary record.
 */
@ExtendWith(EmbeddedKafkaBroker.class)
class EventWithoutDataHasNoContentTypeTest extends CamelTestSupport {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final RecordingHttpServer server;

    EventWithoutDataHasNoContentTypeTest() throws IOException {
        server = RecordingHttpServer.start();
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    private String http() {
        return "ossa-events:dev.ossa.agent.started?source=/agents/planner&sink=RAW(" + server.url("/events") + ")";
    }

    @Test
    void structuredEventWithoutDataHasNoDataContentType() throws Exception {
        template.sendBody(http(), null);

        byte[] body = server.onlyRequest().body();
        JsonNode json = JSON.readTree(body);
        assertFalse(json.has("datacontenttype"), json.toString());
        assertFalse(json.has("data"), json.toString());
        CloudEvent event = SdkEventReader.readJson(body);
        assertNull(event.getDataContentType());
        assertNull(event.getData());
    }

    @Test
    void theDefaultStillAppliesToAnEventWithData() throws Exception {
        template.sendBody(http(), "{\"goal\":\"plan\"}");

        CloudEvent event = SdkEventReader.readJson(server.onlyRequest().body());
        assertEquals("application/json", event.getDataContentType());
    }

    @Test
    void aContentTypeTheRouteSetIsKeptWithoutData() throws Exception {
        template.sendBodyAndHeader(http(), null, OssaEventsConstants.DATA_CONTENT_TYPE, "text/plain");

        CloudEvent event = SdkEventReader.readJson(server.onlyRequest().body());
        assertEquals("text/plain", event.getDataContentType());
        assertNull(event.getData());
    }

    @Test
    void kafkaBinaryRecordWithoutDataHasNoContentTypeHeader() {
        String topic = EmbeddedKafkaBroker.newTopic("no-data", 1);
        template.sendBody("ossa-events:dev.ossa.agent.started?source=/agents/planner&mode=binary&sink=RAW(kafka:"
                          + topic + "?brokers=" + EmbeddedKafkaBroker.bootstrapServers() + ")", null);

        List<ConsumerRecord<byte[], byte[]>> records = EmbeddedKafkaBroker.read(topic, 1, Duration.ofSeconds(30));
        assertEquals(1, records.size());
        ConsumerRecord<byte[], byte[]> record = records.get(0);
        assertNull(record.headers().lastHeader("content-type"), "no data, no content type");
        assertEquals(0, record.value() == null ? 0 : record.value().length);
        CloudEvent event = KafkaMessageFactory.createReader(record).toEvent();
        assertEquals("dev.ossa.agent.started", event.getType());
        assertNull(event.getDataContentType());
    }
}
