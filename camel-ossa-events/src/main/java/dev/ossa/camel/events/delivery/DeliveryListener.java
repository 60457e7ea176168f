package dev.ossa.camel.events.delivery;

import java.util.List;

import dev.ossa.camel.events.event.OssaCloudEvent;

/**
 * Told by {@link DeliveryCounters} of each event it counts, e.g. to keep meters per event type. Called on the
 * threads that accept and deliver events: implementations are thread-safe and quick.
 */
public interface DeliveryListener {

    /** The event passed validation and was taken for delivery. */
    void accepted(OssaCloudEvent event);

    /** An event of this type broke a CloudEvents rule and was not sent. */
    void rejected(String type);

    /** The sink took these events. */
    void delivered(List<OssaCloudEvent> events);

    /** The delivery of these events failed for good: all retries spent. */
    void failed(List<OssaCloudEvent> events);

    /** The dead-letter endpoint took these failed events. */
    void deadLettered(List<OssaCloudEvent> events);

    /**
     * These events were read back from a persistent store at start; when {@code pending}, they wait for delivery
     * again and each will be reported delivered or failed.
     */
    void recovered(List<OssaCloudEvent> events, boolean pending);
}
