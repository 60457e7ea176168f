package dev.ossa.camel.events.delivery;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.LongAdder;

import dev.ossa.camel.events.event.OssaCloudEvent;

/**
 * Event counts of one endpoint (or of the batch stream it feeds), shown over JMX, and when the last delivery attempt
 * failed and the last one succeeded. The methods that take events also tell the {@link DeliveryListener}s.
 * Thread-safe.
 */
public final class DeliveryCounters {

    private final LongAdder accepted = new LongAdder();
    private final LongAdder rejected = new LongAdder();
    private final LongAdder delivered = new LongAdder();
    private final LongAdder failed = new LongAdder();
    private final LongAdder deadLettered = new LongAdder();
    private final LongAdder pending = new LongAdder();
    private final LongAdder recovered = new LongAdder();
    private final List<DeliveryListener> listeners = new CopyOnWriteArrayList<>();
    private volatile long lastFailedAt;
    private volatile long lastDeliveredAt;

    /** Tells {@code listener} of every event counted from now on. */
    public void addListener(DeliveryListener listener) {
        listeners.add(listener);
    }

    /** The event passed validation and was taken for delivery. */
    public void accepted(OssaCloudEvent event, boolean batched) {
        accepted(batched);
        listeners.forEach(listener -> listener.accepted(event));
    }

    /** An event of this type broke a CloudEvents rule and was not sent. */
    public void rejected(String type) {
        rejected();
        listeners.forEach(listener -> listener.rejected(type));
    }

    /** The sink took these events. */
    public void delivered(List<OssaCloudEvent> events, boolean batched) {
        delivered(events.size(), batched);
        listeners.forEach(listener -> listener.delivered(events));
    }

    /** The delivery of these events failed for good: all retries spent. */
    public void failed(List<OssaCloudEvent> events, boolean batched) {
        failed(events.size(), batched);
        listeners.forEach(listener -> listener.failed(events));
    }

    /** The dead-letter endpoint took these failed events. */
    public void deadLettered(List<OssaCloudEvent> events) {
        deadLettered(events.size());
        listeners.forEach(listener -> listener.deadLettered(events));
    }

    /** An attempt to deliver failed; it may be retried. */
    public void attemptFailed() {
        lastFailedAt = System.nanoTime();
    }

    /** When ({@link System#nanoTime()}) the last delivery attempt failed; 0 when none has. */
    public long getLastFailedAt() {
        return lastFailedAt;
    }

    /** When ({@link System#nanoTime()}) the sink last took events; 0 when it has not yet. */
    public long getLastDeliveredAt() {
        return lastDeliveredAt;
    }

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
    public void recovered(List<OssaCloudEvent> events, boolean pending) {
        recovered.add(events.size());
        if (pending) {
            this.pending.add(events.size());
        }
        listeners.forEach(listener -> listener.recovered(events, pending));
    }

    /** An event broke a CloudEvents rule and was not sent. */
    public void rejected() {
        rejected.increment();
    }

    public void delivered(int events, boolean batched) {
        lastDeliveredAt = System.nanoTime();
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
