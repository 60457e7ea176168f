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
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One real Kafka broker (KRaft, broker and controller in one node) inside the test JVM, no Docker: the
 * {@code KafkaClusterTestKit} of {@code kafka-test-common-runtime}. As a JUnit extension it is started by the first
 * test class that uses it and closed when the whole test run ends, so every Kafka test class of the JVM shares it.
 * <p>
 * Records are read back with a plain {@link KafkaConsumer} that is assigned every partition of a topic and reads it
 * from the beginning: no consumer group, no rebalance to wait for.
 */
public final class EmbeddedKafkaBroker implements BeforeAllCallback {

    private static final AtomicInteger TOPICS = new AtomicInteger();
    private static KafkaClusterTestKit cluster;

    @Override
    public void beforeAll(ExtensionContext context) {
        context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                .getOrComputeIfAbsent(EmbeddedKafkaBroker.class, key -> start(), AutoCloseable.class);
    }

    /** Starts the broker; the returned handle, kept in JUnit's root store, closes it when the test run ends. */
    private static synchronized AutoCloseable start() {
        try {
            KafkaClusterTestKit started = new KafkaClusterTestKit.Builder(new TestKitNodes.Builder()
                    .setCombined(true)
                    .setNumBrokerNodes(1)
                    .setNumControllerNodes(1)
                    .build())
                    .setConfigProp("offsets.topic.replication.factor", "1")
                    .setConfigProp("transaction.state.log.replication.factor", "1")
                    .setConfigProp("transaction.state.log.min.isr", "1")
                    .setConfigProp("group.initial.rebalance.delay.ms", "0")
                    .build();
            started.format();
            started.startup();
            started.waitForReadyBrokers();
            cluster = started;
        } catch (Exception e) {
            throw new IllegalStateException("Could not start the embedded Kafka broker", e);
        }
        return EmbeddedKafkaBroker::stop;
    }

    private static synchronized void stop() throws Exception {
        if (cluster != null) {
            cluster.close();
            cluster = null;
        }
    }

    /** The broker's bootstrap address, {@code host:port}. */
    public static synchronized String bootstrapServers() {
        if (cluster == null) {
            throw new IllegalStateException("The embedded Kafka broker is not running: annotate the test class with"
                                             + " @ExtendWith(EmbeddedKafkaBroker.class)");
        }
        return cluster.bootstrapServers();
    }

    /** Creates a topic with a fresh name that starts with {@code prefix}, and returns that name. */
    public static String newTopic(String prefix, int partitions) {
        String name = prefix + "-" + TOPICS.incrementAndGet();
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrapServers()))) {
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
    public static List<ConsumerRecord<byte[], byte[]>> read(String topic, int count, Duration timeout) {
        List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = consumer()) {
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

    private static KafkaConsumer<byte[], byte[]> consumer() {
        return new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"),
                new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }
}
