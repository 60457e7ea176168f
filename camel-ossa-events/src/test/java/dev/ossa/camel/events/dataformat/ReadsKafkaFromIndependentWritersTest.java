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
        String keyHeader = message.getHeader("CamelKafkaKey") != null ? "CamelKafkaKey" : "kafka.KEY"; // 4.19+, 4.18
        assertEquals("planner", message.getHeader(keyHeader, String.class), "the record key stays on the message");
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

    @Test
    void recordsThatAreNotValidEventsFailTheirOwnExchangeAndTheRouteReadsOn() throws Exception {
        String topic = EmbeddedKafkaBroker.newTopic("kafka-invalid", 1);
        MockEndpoint invalid = getMockEndpoint("mock:kafka-invalid");
        invalid.expectedMessageCount(3);
        MockEndpoint valid = getMockEndpoint("mock:kafka-valid");
        valid.expectedMessageCount(1);
        context.addRoutes(new org.apache.camel.builder.RouteBuilder() {
            @Override
            public void configure() {
                from(KafkaRecords.consumer(topic))
                        .onException(dev.ossa.camel.events.event.InvalidCloudEventException.class).handled(true)
                            .setBody(simple("${exception.message}")).to("mock:kafka-invalid").end()
                        .unmarshal().custom("ossa-events").to("mock:kafka-valid");
            }
        });
        ProducerRecord<?, byte[]> good = KafkaMessageFactory.createWriter(topic).writeBinary(sdkEvent());

        KafkaRecords.send(withHeader(good, topic, "ce_subject", new byte[] { (byte) 0xC3, 0x28 }));
        KafkaRecords.send(withHeader(good, topic, "ce_specversion", "0.3".getBytes(StandardCharsets.UTF_8)));
        KafkaRecords.send(withHeader(good, topic, "content-type",
                "application/cloudevents-batch+json".getBytes(StandardCharsets.UTF_8)));
        KafkaRecords.send(withHeader(good, topic, "ce_subject", "fine".getBytes(StandardCharsets.UTF_8)));

        invalid.setResultWaitTime(60_000);
        invalid.assertIsSatisfied();
        valid.setResultWaitTime(60_000);
        valid.assertIsSatisfied();
        assertEquals(List.of("Malformed CloudEvent message, ce_subject: is not UTF-8",
                "Invalid CloudEvent attribute 'specversion': '0.3' is not supported: only CloudEvents 1.0 is read",
                "Malformed CloudEvent message, content-type: 'application/cloudevents-batch+json' has no Kafka"
                        + " binding: the CloudEvents Kafka binding carries one event per record"),
                invalid.getExchanges().stream().map(e -> e.getMessage().getBody(String.class)).toList());
        assertEquals("fine", valid.getExchanges().get(0).getMessage().getBody(OssaCloudEvent.class).getSubject());
    }

    private static ProducerRecord<byte[], byte[]> withHeader(ProducerRecord<?, byte[]> written, String topic,
                                                             String name, byte[] value) {
        ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(topic, null, null, written.value());
        written.headers().forEach(header -> {
            if (!header.key().equals(name)) {
                record.headers().add(header);
            }
        });
        record.headers().add(name, value);
        return record;
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
        KafkaRecords.readInto(context, topic, "mock:" + name);
        KafkaRecords.send(record);
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
