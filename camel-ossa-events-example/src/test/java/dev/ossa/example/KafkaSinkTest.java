package dev.ossa.example;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.KafkaMessageFactory;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * With {@code example.sink=kafka} the example writes every event of the run to the topic at
 * {@code example.kafka.brokers} (here a real broker in the test JVM), one record per event, keyed by the run's
 * interaction id; the CloudEvents Kafka binding of the CloudEvents Java SDK reads each record back.
 */
class KafkaSinkTest {

    private static KafkaClusterTestKit kafka;

    @BeforeAll
    static void startBroker() throws Exception {
        kafka = EmbeddedKafka.start();
    }

    @AfterAll
    static void stopBroker() throws Exception {
        if (kafka != null) {
            kafka.close();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"structured", "binary"})
    void everyEventOfTheRunIsARecordKeyedByTheRun(String mode) {
        String topic = "trip-events-" + mode;
        ExampleRun run = ExampleRun.run(Map.of(
                "example.sink", "kafka",
                "example.kafka.brokers", kafka.bootstrapServers(),
                "example.kafka.topic", topic,
                "camel.component.ossa-events.mode", mode));

        assertEquals(0, run.stdoutLines().size(), "with the Kafka sink nothing goes to standard output");
        List<ConsumerRecord<String, byte[]>> records = readAll(topic, OneWorkflowRun.EVENTS_PER_RUN);
        List<CloudEvent> events = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            CloudEvent event = KafkaMessageFactory.createReader(record).toEvent();
            assertEquals(event.getExtension("ossainteractionid"), record.key(), "keyField=ossainteractionid");
            events.add(event);
        }
        OneWorkflowRun.assertComplete(events);
        Set<Integer> partitions = records.stream().map(ConsumerRecord::partition).collect(Collectors.toSet());
        assertEquals(1, partitions.size(), "one run, one key, one partition");
    }

    private static List<ConsumerRecord<String, byte[]>> readAll(String topic, int expected) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "example-test-" + topic,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (records.size() < expected && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
        }
        return records;
    }
}
