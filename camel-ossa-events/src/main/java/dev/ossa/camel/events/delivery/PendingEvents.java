package dev.ossa.camel.events.delivery;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import dev.ossa.camel.events.event.OssaCloudEvent;

/**
 * The events a batch stream has accepted and not yet settled (delivered, dead-lettered or logged as lost): at most
 * {@link #limit()} of them, whatever the number of sender threads. A sender beyond the limit waits for room. Each
 * event is settled once: whoever settles or claims it first (the delivery, the dead letter, a stop that gives up) owns
 * its outcome, and a late outcome of the same event is ignored.
 */
final class PendingEvents {

    /** How often a waiting sender checks whether it should give up. */
    private static final long SLICE_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

    private final int limit;
    private final Semaphore room;
    private final Map<OssaCloudEvent, Long> unclaimed = new IdentityHashMap<>();
    private final Map<OssaCloudEvent, Long> claimed = new IdentityHashMap<>();
    private long accepted;
    /** Adopted events that found no room: their release frees none, so the limit holds. */
    private int overdraft;

    PendingEvents(int limit) {
        this.limit = limit;
        this.room = new Semaphore(limit);
    }

    int limit() {
        return limit;
    }

    /**
     * Takes the event in once there is room, waiting at most {@code timeoutMillis}.
     *
     * @param  refuse checked while waiting: true ends the wait without taking the event
     * @return        false when the event was not taken: no room in time, or {@code refuse} became true
     */
    boolean admit(OssaCloudEvent event, long timeoutMillis, BooleanSupplier refuse) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        while (!room.tryAcquire(Math.min(SLICE_NANOS, Math.max(0, end - System.nanoTime())), TimeUnit.NANOSECONDS)) {
            if (refuse.getAsBoolean() || System.nanoTime() >= end) {
                return false;
            }
        }
        synchronized (this) {
            unclaimed.put(event, accepted++);
        }
        return true;
    }

    /**
     * Takes in events read back from a persistent store at start, without waiting for room: they were accepted
     * before. The room they take is given back when they are released, as for any event; until then fewer new
     * events fit.
     */
    void adopt(List<OssaCloudEvent> events) {
        int taken = 0;
        while (taken < events.size() && room.tryAcquire()) {
            taken++;
        }
        synchronized (this) {
            for (OssaCloudEvent event : events) {
                unclaimed.put(event, accepted++);
            }
            overdraft += events.size() - taken;
        }
    }

    /** Settles the event without an outcome to count (it was never handed over); true when it was still pending. */
    boolean settle(OssaCloudEvent event) {
        List<OssaCloudEvent> owned = claim(List.of(event));
        release(owned);
        return !owned.isEmpty();
    }

    /**
     * Takes ownership of the events of the list that are pending and not yet claimed, and returns those, in order.
     * They stay pending (a stop waits for them) until {@link #release(List)}: for events on their way to the dead
     * letter.
     */
    synchronized List<OssaCloudEvent> claim(List<OssaCloudEvent> batch) {
        List<OssaCloudEvent> owned = new ArrayList<>(batch.size());
        for (OssaCloudEvent event : batch) {
            Long order = unclaimed.remove(event);
            if (order != null) {
                claimed.put(event, order);
                owned.add(event);
            }
        }
        return owned;
    }

    /** Claims every pending event not yet claimed and returns them in the order they were accepted. */
    synchronized List<OssaCloudEvent> claimAll() {
        List<Map.Entry<OssaCloudEvent, Long>> all = new ArrayList<>(unclaimed.entrySet());
        all.sort(Map.Entry.comparingByValue());
        claimed.putAll(unclaimed);
        unclaimed.clear();
        return all.stream().map(Map.Entry::getKey).toList();
    }

    /** Ends the claimed events' stay: they are settled, and their room is free for new events. */
    void release(List<OssaCloudEvent> owned) {
        if (owned.isEmpty()) {
            return;
        }
        int freed = owned.size();
        synchronized (this) {
            owned.forEach(claimed::remove);
            if (unclaimed.isEmpty() && claimed.isEmpty()) {
                notifyAll();
            }
            int repaid = Math.min(overdraft, freed);
            overdraft -= repaid;
            freed -= repaid;
        }
        room.release(freed);
    }

    /** Waits until no event is pending or {@code deadlineNanos} (of {@link System#nanoTime()}) has passed. */
    synchronized boolean awaitNone(long deadlineNanos) throws InterruptedException {
        while (!unclaimed.isEmpty() || !claimed.isEmpty()) {
            long left = deadlineNanos - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
        return true;
    }

    synchronized int size() {
        return unclaimed.size() + claimed.size();
    }
}
