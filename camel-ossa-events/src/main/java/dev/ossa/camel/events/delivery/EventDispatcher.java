package dev.ossa.camel.events.delivery;

import org.apache.camel.AsyncCallback;
import org.apache.camel.Exchange;
import org.apache.camel.Service;

import dev.ossa.camel.events.event.OssaCloudEvent;

/**
 * Takes valid events towards the sink: at once, or into batches. Stopping it delivers everything it holds.
 */
public interface EventDispatcher extends Service {

    /**
     * Delivers the event, or accepts it into a batch.
     *
     * @throws Exception when an unbatched delivery fails, so that the caller's exchange fails
     */
    void dispatch(OssaCloudEvent event) throws Exception;

    /**
     * Delivers the event, or accepts it into a batch, for the caller's {@code exchange}: a failure is set on that
     * exchange, and {@code callback} runs when the dispatcher is done with it. By default on the calling thread, as
     * {@link #dispatch(OssaCloudEvent)}.
     *
     * @return true when {@code callback} has already run on the calling thread
     */
    default boolean dispatch(OssaCloudEvent event, Exchange exchange, AsyncCallback callback) {
        try {
            dispatch(event);
        } catch (Exception e) {
            exchange.setException(e);
        }
        callback.done(true);
        return true;
    }
}
