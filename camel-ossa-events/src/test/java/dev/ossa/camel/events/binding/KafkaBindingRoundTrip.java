package dev.ossa.camel.events.binding;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cloudevents.CloudEvent;
import io.cloudevents.SpecVersion;
import io.cloudevents.kafka.KafkaMessageFactory;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * Events sent to a real Kafka broker, read back with a plain consumer and judged by the CloudEvents Java SDK's Kafka
 * binding: structured and binary records, header encoding, extension types. Each subclass gives the broker: in the
 * test JVM ({@link KafkaBindingRoundTripTest}) or in a container ({@link KafkaBindingRoundTripContainerTest}).
 */
abstract class KafkaBindingRoundTrip extends CamelTestSupport {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void structuredRecordIsTheJsonEventWithTheCloudEventsContentType() throws Exception {
        String topic = newTopic("structured", 1);
        template.sendBodyAndHeaders(endpoint(topic, "structured"), Map.of("tool", "search", "hits", 3),
                Map.of("CamelCloudEventID", "evt-1", "CamelCloudEventSubject", "search",
                        "CamelOssaAgentId", "planner", "CamelOssaTraceId", "4bf92f3577b34da6a3ce929d0e0e4736"));

        ConsumerRecord<byte[], byte[]> record = single(topic);
        assertEquals("application/cloudevents+json; charset=utf-8", header(record, "content-type"));
        assertNull(record.headers().lastHeader("ce_id"), "a structured record carries no ce_ headers");

        CloudEvent event = KafkaMessageFactory.createReader(record).toEvent();
        assertEquals(SpecVersion.V1, event.getSpecVersion());
        assertEquals("evt-1", event.getId());
        assertEquals(URI.create("/agents/planner"), event.getSource());
        assertEquals("dev.ossa.tool.called", event.getType());
        assertEquals("search", event.getSubject());
        assertEquals("application/json", event.getDataContentType());
        assertEquals("planner", event.getExtension("ossaagentid"));
        assertEquals("4bf92f3577b34da6a3ce929d0e0e4736", event.getExtension("ossatraceid"));
        assertEquals(json.readTree("{\"tool\":\"search\",\"hits\":3}"), json.readTree(event.getData().toBytes()));
    }

    @Test
    void binaryRecordCarriesTheDataAsValueAndEveryOtherAttributeInCeHeaders() throws Exception {
        String topic = newTopic("binary", 1);
        template.sendBodyAndHeaders(endpoint(topic, "binary"), "{\"tool\":\"search\"}",
                Map.of("CamelCloudEventID", "evt-2", "CamelCloudEventTime", "2026-03-01T10:15:30.5+01:00",
                        "CamelCloudEventSchemaURL", "https://schemas.ossa.dev/tool-called.json",
                        "CamelOssaAgentId", "planner", "CamelOssaInteractionId", "run-7"));

        ConsumerRecord<byte[], byte[]> record = single(topic);
        assertArrayEquals("{\"tool\":\"search\"}".getBytes(StandardCharsets.UTF_8), record.value());
        assertEquals("application/json", header(record, "content-type"));
        assertNull(record.headers().lastHeader("ce_datacontenttype"), "datacontenttype travels as content-type");
        assertEquals(Map.of("ce_specversion", "1.0", "ce_id", "evt-2", "ce_source", "/agents/planner",
                "ce_type", "dev.ossa.tool.called", "ce_time", "2026-03-01T10:15:30.5+01:00",
                "ce_dataschema", "https://schemas.ossa.dev/tool-called.json", "ce_ossaagentid", "planner",
                "ce_ossainteractionid", "run-7", "content-type", "application/json"), headers(record));

        CloudEvent event = KafkaMessageFactory.createReader(record).toEvent();
        assertEquals("evt-2", event.getId());
        assertEquals("dev.ossa.tool.called", event.getType());
        assertEquals(URI.create("https://schemas.ossa.dev/tool-called.json"), event.getDataSchema());
        assertEquals("2026-03-01T09:15:30.500Z", event.getTime().toInstant().toString());
        assertEquals("application/json", event.getDataContentType());
        assertEquals("run-7", event.getExtension("ossainteractionid"));
        assertArrayEquals("{\"tool\":\"search\"}".getBytes(StandardCharsets.UTF_8), event.getData().toBytes());
    }

    @Test
    void binaryRecordTakesItsContentTypeFromDataContentType() throws Exception {
        String topic = newTopic("binary-text", 1);
        template.sendBody(endpoint(topic, "binary") + "&dataContentType=RAW(text/plain; charset=utf-8)",
                "Grüße, plan ready");

        ConsumerRecord<byte[], byte[]> record = single(topic);
        assertEquals("text/plain; charset=utf-8", header(record, "content-type"));
        assertArrayEquals("Grüße, plan ready".getBytes(StandardCharsets.UTF_8), record.value());
        CloudEvent event = KafkaMessageFactory.createReader(record).toEvent();
        assertEquals("text/plain; charset=utf-8", event.getDataContentType());
        assertEquals("Grüße, plan ready", new String(event.getData().toBytes(), StandardCharsets.UTF_8));
    }

    @Test
    void binaryRecordOfAnEventWithoutDataHasAnEmptyValueAndNoContentType() throws Exception {
        String topic = newTopic("binary-no-data", 1);
        template.sendBodyAndHeader(endpoint(topic, "binary"), null, "CamelCloudEventID", "evt-empty");

        ConsumerRecord<byte[], byte[]> record = single(topic);
        assertArrayEquals(new byte[0], record.value());
        assertNull(record.headers().lastHeader("content-type"), "no data, no content type");
        CloudEvent event = KafkaMessageFactory.createReader(record).toEvent();
        assertEquals("evt-empty", event.getId());
        assertNull(event.getData());
    }

    @Test
    void nonAsciiSubjectArrivesAsRawUtf8BytesWithoutPercentEncoding() throws Exception {
        String topic = newTopic("subject", 1);
        String subject = "Büro € 😀 \"planner\" 100%";
        template.sendBodyAndHeader(endpoint(topic, "binary"), Map.of("ok", true), "CamelCloudEventSubject", subject);

        ConsumerRecord<byte[], byte[]> record = single(topic);
        assertArrayEquals(subject.getBytes(StandardCharsets.UTF_8),
                record.headers().lastHeader("ce_subject").value());
        assertEquals(subject, KafkaMessageFactory.createReader(record).toEvent().getSubject());
    }

    @Test
    void nonAsciiSubjectSurvivesInAStructuredRecord() throws Exception {
        String topic = newTopic("subject-structured", 1);
        String subject = "Büro € 😀";
        template.sendBodyAndHeader(endpoint(topic, "structured"), null, "CamelCloudEventSubject", subject);

        ConsumerRecord<byte[], byte[]> record = single(topic);
        assertEquals(subject, json.readTree(record.value()).get("subject").asText());
        CloudEvent event = KafkaMessageFactory.createReader(record).toEvent();
        assertEquals(subject, event.getSubject());
        assertNull(event.getData());
    }

    @Test
    void integerAndBooleanExtensionsAreTextInBinaryHeaders() throws Exception {
        String topic = newTopic("extensions-binary", 1);
        template.sendBodyAndHeader(endpoint(topic, "binary"), Map.of("n", 1), "CamelCloudEventExtensions",
                Map.of("attempt", 42, "retried", true, "negative", -2147483648));

        ConsumerRecord<byte[], byte[]> record = single(topic);
        assertEquals("42", header(record, "ce_attempt"));
        assertEquals("true", header(record, "ce_retried"));
        assertEquals("-2147483648", header(record, "ce_negative"));
        CloudEvent event = KafkaMessageFactory.createReader(record).toEvent();
        assertEquals("42", event.getExtension("attempt"));
        assertEquals("true", event.getExtension("retried"));
    }

    @Test
    void integerAndBooleanExtensionsAreJsonNumbersAndBooleansInStructuredRecords() throws Exception {
        String topic = newTopic("extensions-structured", 1);
        template.sendBodyAndHeader(endpoint(topic, "structured"), Map.of("n", 1), "CamelCloudEventExtensions",
                Map.of("attempt", 42, "retried", true));

        ConsumerRecord<byte[], byte[]> record = single(topic);
        JsonNode node = json.readTree(record.value());
        assertEquals(42, node.get("attempt").intValue());
        assertEquals(true, node.get("retried").booleanValue());
        assertEquals(true, node.get("attempt").isInt());
        assertEquals(true, node.get("retried").isBoolean());
        CloudEvent event = KafkaMessageFactory.createReader(record).toEvent();
        assertEquals(42, event.getExtension("attempt"));
        assertEquals(true, event.getExtension("retried"));
    }

    @Test
    void onlyTheBindingsHeadersReachTheRecord() {
        String topic = newTopic("caller-headers", 1);
        template.sendBodyAndHeaders(endpoint(topic, "structured") + "&sinkHeaders.tenant=acme", "x",
                Map.of("Authorization", "Bearer secret", "x-caller", "route-1", "CamelOssaAgentId", "planner"));

        ConsumerRecord<byte[], byte[]> record = single(topic);
        assertEquals(Map.of("content-type", "application/cloudevents+json; charset=utf-8", "tenant", "acme"),
                headers(record));
    }

    /** The broker's bootstrap address, {@code host:port}. */
    protected abstract String bootstrapServers();

    private String newTopic(String prefix, int partitions) {
        return KafkaTopics.create(bootstrapServers(), prefix, partitions);
    }

    private String endpoint(String topic, String mode) {
        return "ossa-events:dev.ossa.tool.called?source=/agents/planner&mode=" + mode
               + "&sink=RAW(kafka:" + topic + "?brokers=" + bootstrapServers() + ")";
    }

    private ConsumerRecord<byte[], byte[]> single(String topic) {
        List<ConsumerRecord<byte[], byte[]>> records = KafkaTopics.read(bootstrapServers(), topic, 1, WAIT);
        assertEquals(1, records.size(), "records on " + topic);
        return records.get(0);
    }

    private static String header(ConsumerRecord<byte[], byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static Map<String, String> headers(ConsumerRecord<byte[], byte[]> record) {
        Map<String, String> headers = new HashMap<>();
        for (Header header : record.headers()) {
            headers.put(header.key(), new String(header.value(), StandardCharsets.UTF_8));
        }
        return headers;
    }
}
