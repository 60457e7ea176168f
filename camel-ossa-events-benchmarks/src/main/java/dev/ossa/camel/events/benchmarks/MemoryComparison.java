package dev.ossa.camel.events.benchmarks;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * {@code memory-1m-events}: one million events through {@code batchSize=1000} in a JVM limited to {@code -Xmx64m}
 * ({@link MemoryRun}). It must complete; the result is its peak heap, against the 64 MB limit as the "peer".
 */
final class MemoryComparison {

    static final int EVENTS = 1_000_000;
    static final int HEAP_MB = 64;

    private final CountingHttpServer server;

    MemoryComparison(CountingHttpServer server) {
        this.server = server;
    }

    List<Comparison> run() throws Exception {
        long before = server.events();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(java, "-Xmx" + HEAP_MB + "m", "-cp", System.getProperty("java.class.path"),
                MemoryRun.class.getName(), server.url(), Integer.toString(EVENTS))
                .redirectErrorStream(true)
                .start();
        long peak = -1;
        long live = -1;
        long rate = -1;
        try (BufferedReader out = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                if (line.startsWith(MemoryRun.PEAK_HEAP)) {
                    peak = Long.parseLong(line.substring(MemoryRun.PEAK_HEAP.length()));
                } else if (line.startsWith(MemoryRun.LIVE_HEAP)) {
                    live = Long.parseLong(line.substring(MemoryRun.LIVE_HEAP.length()));
                } else if (line.startsWith(MemoryRun.RATE)) {
                    rate = Long.parseLong(line.substring(MemoryRun.RATE.length()));
                } else {
                    System.out.println("  [memory run] " + line);
                }
            }
        }
        if (!process.waitFor(10, TimeUnit.MINUTES) || process.exitValue() != 0 || peak < 0) {
            throw new IllegalStateException("The -Xmx" + HEAP_MB + "m run of " + EVENTS + " events did not complete"
                                            + " (exit " + (process.isAlive() ? "none" : process.exitValue()) + ")");
        }
        long arrived = server.events() - before;
        if (arrived != EVENTS) {
            throw new IllegalStateException("The server counted " + arrived + " events, expected " + EVENTS);
        }
        double peakMb = peak / (1024.0 * 1024.0);
        System.out.printf("  %-22s %-10s %,14.1f MB peak heap, %,.1f MB most live after a GC, %,d events/s,"
                          + " all %,d events delivered%n", "memory-1m-events", "ours", peakMb,
                live / (1024.0 * 1024.0), rate, EVENTS);
        return List.of(Comparison.cost("memory-1m-events", peakMb, HEAP_MB, "MB peak heap (peer: -Xmx)"));
    }
}
