package dev.ossa.camel.events.delivery;

import java.util.List;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;

import dev.ossa.camel.events.event.OssaCloudEvent;

/**
 * Sends a completed batch to the sink. It remembers, in the batch's exchange, how many events the sink has taken, so
 * that a retry sends only the rest and no event is delivered twice by our own retries.
 */
final class BatchDelivery implements Processor {

    /** Exchange property: how many events of the batch the sink has taken. */
    static final String DELIVERED = "OssaEventsDelivered";

    private final SinkSender sender;
    private final DeliveryCounters counters;

    BatchDelivery(SinkSender sender, DeliveryCounters counters) {
        this.sender = sender;
        this.counters = counters;
    }

    @Override
    public void process(Exchange batch) throws Exception {
        List<OssaCloudEvent> events = EventBatchAggregationStrategy.events(batch);
        int done = delivered(batch);
        if (sender.writesBatches()) {
            sender.sendBatch(events.subList(done, events.size()));
            markDelivered(batch, events.size() - done, events.size());
        } else {
            for (int i = done; i < events.size(); i++) {
                sender.send(events.get(i));
                markDelivered(batch, 1, i + 1);
            }
        }
    }

    static int delivered(Exchange batch) {
        return batch.getProperty(DELIVERED, 0, Integer.class);
    }

    private void markDelivered(Exchange batch, int count, int total) {
        batch.setProperty(DELIVERED, total);
        counters.delivered(count, true);
    }
}
