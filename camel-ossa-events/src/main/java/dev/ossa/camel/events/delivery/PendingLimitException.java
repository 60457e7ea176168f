package dev.ossa.camel.events.delivery;

/**
 * An event was not accepted: its batch stream already held its limit of pending events (accepted, neither delivered
 * nor dead-lettered) for all of {@code acceptTimeout}, because the sink takes events more slowly than they come, or
 * not at all.
 */
public class PendingLimitException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    public PendingLimitException(String eventId, int limit, String sink, long acceptTimeoutMillis) {
        super("Event " + eventId + " was not accepted: " + limit + " events (" + BatchDispatcher.PENDING_BATCHES
              + " × batchSize) were pending for " + sink + " for all of acceptTimeout=" + acceptTimeoutMillis
              + " ms, none of them delivered or dead-lettered in that time. The sink is slower than the senders, or"
              + " down; raise acceptTimeout to wait longer");
    }
}
