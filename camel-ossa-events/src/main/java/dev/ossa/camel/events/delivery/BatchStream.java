package dev.ossa.camel.events.delivery;

import org.apache.camel.support.service.ServiceHelper;

/**
 * One sink producer and the batches that feed it, shared by the producers of every endpoint with the same
 * {@link BatchStreamKey}. Counts its users; {@link BatchStreams} starts it for the first and stops it after the last.
 */
public final class BatchStream {

    private final BatchStreamKey key;
    private final SinkSender sender;
    private final BatchDispatcher dispatcher;
    private int users;

    public BatchStream(BatchStreamKey key, SinkSender sender, BatchDispatcher dispatcher) {
        this.key = key;
        this.sender = sender;
        this.dispatcher = dispatcher;
    }

    /** Accepts events into this stream's batches. */
    public EventDispatcher dispatcher() {
        return dispatcher;
    }

    BatchStreamKey key() {
        return key;
    }

    int addUser() {
        return ++users;
    }

    int removeUser() {
        return --users;
    }

    void start() throws Exception {
        ServiceHelper.startService(sender, dispatcher);
    }

    /** Starts the stop's clock and sends every open batch, without waiting. */
    void beginStop() {
        dispatcher.beginStop();
    }

    /** Waits for the pending events' delivery, up to the stop's deadline. */
    void awaitDelivered() {
        dispatcher.awaitDelivered();
    }

    /** Sends every pending batch and waits for its delivery, without stopping. */
    void flush() {
        dispatcher.flush();
    }

    /** Delivers every pending event, then stops the sink's producer. */
    void stop() throws Exception {
        ServiceHelper.stopService(dispatcher, sender);
    }

    @Override
    public String toString() {
        return "BatchStream[" + key + "]";
    }
}
