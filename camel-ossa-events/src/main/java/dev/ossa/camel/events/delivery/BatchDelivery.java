package dev.ossa.camel.events.delivery;

import java.util.List;
import java.util.concurrent.Semaphore;

import org.apache.camel.AsyncCallback;
import org.apache.camel.Exchange;
import org.apache.camel.support.AsyncProcessorSupport;

import dev.ossa.camel.events.event.OssaCloudEvent;

/**
 * Sends a completed batch to the sink. It remembers, in the batch's exchange, how many events the sink has taken, so
 * that a retry sends only the rest and no event is delivered twice by our own retries.
 * <p>
 * A batch that goes as one message to a sink whose producer answers later (Kafka) is not waited for: up to
 * {@value #MAX_IN_FLIGHT} such batches await the sink's answer while the next one is written and sent, so the
 * producer's pipeline does not drain between batches. Batches are still sent in order, by one thread.
 */
final class BatchDelivery extends AsyncProcessorSupport {

    /** Exchange property: how many events of the batch the sink has taken. */
    static final String DELIVERED = "OssaEventsDelivered";
    /** Batches sent and not yet answered by the sink, at most. */
    static final int MAX_IN_FLIGHT = 2;

    private final SinkSender sender;
    private final DeliveryCounters counters;
    private final Semaphore inFlight = new Semaphore(MAX_IN_FLIGHT);

    BatchDelivery(SinkSender sender, DeliveryCounters counters) {
        this.sender = sender;
        this.counters = counters;
    }

    @Override
    public boolean process(Exchange batch, AsyncCallback callback) {
        List<OssaCloudEvent> events = EventBatchAggregationStrategy.events(batch);
        int done = delivered(batch);
        if (!sender.writesBatches()) {
            try {
                for (int i = done; i < events.size(); i++) {
                    sender.send(events.get(i));
                    markDelivered(batch, 1, i + 1);
                }
            } catch (Exception e) {
                batch.setException(e);
            }
            callback.done(true);
            return true;
        }
        try {
            inFlight.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            batch.setException(e);
            callback.done(true);
            return true;
        }
        return sender.sendBatch(events.subList(done, events.size()), (failure, doneSync) -> {
            inFlight.release();
            if (failure != null) {
                batch.setException(failure);
            } else {
                markDelivered(batch, events.size() - done, events.size());
            }
            callback.done(doneSync);
        });
    }

    static int delivered(Exchange batch) {
        return batch.getProperty(DELIVERED, 0, Integer.class);
    }

    private void markDelivered(Exchange batch, int count, int total) {
        batch.setProperty(DELIVERED, total);
        counters.delivered(count, true);
    }
}
