package dev.ossa.camel.events.delivery;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Supplier;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.KafkaMessageFactory;

import dev.ossa.camel.events.binding.EmbeddedKafkaBroker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * kill -9 loses no accepted event with {@code persistent=true}. A separate JVM sends events from four threads to a
 * real sink (an HTTP collector in this JVM, or the Kafka broker in this JVM), writing down each id whose exchange
 * completed; it is killed with SIGKILL at a random moment, three times, each run starting on the store the previous
 * one left (and alternating the mode); a last run delivers what is left and exits. Every acknowledged id must have
 * reached the sink, as the CloudEvents SDK reads it; duplicates (allowed: delivery is at least once) are counted and
 * printed.
 */
@ExtendWith(EmbeddedKafkaBroker.class)
class PersistentCrashRecoveryTest {

    private static final int KILLS = 3;

    @TempDir
    Path directory;

    @Test
    void everyAcknowledgedEventReachesTheHttpCollectorDespiteKill9() throws Exception {
        try (RecordingHttpSink sink = RecordingHttpSink.start()) {
            List<String> modes = List.of("batch", "structured");
            Report report = crashAndRecover(mode -> endpoint(sink.uri(), mode), modes);
            List<String> received = sink.acceptedIds();
            report.judge("HTTP", received);
        }
    }

    @Test
    void everyAcknowledgedEventReachesKafkaDespiteKill9() throws Exception {
        String topic = EmbeddedKafkaBroker.newTopic("crash", 1);
        String kafka = "RAW(kafka:" + topic + "?brokers=" + EmbeddedKafkaBroker.bootstrapServers() + ")";
        Report report = crashAndRecover(mode -> endpoint(kafka, mode), List.of("binary", "structured"));
        report.judge("Kafka", readAll(topic));
    }

    private String endpoint(String sink, String mode) {
        return "ossa-events:dev.ossa.tool.called?source=/crash-test&batchSize=200&flushInterval=300&mode=" + mode
               + "&persistent=true&persistenceDirectory=" + directory.resolve("store")
               + "&maximumRedeliveries=-1&redeliveryDelay=100&sink=" + sink;
    }

    private interface Endpoints {
        String forMode(String mode);
    }

    private Report crashAndRecover(Endpoints endpoints, List<String> modes) throws Exception {
        long seed = System.nanoTime();
        Random random = new Random(seed);
        Path acks = directory.resolve("acks.txt");
        Files.createFile(acks);
        Report report = new Report(seed, acks);
        for (int run = 1; run <= KILLS; run++) {
            ChildJvm child = ChildJvm.start(directory.resolve("run-" + run + ".log"),
                    endpoints.forMode(modes.get(run % modes.size())), acks.toString(), "run" + run, "emit");
            long before = Files.size(acks);
            awaitOrFail(() -> sizeOf(acks) > before || !child.isAlive(), child, "no acknowledgement");
            assertTrue(child.isAlive(), () -> "The child died on its own:\n" + child.output());
            long delay = 200 + random.nextInt(1800);
            Thread.sleep(delay);
            int exit = child.kill9();
            assertEquals(137, exit, "killed by SIGKILL");
            report.recovered.add(child.printed("recovered"));
            report.delays.add(delay);
        }
        ChildJvm last = ChildJvm.start(directory.resolve("drain.log"), endpoints.forMode(modes.get(0)),
                acks.toString(), "drain", "drain");
        assertEquals(0, last.awaitExit(90), () -> last.output());
        assertEquals(0, last.printed("pending"), () -> last.output());
        report.recovered.add(last.printed("recovered"));
        return report;
    }

    private static long sizeOf(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return 0;
        }
    }

    private static void awaitOrFail(java.util.function.BooleanSupplier condition, ChildJvm child, String what) {
        Deadline.await(condition, Duration.ofSeconds(60), () -> what + ":\n" + child.output());
    }

    /** What the runs acknowledged and recovered, judged against what the sink received. */
    private static final class Report {
        final long seed;
        final Path acks;
        final List<Long> recovered = new ArrayList<>();
        final List<Long> delays = new ArrayList<>();

        Report(long seed, Path acks) {
            this.seed = seed;
            this.acks = acks;
        }

        void judge(String sink, List<String> received) throws IOException {
            List<String> acknowledged = Files.readAllLines(acks);
            Set<String> distinct = new HashSet<>(received);
            Set<String> lost = new LinkedHashSet<>(acknowledged);
            lost.removeAll(distinct);
            int duplicates = received.size() - distinct.size();
            Supplier<String> summary = () -> String.format("%s: %d kill -9 after %s ms (seed %d); %d acknowledged,"
                    + " %d received (%d distinct), %d duplicates, %d lost; recovered at each start: %s", sink, KILLS,
                    delays, seed, acknowledged.size(), received.size(), distinct.size(), duplicates, lost.size(),
                    recovered);
            System.out.println(summary.get());
            assertTrue(acknowledged.size() > 0, summary);
            assertTrue(lost.isEmpty(), () -> summary.get() + "; lost, e.g.: " + lost.stream().limit(10).toList());
            assertTrue(recovered.stream().mapToLong(Long::longValue).sum() > 0,
                    () -> summary.get() + ": no start found anything to recover, so no kill hit a pending event");
        }
    }

    /** Every record of the topic, read until none has come for two seconds; ids read by the CloudEvents SDK. */
    private static List<String> readAll(String topic) {
        List<String> ids = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, EmbeddedKafkaBroker.bootstrapServers(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false"),
                new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = List.of(new TopicPartition(topic, 0));
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            long quietSince = System.nanoTime();
            while (System.nanoTime() - quietSince < 2_000_000_000L) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    CloudEvent event = KafkaMessageFactory.createReader(record).toEvent();
                    ids.add(event.getId());
                    quietSince = System.nanoTime();
                }
            }
        }
        return ids;
    }
}
