package dev.ossa.camel.events.benchmarks;

import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;

/**
 * The child JVM of {@code memory-1m-events}, started with a small heap: sends a number of events through a route to
 * {@code ossa-events} with {@code batchSize=1000} in batch mode to an HTTP collector, waits until every one is
 * delivered, stops, and prints the peak heap and the most heap live after a collection.
 * <p>
 * Arguments: the collector's URL, the number of events.
 */
public final class MemoryRun {

    static final String PEAK_HEAP = "peak-heap-bytes=";
    static final String LIVE_HEAP = "live-heap-bytes=";
    static final String RATE = "events-per-second=";
    static final int BATCH_SIZE = 1000;

    private MemoryRun() {
    }

    public static void main(String[] args) throws Exception {
        String url = args[0];
        int events = Integer.parseInt(args[1]);
        HeapWatch heap = HeapWatch.start();
        CamelContext context = new DefaultCamelContext();
        double rate;
        try {
            RouteSide route = RouteSide.start(context, "memory", "ossa-events:" + SampleEvent.TYPE + "?"
                    + SampleEvent.endpointOptions() + "&mode=batch&batchSize=" + BATCH_SIZE
                    + "&flushInterval=" + SampleEvent.FLUSH_INTERVAL_MS + "&sink=" + url);
            rate = route.eventsPerSecond(events, SampleEvent.data());
        } finally {
            context.stop();
        }
        System.out.println(RATE + Math.round(rate));
        System.out.println(PEAK_HEAP + heap.peakBytes());
        System.out.println(LIVE_HEAP + heap.liveBytes());
    }
}
