package dev.ossa.camel.events.benchmarks;

import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Waits for a side's own count of events handed over to the sink, polling every millisecond, so that a run's clock
 * stops when the last event arrives. Stopping a route to find that moment would not do: Camel's graceful shutdown
 * checks for exchanges in flight once a second.
 */
final class Arrivals {

    private static final long TIMEOUT_NANOS = TimeUnit.MINUTES.toNanos(5);

    private Arrivals() {
    }

    /** Returns once {@code count} has reached {@code target}; fails after five minutes. */
    static void await(LongSupplier count, long target, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TIMEOUT_NANOS;
        while (count.getAsLong() < target) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(count.getAsLong() + " of " + target + " " + what + " after 5 minutes");
            }
            Thread.sleep(1);
        }
    }
}
