package dev.ossa.camel.events.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;

/**
 * {@code persistent-batch<N>-vs-memory}: events per second with {@code persistent=true} against the same route with
 * batches in memory, to the same local {@link CountingHttpServer} ({@code mode=batch}), at batch sizes 100 and 1,000.
 * With persistence each sender waits until its event is forced to disk; senders that wait at the same time share one
 * force, so both sides are fed by {@value #SENDERS} threads at once. The store is a directory under {@code target/}.
 */
final class PersistentComparison {

    static final int EVENTS = 96_000;
    static final int SENDERS = 32;
    private static final int ROUNDS = 3;
    private static final int[] BATCH_SIZES = {100, 1000};

    private final CountingHttpServer server;

    PersistentComparison(CountingHttpServer server) {
        this.server = server;
    }

    List<Comparison> run() throws Exception {
        Map<String, Object> data = SampleEvent.data();
        Path store = Files.createDirectories(Path.of("target", "persistent-store"));
        List<Comparison> results = new ArrayList<>();
        for (int batchSize : BATCH_SIZES) {
            String name = "persistent-batch" + batchSize + "-vs-memory";
            CamelContext context = new DefaultCamelContext();
            try {
                String options = SampleEvent.endpointOptions() + "&mode=batch&batchSize=" + batchSize
                                 + "&flushInterval=1000&sink=" + server.url();
                RouteSide persistent = RouteSide.start(context, "persistent" + batchSize, "ossa-events:"
                        + SampleEvent.TYPE + "?" + options + "&persistent=true&persistenceDirectory="
                        + store.toAbsolutePath());
                RouteSide memory = RouteSide.start(context, "memory" + batchSize, "ossa-events:" + SampleEvent.TYPE
                        + "?" + options);
                Map<String, Double> rates = new Alternation(name)
                        .side("persistent", () -> counted(() -> persistent.eventsPerSecond(EVENTS, data, SENDERS)))
                        .side("in-memory", () -> counted(() -> memory.eventsPerSecond(EVENTS, data, SENDERS)))
                        .run(ROUNDS, "events/s");
                results.add(Comparison.rate(name, rates.get("persistent"), rates.get("in-memory"), "events/s"));
            } finally {
                context.stop();
            }
        }
        return results;
    }

    /** Runs a side and checks that the server counted exactly its events. */
    private double counted(Alternation.Side side) throws Exception {
        long before = server.events();
        double rate = side.run();
        long arrived = server.events() - before;
        if (arrived != EVENTS) {
            throw new IllegalStateException("The server counted " + arrived + " events, expected " + EVENTS);
        }
        return rate;
    }
}
