package dev.ossa.camel.events.delivery;

import java.util.Map;

import org.apache.camel.spi.AggregationRepository;
import org.apache.camel.util.URISupport;

import dev.ossa.camel.events.OssaEventsConfiguration;
import dev.ossa.camel.events.OssaEventsMode;

/**
 * The options that decide how batches are formed and delivered. Endpoints of one component with equal keys share one
 * {@link BatchStream}, whatever their event type.
 */
public record BatchStreamKey(
        String sink, OssaEventsMode mode, boolean pretty, int batchSize, long flushInterval, int maximumRedeliveries,
        long redeliveryDelay, String deadLetterUri, String keyField, Map<String, Object> sinkHeaders, long stopTimeout,
        long acceptTimeout, boolean persistent, String persistenceDirectory, AggregationRepository aggregationRepository) {

    public BatchStreamKey {
        sinkHeaders = Map.copyOf(sinkHeaders);
    }

    public static BatchStreamKey of(OssaEventsConfiguration configuration) {
        return new BatchStreamKey(configuration.getSink(), configuration.getMode(), configuration.isPretty(),
                configuration.getBatchSize(), configuration.getFlushInterval(), configuration.getMaximumRedeliveries(),
                configuration.getRedeliveryDelay(), configuration.getDeadLetterUri(), configuration.getKeyField(),
                configuration.getSinkHeaders(), configuration.getStopTimeout(), configuration.getAcceptTimeout(),
                configuration.isPersistent(), configuration.getPersistenceDirectory(),
                configuration.getAggregationRepository());
    }

    /** Names the sink and the batch size; never the values of {@code sinkHeaders}. */
    @Override
    public String toString() {
        return URISupport.sanitizeUri(sink) + " (batchSize=" + batchSize + ", mode=" + mode + ")";
    }
}
