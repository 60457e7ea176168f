package dev.ossa.camel.events.delivery;

import java.util.List;

import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.support.service.ServiceHelper;
import org.apache.camel.support.service.ServiceSupport;
import org.apache.camel.util.URISupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.ossa.camel.events.event.OssaCloudEvent;
import dev.ossa.camel.events.format.JsonEventFormat;

/**
 * Where events go when every retry of their sink message failed, or when a stop gave up on them: they are sent, as
 * one JSON array ({@code application/cloudevents-batch+json}), to {@code deadLetterUri}; without one, or when that
 * fails too, their ids are logged at ERROR. Either way they are counted as failed. An event that is no longer pending
 * (a stop already gave up on it) is skipped, so that each event has one outcome.
 */
final class DeadLetterHandler extends ServiceSupport implements Processor {

    private static final Logger LOG = LoggerFactory.getLogger(DeadLetterHandler.class);

    private final CamelContext context;
    private final String deadLetterUri;
    private final String sinkForLog;
    private final JsonEventFormat format;
    private final PendingEvents pending;
    private final DeliveryCounters counters;
    private Endpoint endpoint;
    private volatile Producer producer;

    DeadLetterHandler(CamelContext context, String deadLetterUri, String sinkUri, JsonEventFormat format,
                      PendingEvents pending, DeliveryCounters counters) {
        this.context = context;
        this.deadLetterUri = deadLetterUri;
        this.sinkForLog = URISupport.sanitizeUri(sinkUri);
        this.format = format;
        this.pending = pending;
        this.counters = counters;
    }

    /** Called by Camel's error handler when the sink message's last retry failed. */
    @Override
    public void process(Exchange message) {
        List<OssaCloudEvent> owned = pending.claim(EventBatchAggregationStrategy.events(message));
        Throwable cause = message.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        giveUp(owned, cause == null ? "unknown cause" : cause.toString(), "after all retries");
    }

    /**
     * Dead-letters events this caller has claimed (and so owns), or logs their ids at ERROR, counts them as failed,
     * and releases them from the pending events.
     *
     * @param reason why they were not delivered
     * @param when   e.g. "after all retries", for the log line
     */
    void giveUp(List<OssaCloudEvent> owned, String reason, String when) {
        if (owned.isEmpty()) {
            return;
        }
        try {
            deadLetter(owned, reason, when);
        } finally {
            pending.release(owned);
        }
    }

    private void deadLetter(List<OssaCloudEvent> owned, String reason, String when) {
        counters.failed(owned.size(), true);
        Producer current = producer;
        if (current == null) {
            logLost(owned, reason, when, null);
            return;
        }
        try {
            Exchange deadLetter = endpoint.createExchange();
            deadLetter.getIn().setBody(format.batch(owned, false));
            deadLetter.getIn().setHeader(Exchange.CONTENT_TYPE, JsonEventFormat.BATCH_CONTENT_TYPE);
            current.process(deadLetter);
            if (deadLetter.getException() != null) {
                throw deadLetter.getException();
            }
            counters.deadLettered(owned.size());
            LOG.warn("Sent {} OSSA events that {} did not take {} to dead letter {}: {}", owned.size(), sinkForLog,
                    when, URISupport.sanitizeUri(deadLetterUri), reason);
        } catch (Throwable e) {
            logLost(owned, reason, when, e);
        }
    }

    private void logLost(List<OssaCloudEvent> failed, String reason, String when, Throwable deadLetterFailure) {
        StringBuilder ids = new StringBuilder();
        for (OssaCloudEvent event : failed) {
            ids.append(ids.length() == 0 ? "" : ", ").append(event.getId());
        }
        if (deadLetterFailure == null) {
            LOG.error("Could not deliver {} OSSA events to {} {} ({}); no deadLetterUri is set. Event ids: [{}]",
                    failed.size(), sinkForLog, when, reason, ids);
        } else {
            LOG.error("Could not deliver {} OSSA events to {} {} ({}), nor to dead letter {} ({}). Event ids: [{}]",
                    failed.size(), sinkForLog, when, reason, URISupport.sanitizeUri(deadLetterUri),
                    deadLetterFailure.toString(), ids);
        }
    }

    @Override
    protected void doStart() throws Exception {
        if (deadLetterUri != null && !deadLetterUri.isBlank()) {
            endpoint = context.getEndpoint(deadLetterUri);
            Producer started = endpoint.createProducer();
            ServiceHelper.startService(started);
            producer = started;
        }
    }

    @Override
    protected void doStop() throws Exception {
        Producer stopped = producer;
        producer = null;
        ServiceHelper.stopService(stopped);
    }
}
