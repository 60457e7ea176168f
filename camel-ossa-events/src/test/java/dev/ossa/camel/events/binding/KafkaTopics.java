package dev.ossa.camel.events.binding;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Topics on a real Kafka broker, in the test JVM or in a container, given by its bootstrap address. Records are read
 * back with a plain {@link KafkaConsumer} that is assigned every partition of a topic and reads it from the
 * beginning: no consumer group, no rebalance to wait for.
 */
final class KafkaTopics {

    private static final AtomicInteger TOPICS = new AtomicInteger();

    private KafkaTopics() {
    }

    /** Creates a topic with a fresh name that starts with {@code prefix}, and returns that name. */
    static String create(String bootstrapServers, String prefix, int partitions) {
        String name = prefix + "-" + TOPICS.incrementAndGet();
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrapServers))) {
            admin.createTopics(List.of(new NewTopic(name, partitions, (short) 1))).all().get();
        } catch (Exception e) {
            throw new IllegalStateException("Could not create topic " + name, e);
        }
        return name;
    }

    /**
     * Reads the topic from the beginning until {@code count} records have arrived, then for a short while more so
     * that surplus records are seen too.
     *
     * @throws AssertionError when fewer than {@code count} records arrive within {@code timeout}
     */
    static List<ConsumerRecord<byte[], byte[]>> read(String bootstrapServers, String topic, int count,
                                                     Duration timeout) {
        List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = consumer(bootstrapServers)) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            long deadline = System.nanoTime() + timeout.toNanos();
            while (records.size() < count && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(100)).forEach(records::add);
            }
            if (records.size() < count) {
                throw new AssertionError("Expected " + count + " records on " + topic + " within " + timeout
                                         + ", got " + records.size());
            }
            consumer.poll(Duration.ofMillis(200)).forEach(records::add);
        }
        return records;
    }

    private static KafkaConsumer<byte[], byte[]> consumer(String bootstrapServers) {
        return new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"),
                new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }
}
