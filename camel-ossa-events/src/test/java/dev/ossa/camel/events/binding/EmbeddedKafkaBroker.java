package dev.ossa.camel.events.binding;

import java.time.Duration;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One real Kafka broker (KRaft, broker and controller in one node) inside the test JVM, no Docker: the
 * {@code KafkaClusterTestKit} of {@code kafka-test-common-runtime}. As a JUnit extension it is started by the first
 * test class that uses it and closed when the whole test run ends, so every Kafka test class of the JVM shares it.
 * Topics are created and read through {@link KafkaTopics}.
 */
public final class EmbeddedKafkaBroker implements BeforeAllCallback {

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
        return KafkaTopics.create(bootstrapServers(), prefix, partitions);
    }

    /**
     * Reads the topic from the beginning until {@code count} records have arrived, then for a short while more so
     * that surplus records are seen too.
     *
     * @throws AssertionError when fewer than {@code count} records arrive within {@code timeout}
     */
    public static List<ConsumerRecord<byte[], byte[]>> read(String topic, int count, Duration timeout) {
        return KafkaTopics.read(bootstrapServers(), topic, count, timeout);
    }
}
