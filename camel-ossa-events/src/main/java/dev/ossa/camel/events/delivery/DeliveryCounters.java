package dev.ossa.camel.events.delivery;

import java.util.concurrent.atomic.LongAdder;

/**
 * Event counts of one endpoint, shown over JMX. Thread-safe.
 */
public final class DeliveryCounters {

    private final LongAdder accepted = new LongAdder();
    private final LongAdder rejected = new LongAdder();
    private final LongAdder delivered = new LongAdder();
    private final LongAdder failed = new LongAdder();
    private final LongAdder deadLettered = new LongAdder();
    private final LongAdder pending = new LongAdder();
    private final LongAdder recovered = new LongAdder();

    /** An event passed validation and was taken for delivery. */
    public void accepted(boolean batched) {
        accepted.increment();
        if (batched) {
            pending.increment();
        }
    }

    /**
     * Events read back from a persistent store at start; when {@code pending}, they are pending again until delivered
     * or failed.
     */
    public void recovered(int events, boolean pending) {
        recovered.add(events);
        if (pending) {
            this.pending.add(events);
        }
    }

    /** An event broke a CloudEvents rule and was not sent. */
    public void rejected() {
        rejected.increment();
    }

    public void delivered(int events, boolean batched) {
        delivered.add(events);
        if (batched) {
            pending.add(-events);
        }
    }

    /** Events whose delivery failed for good: all retries spent. */
    public void failed(int events, boolean batched) {
        failed.add(events);
        if (batched) {
            pending.add(-events);
        }
    }

    /** Failed events that the dead-letter endpoint took. */
    public void deadLettered(int events) {
        deadLettered.add(events);
    }

    public long getAccepted() {
        return accepted.sum();
    }

    public long getRejected() {
        return rejected.sum();
    }

    public long getDelivered() {
        return delivered.sum();
    }

    public long getFailed() {
        return failed.sum();
    }

    public long getDeadLettered() {
        return deadLettered.sum();
    }

    public long getRecovered() {
        return recovered.sum();
    }

    public long getPending() {
        return pending.sum();
    }
}
