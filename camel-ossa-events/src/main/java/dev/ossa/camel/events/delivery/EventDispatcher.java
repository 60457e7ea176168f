package dev.ossa.camel.events.delivery;

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
}
