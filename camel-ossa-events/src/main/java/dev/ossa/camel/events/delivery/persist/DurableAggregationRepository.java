package dev.ossa.camel.events.delivery.persist;

import org.apache.camel.spi.AggregationRepository;

/**
 * An aggregation repository whose writes reach the disk only when asked, so that the callers that add events at the
 * same time share one force to disk.
 */
public interface DurableAggregationRepository extends AggregationRepository {

    /**
     * Returns once everything this repository was given before the call is on disk.
     *
     * @throws java.io.IOException when the store failed: what it was given may not be on disk
     */
    void awaitDurable() throws Exception;
}
