package dev.ossa.camel.events.delivery.persist;

import org.apache.camel.spi.AggregationRepository;

import dev.ossa.camel.events.event.OssaCloudEvent;

/**
 * An aggregation repository whose writes reach the disk only when asked, so that the callers that add events at the
 * same time share one force to disk.
 */
public interface DurableAggregationRepository extends AggregationRepository {

    /**
     * Prepares the stored form of an event that this thread is about to hand to the Aggregator, so that the work
     * is done before the Aggregator's lock is taken rather than while it is held.
     */
    void prepare(OssaCloudEvent event);

    /**
     * Returns once everything this repository was given before the call is on disk.
     *
     * @throws java.io.IOException when the store failed: what it was given may not be on disk
     */
    void awaitDurable() throws Exception;
}
