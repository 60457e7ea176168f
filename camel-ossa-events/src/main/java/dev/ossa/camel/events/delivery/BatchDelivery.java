package dev.ossa.camel.events.delivery;

import java.util.List;
import java.util.concurrent.Semaphore;

import org.apache.camel.AsyncCallback;
import org.apache.camel.Exchange;
import org.apache.camel.support.AsyncProcessorSupport;
import org.apache.camel.support.SynchronizationAdapter;

import dev.ossa.camel.events.event.OssaCloudEvent;

/**
 * Sends a completed batch to the sink. It remembers, in the batch's exchange, how many events the sink has taken, so
 * that a retry sends only the rest and no event is delivered twice by our own retries.
 * <p>
 * A batch that goes as one message is not waited for when the sink's producer answers later (Kafka's): the next batch
 * is written and sent while the sink works on this one, so the producer's pipeline does not drain between batches. At
 * most {@value #MAX_IN_FLIGHT} batches are sent and not yet done (delivered or dead-lettered) at any time, retries
 * included. Batches are sent in the order they were completed, by one thread; only a batch that fails and is retried
 * can reach the sink after the one sent behind it.
 */
final class BatchDelivery extends AsyncProcessorSupport {

    /** Exchange property: how many events of the batch the sink has taken. */
    static final String DELIVERED = "OssaEventsDelivered";
    /** Batches sent and not yet done (delivered or dead-lettered), at most. */
    static final int MAX_IN_FLIGHT = 2;
    /** Exchange property: the batch holds one of the {@link #MAX_IN_FLIGHT} turns until it is done. */
    private static final String HOLDS_TURN = "OssaEventsHoldsTurn";

    private final SinkSender sender;
    private final DeliveryCounters counters;
    private final Semaphore turns = new Semaphore(MAX_IN_FLIGHT);

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
                    markDelivered(batch, events.subList(i, i + 1), i + 1);
                }
            } catch (Exception e) {
                counters.attemptFailed();
                batch.setException(e);
            }
            callback.done(true);
            return true;
        }
        Exchange message;
        try {
            message = sender.batchMessage(events.subList(done, events.size()));
            takeTurn(batch);
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            batch.setException(e);
            callback.done(true);
            return true;
        }
        return sender.send(message, (failure, doneSync) -> {
            if (failure != null) {
                counters.attemptFailed();
                batch.setException(failure);
            } else {
                markDelivered(batch, events.subList(done, events.size()), events.size());
            }
            callback.done(doneSync);
        });
    }

    /** Waits for a turn, which the batch keeps through its retries and gives back when it is done. */
    private void takeTurn(Exchange batch) throws InterruptedException {
        if (batch.getProperty(HOLDS_TURN, false, Boolean.class)) {
            return;
        }
        turns.acquire();
        batch.setProperty(HOLDS_TURN, true);
        batch.getExchangeExtension().addOnCompletion(new SynchronizationAdapter() {
            @Override
            public void onDone(Exchange exchange) {
                turns.release();
            }
        });
    }

    static int delivered(Exchange batch) {
        return batch.getProperty(DELIVERED, 0, Integer.class);
    }

    private void markDelivered(Exchange batch, List<OssaCloudEvent> delivered, int total) {
        batch.setProperty(DELIVERED, total);
        counters.delivered(delivered, true);
    }
}
