package dev.ossa.camel.events.delivery;

import java.util.ArrayList;
import java.util.List;

import org.apache.camel.AggregationStrategy;
import org.apache.camel.Exchange;

import dev.ossa.camel.events.event.OssaCloudEvent;

/**
 * Collects the events of one batch, in arrival order, into a list in the body of the batch's exchange.
 */
final class EventBatchAggregationStrategy implements AggregationStrategy {

    private final int batchSize;

    EventBatchAggregationStrategy(int batchSize) {
        this.batchSize = batchSize;
    }

    @Override
    public Exchange aggregate(Exchange batch, Exchange next) {
        OssaCloudEvent event = next.getIn().getBody(OssaCloudEvent.class);
        if (batch == null) {
            List<OssaCloudEvent> events = new ArrayList<>(Math.min(batchSize, 1024));
            events.add(event);
            next.getIn().setBody(events);
            return next;
        }
        events(batch).add(event);
        return batch;
    }

    @SuppressWarnings("unchecked")
    static List<OssaCloudEvent> events(Exchange batch) {
        return (List<OssaCloudEvent>) batch.getIn().getBody(List.class);
    }
}
