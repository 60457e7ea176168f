package dev.ossa.camel.events.delivery;

import java.util.concurrent.TimeUnit;

/**
 * When the stop of a batch stream began and by when it must end: {@code stopTimeout} after the first sign of a stop
 * (the CamelContext stopping, or the stream itself). Retries go on until then; what is not delivered by then is given
 * up (dead-lettered, or its ids logged at ERROR).
 */
final class StopDeadline {

    private final long timeoutMillis;
    private volatile boolean stopping;
    private volatile long deadlineNanos;

    StopDeadline(long timeoutMillis) {
        this.timeoutMillis = timeoutMillis;
    }

    /** Starts the clock, unless a stop already began; later calls keep the first deadline. */
    synchronized void begin() {
        if (!stopping) {
            deadlineNanos = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
            stopping = true;
        }
    }

    /** Back to running, e.g. when the stream starts again. */
    synchronized void reset() {
        stopping = false;
    }

    boolean isStopping() {
        return stopping;
    }

    /** The deadline as a {@link System#nanoTime()} value; meaningful once {@link #begin()} was called. */
    long deadlineNanos() {
        return deadlineNanos;
    }

    boolean passed() {
        return stopping && System.nanoTime() - deadlineNanos >= 0;
    }

    /** Milliseconds left before the deadline: 0 once it passed, unbounded while no stop began. */
    long remainingMillis() {
        if (!stopping) {
            return Long.MAX_VALUE;
        }
        return Math.max(0, TimeUnit.NANOSECONDS.toMillis(deadlineNanos - System.nanoTime()));
    }

    long timeoutMillis() {
        return timeoutMillis;
    }
}
