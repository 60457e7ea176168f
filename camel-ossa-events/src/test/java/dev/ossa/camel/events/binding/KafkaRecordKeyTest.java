package dev.ossa.camel.events.binding;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.KafkaMessageFactory;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * The record key on a real broker: from {@code keyField}, else from the {@code partitionkey} extension, else none.
 */
@ExtendWith(EmbeddedKafkaBroker.class)
class KafkaRecordKeyTest extends CamelTestSupport {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final List<String> AGENTS = List.of("planner", "coder", "reviewer", "Prüfer");
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void keyFieldOssaAgentIdKeysEachRecordByItsAgentAndKeepsEachAgentsEventsInOrderOnOnePartition() throws Exception {
        String topic = EmbeddedKafkaBroker.newTopic("agent-keys", 4);
        String uri = endpoint(topic, "structured") + "&keyField=ossaagentid";
        for (int i = 0; i < 40; i++) {
            template.sendBodyAndHeader(uri, Map.of("seq", i), "CamelOssaAgentId", AGENTS.get(i % AGENTS.size()));
        }

        List<ConsumerRecord<byte[], byte[]>> records = EmbeddedKafkaBroker.read(topic, 40, WAIT);
        assertEquals(40, records.size());
        Map<String, Set<Integer>> partitionsByAgent = new HashMap<>();
        Map<String, List<Integer>> sequenceByAgent = new HashMap<>();
        records.sort((a, b) -> Long.compare(a.offset(), b.offset())); // keeps each partition in offset order
        for (ConsumerRecord<byte[], byte[]> record : records) {
            CloudEvent event = KafkaMessageFactory.createReader(record).toEvent();
            String agent = (String) event.getExtension("ossaagentid");
            assertArrayEquals(agent.getBytes(StandardCharsets.UTF_8), record.key(), "key of the record of " + agent);
            partitionsByAgent.computeIfAbsent(agent, a -> new HashSet<>()).add(record.partition());
            int seq = json.readTree(event.getData().toBytes()).get("seq").intValue();
            sequenceByAgent.computeIfAbsent(agent, a -> new ArrayList<>()).add(seq);
        }
        assertEquals(Set.copyOf(AGENTS), partitionsByAgent.keySet());
        partitionsByAgent.forEach((agent, partitions) -> assertEquals(1, partitions.size(), agent + " partitions"));
        sequenceByAgent.forEach((agent, sequence) -> assertEquals(sequence.stream().sorted().toList(), sequence,
                "order of " + agent + "'s events on its partition"));
    }

    @Test
    void partitionKeyExtensionIsTheKeyAndStaysInTheStructuredEvent() throws Exception {
        String topic = EmbeddedKafkaBroker.newTopic("partitionkey-structured", 2);
        template.sendBodyAndHeader(endpoint(topic, "structured"), Map.of("ok", true), "CamelCloudEventExtensions",
                Map.of("partitionkey", "tenant-42"));

        ConsumerRecord<byte[], byte[]> record = single(topic);
        assertArrayEquals("tenant-42".getBytes(StandardCharsets.UTF_8), record.key());
        assertEquals("tenant-42", KafkaMessageFactory.createReader(record).toEvent().getExtension("partitionkey"));
    }

    @Test
    void partitionKeyExtensionIsTheKeyAndStaysAsACeHeaderInBinaryMode() throws Exception {
        String topic = EmbeddedKafkaBroker.newTopic("partitionkey-binary", 2);
        template.sendBody(endpoint(topic, "binary") + "&extensions.partitionkey=tenant-7", Map.of("ok", true));

        ConsumerRecord<byte[], byte[]> record = single(topic);
        assertArrayEquals("tenant-7".getBytes(StandardCharsets.UTF_8), record.key());
        assertArrayEquals("tenant-7".getBytes(StandardCharsets.UTF_8),
                record.headers().lastHeader("ce_partitionkey").value());
        assertEquals("tenant-7", KafkaMessageFactory.createReader(record).toEvent().getExtension("partitionkey"));
    }

    @Test
    void keyFieldWinsOverThePartitionKeyExtension() throws Exception {
        String topic = EmbeddedKafkaBroker.newTopic("keyfield-wins", 1);
        template.sendBodyAndHeader(endpoint(topic, "structured") + "&keyField=ossaagentid&agentId=planner",
                Map.of("ok", true), "CamelCloudEventExtensions", Map.of("partitionkey", "tenant-42"));

        ConsumerRecord<byte[], byte[]> record = single(topic);
        assertArrayEquals("planner".getBytes(StandardCharsets.UTF_8), record.key());
        assertEquals("tenant-42", KafkaMessageFactory.createReader(record).toEvent().getExtension("partitionkey"));
        List<String> headerNames = new ArrayList<>();
        record.headers().forEach(header -> headerNames.add(header.key()));
        assertEquals(List.of("content-type"), headerNames, "camel-kafka's key headers stay off the record");
    }

    @Test
    void keyFieldCanNameAContextAttribute() throws Exception {
        String topic = EmbeddedKafkaBroker.newTopic("keyfield-subject", 1);
        template.sendBodyAndHeader(endpoint(topic, "binary") + "&keyField=subject", Map.of("ok", true),
                "CamelCloudEventSubject", "web-search");

        assertArrayEquals("web-search".getBytes(StandardCharsets.UTF_8), single(topic).key());
    }

    @Test
    void recordHasNoKeyWithoutPartitionKeyOrKeyFieldValue() throws Exception {
        String topic = EmbeddedKafkaBroker.newTopic("no-key", 1);
        template.sendBody(endpoint(topic, "structured"), Map.of("n", 1));
        template.sendBody(endpoint(topic, "binary") + "&keyField=ossainteractionid", Map.of("n", 2));

        List<ConsumerRecord<byte[], byte[]>> records = EmbeddedKafkaBroker.read(topic, 2, WAIT);
        assertEquals(2, records.size());
        for (ConsumerRecord<byte[], byte[]> record : records) {
            assertNull(record.key(), "key of " + KafkaMessageFactory.createReader(record).toEvent().getId());
        }
    }

    private static String endpoint(String topic, String mode) {
        return "ossa-events:dev.ossa.turn.started?source=/agents&mode=" + mode
               + "&sink=RAW(kafka:" + topic + "?brokers=" + EmbeddedKafkaBroker.bootstrapServers() + ")";
    }

    private static ConsumerRecord<byte[], byte[]> single(String topic) {
        List<ConsumerRecord<byte[], byte[]>> records = EmbeddedKafkaBroker.read(topic, 1, WAIT);
        assertEquals(1, records.size(), "records on " + topic);
        return records.get(0);
    }
}
