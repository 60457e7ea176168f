package dev.ossa.camel.events.dataformat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.jackson.JsonFormat;
import io.cloudevents.kafka.KafkaMessageFactory;
import org.apache.camel.Message;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.ossa.camel.events.binding.EmbeddedKafkaBroker;
import dev.ossa.camel.events.event.OssaCloudEvent;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * Kafka records written by the CloudEvents Java SDK ({@code KafkaMessageFactory}, binary and structured) and the
 * CloudEvents JavaScript SDK ({@code Kafka.binary}, {@code Kafka.structured}), sent to a real broker and read by a
 * camel-kafka route with the {@code ossa-events} data format.
 */
@ExtendWith(EmbeddedKafkaBroker.class)
class ReadsKafkaFromIndependentWritersTest extends CamelTestSupport {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static CloudEvent sdkEvent() {
        return CloudEventBuilder.v1().withId("sdk-k1").withSource(URI.create("/agents/planner"))
                .withType("dev.ossa.tool.failed").withSubject("Büro € 😀 100%")
                .withTime(OffsetDateTime.parse("2026-03-01T10:15:30Z"))
                .withExtension("ossaagentid", "planner").withExtension("partitionkey", "planner")
                .withData("application/json", "{\"error\":\"timeout\"}".getBytes(StandardCharsets.UTF_8))
                .build();
    }

    @Test
    void javaSdkBinaryRecordIsReadAndKeepsItsKey() throws Exception {
        ProducerRecord<?, byte[]> written = KafkaMessageFactory.createWriter("t").writeBinary(sdkEvent());
        Message message = receive("sdk-binary", written, "planner");

        assertSdkEvent(message.getBody(OssaCloudEvent.class));
        assertEquals("planner", message.getHeader("CamelKafkaKey", String.class),
                "the record key stays on the message");
        assertEquals("dev.ossa.tool.failed", message.getHeader("CamelCloudEventType"));
        assertNull(message.getHeader("ce_id"), "the ce_ headers are read into the event");
    }

    @Test
    void javaSdkStructuredRecordIsRead() throws Exception {
        ProducerRecord<?, byte[]> written = KafkaMessageFactory.createWriter("t")
                .writeStructured(sdkEvent(), JsonFormat.CONTENT_TYPE);
        assertSdkEvent(receive("sdk-structured", written, null).getBody(OssaCloudEvent.class));
    }

    @Test
    void javaScriptSdkBinaryAndStructuredRecordsAreRead() throws Exception {
        String events = """
                [{"specversion":"1.0","id":"js-k1","source":"/agents/js","type":"dev.ossa.turn.completed",
                  "time":"2026-03-01T10:15:30.123Z","subject":"Büro € 😀 100%","datacontenttype":"application/json",
                  "data":{"answer":"42"},"ossaagentid":"js-agent","partitionkey":"js-agent"}]
                """;
        for (String kind : List.of("kafka-binary", "kafka-structured")) {
            JsonNode line = JSON.readTree(JavaScriptSdk.write(kind, null, events).get(0));
            ProducerRecord<byte[], byte[]> record = new ProducerRecord<>("t",
                    line.get("key").isNull() ? null : line.get("key").asText().getBytes(StandardCharsets.UTF_8),
                    Base64.getDecoder().decode(line.get("value_base64").asText()));
            line.get("headers").fields().forEachRemaining(
                    header -> record.headers().add(header.getKey(), header.getValue().asText().getBytes(StandardCharsets.UTF_8)));

            OssaCloudEvent event = receive("js-" + kind, record, null).getBody(OssaCloudEvent.class);

            assertEquals("js-k1", event.getId(), kind);
            assertEquals("/agents/js", event.getSource());
            assertEquals("dev.ossa.turn.completed", event.getType());
            assertEquals("2026-03-01T10:15:30.123Z", event.getTime());
            assertEquals("Büro € 😀 100%", event.getSubject(), kind);
            assertEquals("application/json", event.getDataContentType());
            assertEquals("js-agent", event.getExtension("ossaagentid"));
            assertEquals(JSON.readTree("{\"answer\":\"42\"}"), event.getDataJson(), kind);
        }
    }

    /** Sends the written record (its headers and value, with {@code key}) to a new topic and reads it back. */
    private Message receive(String name, ProducerRecord<?, byte[]> written, String key) throws Exception {
        String topic = EmbeddedKafkaBroker.newTopic(name, 1);
        ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(topic, null,
                key != null ? key.getBytes(StandardCharsets.UTF_8)
                        : written.key() instanceof byte[] bytes ? bytes : null,
                written.value(), written.headers());
        MockEndpoint mock = getMockEndpoint("mock:" + name);
        mock.expectedMessageCount(1);
        KafkaTopics.readInto(context, topic, "mock:" + name);
        KafkaTopics.send(record);
        mock.setResultWaitTime(60_000);
        mock.assertIsSatisfied();
        return mock.getExchanges().get(0).getMessage();
    }

    private static void assertSdkEvent(OssaCloudEvent event) throws Exception {
        assertEquals("sdk-k1", event.getId());
        assertEquals("/agents/planner", event.getSource());
        assertEquals("dev.ossa.tool.failed", event.getType());
        assertEquals("Büro € 😀 100%", event.getSubject(), "ce_ values are UTF-8, not percent-encoded");
        assertEquals("2026-03-01T10:15:30Z", event.getTime());
        assertEquals("application/json", event.getDataContentType());
        assertEquals("planner", event.getExtension("ossaagentid"));
        assertEquals("planner", event.getExtension("partitionkey"));
        assertArrayEquals("{\"error\":\"timeout\"}".getBytes(StandardCharsets.UTF_8), event.getDataBytes());
    }
}
