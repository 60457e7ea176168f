package dev.ossa.camel.events.delivery;

import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.camel.AsyncCallback;
import org.apache.camel.Exchange;
import org.apache.camel.support.AsyncProcessorSupport;
import org.apache.camel.support.SynchronizationAdapter;

import dev.ossa.camel.events.binding.SinkDeliveryException;
import dev.ossa.camel.events.event.OssaCloudEvent;

/**
 * Sends one sink message: the events in the body of the exchange, as one message (a whole batch where the binding
 * writes batches, otherwise a single event). Camel's error handler around it retries the message and, after the last
 * retry, dead-letters it. Anything thrown, {@link Error}s included, fails the attempt like any sink failure, so that it
 * is retried, counted and traced to the event ids.
 * <p>
 * A message the sink's producer answers later (Kafka's) is not waited for: the next batch is written and sent while
 * the sink works on this one, so the producer's pipeline does not drain between batches. At most
 * {@value #MAX_IN_FLIGHT} such messages are sent and not yet done (delivered or dead-lettered) at any time, retries
 * included.
 */
final class BatchDelivery extends AsyncProcessorSupport {

    /** Batches sent and not yet done (delivered or dead-lettered), at most. */
    static final int MAX_IN_FLIGHT = 2;
    /** Exchange property: the {@link Turn} the batch holds until it is done. */
    private static final String TURN = "OssaEventsTurn";

    private final SinkSender sender;
    private final PendingEvents pending;
    private final DeliveryCounters counters;
    private final Semaphore turns = new Semaphore(MAX_IN_FLIGHT);

    BatchDelivery(SinkSender sender, PendingEvents pending, DeliveryCounters counters) {
        this.sender = sender;
        this.pending = pending;
        this.counters = counters;
    }

    @Override
    public boolean process(Exchange unit, AsyncCallback callback) {
        List<OssaCloudEvent> events = EventBatchAggregationStrategy.events(unit);
        Exchange message;
        try {
            if (!sender.writesBatches()) {
                sender.send(events.get(0));
                delivered(events);
                callback.done(true);
                return true;
            }
            message = sender.batchMessage(events);
            takeTurn(unit);
        } catch (Throwable e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            unit.setException(asException(e));
            callback.done(true);
            return true;
        }
        return sender.send(message, (failure, doneSync) -> {
            if (failure != null) {
                unit.setException(failure);
            } else {
                delivered(events);
            }
            callback.done(doneSync);
        });
    }

    /** Waits for a turn, which the batch keeps through its retries and gives back when it is done. */
    private void takeTurn(Exchange batch) throws InterruptedException {
        if (batch.getProperty(TURN) != null) {
            return;
        }
        turns.acquire();
        Turn turn = new Turn();
        batch.setProperty(TURN, turn);
        batch.getExchangeExtension().addOnCompletion(new SynchronizationAdapter() {
            @Override
            public void onDone(Exchange exchange) {
                turn.giveBack();
            }
        });
    }

    /** Gives back the turn of a batch that will never be done, because its delivery died with an {@link Error}. */
    static void abandon(Exchange batch) {
        Turn turn = batch.getProperty(TURN, Turn.class);
        if (turn != null) {
            turn.giveBack();
        }
    }

    /** One of the {@link #MAX_IN_FLIGHT} turns, given back once. */
    private final class Turn {

        private final AtomicBoolean held = new AtomicBoolean(true);

        void giveBack() {
            if (held.compareAndSet(true, false)) {
                turns.release();
            }
        }
    }

    /** Counts the events as delivered before they stop being pending, so that a stop that returns sees them counted. */
    private void delivered(List<OssaCloudEvent> events) {
        List<OssaCloudEvent> owned = pending.claim(events);
        counters.delivered(owned.size(), true);
        pending.release(owned);
    }

    /** An {@link Error} becomes an exception that names it, so that Camel's error handler takes it. */
    static Exception asException(Throwable thrown) {
        return thrown instanceof Exception e ? e
                : new SinkDeliveryException("Delivery failed with " + thrown, thrown);
    }
}
