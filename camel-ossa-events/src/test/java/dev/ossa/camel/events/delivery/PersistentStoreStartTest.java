package dev.ossa.camel.events.delivery;

import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.ossa.camel.events.OssaEventsEndpoint;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What a persistent endpoint does with the store it finds at start: delivers and counts what it holds, refuses a
 * store that another process holds or that is damaged or unreadable (with a message that says which and where, and
 * the files left as they were), and cuts off only a record that a killed process left half written.
 */
class PersistentStoreStartTest {

    @TempDir
    Path directory;

    private String endpoint(String sink) {
        return "ossa-events:dev.ossa.tool.called?source=/agents/planner&batchSize=100&flushInterval=200"
               + "&persistent=true&persistenceDirectory=" + directory + "&sink=" + sink;
    }

    @Test
    void eventsLeftInTheStoreAreDeliveredAtStartAndCountedAsRecovered() throws Exception {
        try (RecordingHttpSink sink = RecordingHttpSink.start()) {
            Path store = StoredBatches.inJournal(directory, sink.uri(), 30);
            CamelContext context = start(endpoint(sink.uri()));
            try {
                OssaEventsEndpoint endpoint = context.getEndpoint(endpoint(sink.uri()), OssaEventsEndpoint.class);
                assertEquals(30, endpoint.getEventsRecovered());
                sink.awaitAcceptedEvents(30, Duration.ofSeconds(30));
                assertEquals(StoredBatches.events(30).stream().map(e -> e.getId()).toList(), sink.acceptedIds());
                Deadline.await(() -> endpoint.getEventsPending() == 0, Duration.ofSeconds(30),
                        () -> "pending: " + endpoint.getEventsPending());
            } finally {
                context.stop();
            }
            assertEquals(List.of(), segments(store), "a clean stop with everything delivered leaves no segment");
        }
    }

    @Test
    void recoveredEventsShowInTheHealthCheckAndTheMeters() throws Exception {
        try (RecordingHttpSink sink = RecordingHttpSink.start()) {
            StoredBatches.inJournal(directory, sink.uri(), 30);
            MeterRegistry meters = new SimpleMeterRegistry();
            String uri = endpoint(sink.uri());
            CamelContext context = new DefaultCamelContext();
            context.getRegistry().bind("meterRegistry", meters);
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:in").to(uri);
                }
            });
            context.start();
            try {
                sink.awaitAcceptedEvents(30, Duration.ofSeconds(30));
                Deadline.await(() -> meters.find("ossa.events.pending").gauges().stream()
                        .mapToDouble(Gauge::value).sum() == 0, Duration.ofSeconds(30), () -> "pending in the meters");
                assertEquals(30, meters.find("ossa.events.recovered").counters().stream()
                        .mapToDouble(Counter::count).sum());
                assertEquals(30, meters.find("ossa.events.delivered").counters().stream()
                        .mapToDouble(Counter::count).sum());
                String check = "ossa-events:http://127.0.0.1:" + sink.port() + "/events";
                HealthCheck.Result health = HealthCheckHelper.invoke(context, check, Map.of()).orElseThrow();
                assertEquals(HealthCheck.State.UP, health.getState());
                assertEquals(30L, health.getDetails().get("recovered"));
                assertEquals(30L, health.getDetails().get("delivered"));
            } finally {
                context.stop();
            }
        }
    }

    @Test
    void aBatchCompletedButNotConfirmedIsDeliveredAgainAtStart() throws Exception {
        try (RecordingHttpSink sink = RecordingHttpSink.start()) {
            StoredBatches.inJournal(directory, sink.uri(), 12, true);
            CamelContext context = start(endpoint(sink.uri()));
            try {
                OssaEventsEndpoint endpoint = context.getEndpoint(endpoint(sink.uri()), OssaEventsEndpoint.class);
                assertEquals(12, endpoint.getEventsRecovered());
                sink.awaitAcceptedEvents(12, Duration.ofSeconds(30));
                assertEquals(StoredBatches.events(12).stream().map(e -> e.getId()).toList(), sink.acceptedIds());
                Deadline.await(() -> endpoint.getEventsPending() == 0, Duration.ofSeconds(30),
                        () -> "pending: " + endpoint.getEventsPending());
            } finally {
                context.stop();
            }
        }
    }

    @Test
    void aStoreThatAnotherProcessHoldsFailsTheStartNamingThatProcess() throws Exception {
        try (RecordingHttpSink sink = RecordingHttpSink.start()) {
            Path acks = Files.createFile(directory.resolve("acks.txt"));
            ChildJvm other = ChildJvm.start(directory.resolve("other.log"), endpoint(sink.uri()), acks.toString(),
                    "other", "emit");
            try {
                Deadline.await(() -> sizeOf(acks) > 0 || !other.isAlive(), Duration.ofSeconds(60), other::output);
                Exception failure = assertThrows(Exception.class, () -> start(endpoint(sink.uri())));
                String message = rootMessage(failure);
                assertTrue(message.contains("is in use by another process (pid "), message);
                assertTrue(message.contains("two processes must not share one store"), message);
            } finally {
                other.kill9();
            }
        }
    }

    @Test
    void aDamagedStoreFailsTheStartNamingTheFileAndByteAndIsLeftAsItWas() throws Exception {
        Path store = StoredBatches.inJournal(directory, "http://127.0.0.1:9/events", 5);
        Path segment = segments(store).get(0);
        try (RandomAccessFile file = new RandomAccessFile(segment.toFile(), "rw")) {
            long inFirstEvent = 8 + 60;
            file.seek(inFirstEvent);
            int b = file.read();
            file.seek(inFirstEvent);
            file.write(b ^ 0x20);
        }
        byte[] damaged = Files.readAllBytes(segment);

        Exception failure = assertThrows(Exception.class, () -> start(endpoint("http://127.0.0.1:9/events")));

        String message = rootMessage(failure);
        assertTrue(message.contains("is damaged: in " + segment.getFileName() + " at byte "), message);
        assertTrue(message.contains("checksum does not match"), message);
        assertTrue(message.contains("not opened"), message);
        assertArrayEquals(damaged, Files.readAllBytes(segment));
    }

    @Test
    void anUnreadableStoreFileFailsTheStart() throws Exception {
        Path store = StoredBatches.inJournal(directory, "http://127.0.0.1:9/events", 1);
        Files.createDirectory(store.resolve("segment-0000000000000000.log"));

        Exception failure = assertThrows(Exception.class, () -> start(endpoint("http://127.0.0.1:9/events")));

        String message = rootMessage(failure);
        assertTrue(message.contains("Cannot read the OSSA events store file"), message);
    }

    @Test
    void aRecordCutShortAtTheEndIsDroppedAndEveryCompleteEventDelivered() throws Exception {
        try (RecordingHttpSink sink = RecordingHttpSink.start()) {
            Path store = StoredBatches.inJournal(directory, sink.uri(), 4);
            Path segment = segments(store).get(0);
            long end = endOfRecords(segment);
            // a record that says it has 500 bytes and whose checksum does not match: what a crash of the machine
            // leaves of a write whose force had not returned
            ByteBuffer cutShort = ByteBuffer.allocate(28).putInt(500).putInt(0x1234).put(new byte[20]);
            cutShort.put(27, (byte) 1).flip();
            try (FileChannel channel = FileChannel.open(segment, StandardOpenOption.WRITE)) {
                channel.write(cutShort, end);
            }

            CamelContext context = start(endpoint(sink.uri()));
            try {
                sink.awaitAcceptedEvents(4, Duration.ofSeconds(30));
                assertEquals(StoredBatches.events(4).stream().map(e -> e.getId()).toList(), sink.acceptedIds());
                assertTrue(!Files.exists(segment) || Files.size(segment) == end);
            } finally {
                context.stop();
            }
        }
    }

    private static CamelContext start(String uri) throws Exception {
        CamelContext context = new DefaultCamelContext();
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:in").to(uri);
            }
        });
        try {
            context.start();
        } catch (Exception e) {
            context.stop();
            throw e;
        }
        return context;
    }

    private static List<Path> segments(Path store) throws Exception {
        try (Stream<Path> files = Files.list(store)) {
            return files.filter(f -> f.getFileName().toString().startsWith("segment-")).sorted().toList();
        }
    }

    /** Where a segment's records end: its records are {@code [int length][int checksum][length bytes]}. */
    private static long endOfRecords(Path segment) throws Exception {
        ByteBuffer bytes = ByteBuffer.wrap(Files.readAllBytes(segment));
        int position = 8;
        while (position + 8 <= bytes.limit() && bytes.getInt(position) > 0) {
            position += 8 + bytes.getInt(position);
        }
        return position;
    }

    private static long sizeOf(Path file) {
        try {
            return Files.size(file);
        } catch (Exception e) {
            return 0;
        }
    }

    /** The message of the first cause that comes from the store, the one a user reads in the log. */
    private static String rootMessage(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause.getMessage() != null && cause.getMessage().startsWith("The OSSA events store")
                || cause.getMessage() != null && cause.getMessage().startsWith("Cannot read the OSSA events store")) {
                return cause.getMessage();
            }
        }
        return String.valueOf(failure);
    }
}
