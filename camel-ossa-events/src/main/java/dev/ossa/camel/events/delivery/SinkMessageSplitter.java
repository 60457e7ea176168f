package dev.ossa.camel.events.delivery;

import java.util.ArrayList;
import java.util.List;

import org.apache.camel.AsyncCallback;
import org.apache.camel.AsyncProcessor;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.support.AsyncProcessorSupport;
import org.apache.camel.support.DefaultExchange;
import org.apache.camel.support.UnitOfWorkHelper;
import org.apache.camel.support.service.ServiceHelper;

import dev.ossa.camel.events.event.OssaCloudEvent;

/**
 * Hands a completed batch to the redelivering error handler one sink message at a time: the whole batch where the
 * binding writes it as one message ({@code mode=batch}, Kafka), otherwise each event alone, in order. Each sink
 * message has its own retry budget, so an event is dead-lettered only after it failed {@code 1 + maximumRedeliveries}
 * times itself, not because the events before it used the batch's retries up.
 */
final class SinkMessageSplitter extends AsyncProcessorSupport {

    private final CamelContext context;
    private final boolean oneMessagePerBatch;
    private final AsyncProcessor redelivering;
    private final ThreadLocal<Exchange> handedOver = new ThreadLocal<>();

    SinkMessageSplitter(CamelContext context, boolean oneMessagePerBatch, AsyncProcessor redelivering) {
        this.context = context;
        this.oneMessagePerBatch = oneMessagePerBatch;
        this.redelivering = redelivering;
    }

    @Override
    public boolean process(Exchange batch, AsyncCallback callback) {
        handedOver.set(batch);
        if (oneMessagePerBatch) {
            return redelivering.process(batch, callback);
        }
        for (OssaCloudEvent event : EventBatchAggregationStrategy.events(batch)) {
            Exchange message = new DefaultExchange(context);
            List<OssaCloudEvent> one = new ArrayList<>(1);
            one.add(event);
            message.getIn().setBody(one);
            try {
                redelivering.process(message);
            } catch (Exception e) {
                message.setException(e);
            }
        }
        // the batch itself went through no unit of work: end it here, so that the Aggregator sees it done (and
        // confirms it to a persistent repository)
        UnitOfWorkHelper.doneSynchronizations(batch, batch.getExchangeExtension().handoverCompletions());
        callback.done(true);
        return true;
    }

    /**
     * The batch this thread last handed over, and forgets it. When the delivery thread's task ended with a
     * {@link Throwable} (an {@link Error} that a sink route threw past Camel's error handling), that batch's callback
     * will never come.
     */
    Exchange takeHandedOver() {
        Exchange batch = handedOver.get();
        handedOver.remove();
        return batch;
    }

    @Override
    protected void doStart() throws Exception {
        ServiceHelper.startService(redelivering);
    }

    @Override
    protected void doStop() throws Exception {
        ServiceHelper.stopService(redelivering);
    }
}
