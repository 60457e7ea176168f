package dev.ossa.camel.events.delivery;

import org.apache.camel.AsyncCallback;
import org.apache.camel.Exchange;
import org.apache.camel.support.service.ServiceSupport;

import dev.ossa.camel.events.event.OssaCloudEvent;

/**
 * Unbatched delivery: each event goes to the sink inside the caller's exchange, and a failure fails that exchange so
 * that the route's own error handler applies. A sink that answers later (Kafka's) is not waited for on the caller's
 * thread: the exchange completes when the sink has answered, so many events can be in flight at once.
 */
public final class DirectDispatcher extends ServiceSupport implements EventDispatcher {

    private final SinkSender sender;
    private final DeliveryCounters counters;

    public DirectDispatcher(SinkSender sender, DeliveryCounters counters) {
        this.sender = sender;
        this.counters = counters;
    }

    @Override
    public void dispatch(OssaCloudEvent event) throws Exception {
        counters.accepted(false);
        try {
            sender.send(event);
        } catch (Exception e) {
            counters.failed(1, false);
            throw e;
        }
        counters.delivered(1, false);
    }

    @Override
    public boolean dispatch(OssaCloudEvent event, Exchange exchange, AsyncCallback callback) {
        counters.accepted(false);
        return sender.send(event, (failure, doneSync) -> {
            if (failure != null) {
                counters.failed(1, false);
                exchange.setException(failure);
            } else {
                counters.delivered(1, false);
            }
            callback.done(doneSync);
        });
    }
}
