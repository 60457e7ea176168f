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
 * Where a batch goes when every retry failed: the events not yet delivered are sent, as one JSON array
 * ({@code application/cloudevents-batch+json}), to {@code deadLetterUri}; without one, or when that fails too,
 * their ids are logged at ERROR. Either way they are counted as failed.
 */
final class DeadLetterHandler extends ServiceSupport implements Processor {

    private static final Logger LOG = LoggerFactory.getLogger(DeadLetterHandler.class);

    private final CamelContext context;
    private final String deadLetterUri;
    private final String sinkForLog;
    private final JsonEventFormat format;
    private final DeliveryCounters counters;
    private Endpoint endpoint;
    private Producer producer;

    DeadLetterHandler(CamelContext context, String deadLetterUri, String sinkUri, JsonEventFormat format,
                      DeliveryCounters counters) {
        this.context = context;
        this.deadLetterUri = deadLetterUri;
        this.sinkForLog = URISupport.sanitizeUri(sinkUri);
        this.format = format;
        this.counters = counters;
    }

    @Override
    public void process(Exchange batch) {
        List<OssaCloudEvent> all = EventBatchAggregationStrategy.events(batch);
        List<OssaCloudEvent> failed = all.subList(BatchDelivery.delivered(batch), all.size());
        if (failed.isEmpty()) {
            return;
        }
        counters.failed(failed, true);
        Throwable cause = batch.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        if (producer == null) {
            logLost(failed, cause, null);
            return;
        }
        try {
            Exchange deadLetter = endpoint.createExchange();
            deadLetter.getIn().setBody(format.batch(failed, false));
            deadLetter.getIn().setHeader(Exchange.CONTENT_TYPE, JsonEventFormat.BATCH_CONTENT_TYPE);
            producer.process(deadLetter);
            if (deadLetter.getException() != null) {
                throw deadLetter.getException();
            }
            counters.deadLettered(failed);
            LOG.warn("Sent {} OSSA events that {} did not take to dead letter {}: {}", failed.size(), sinkForLog,
                    URISupport.sanitizeUri(deadLetterUri), cause == null ? "unknown cause" : cause.getMessage());
        } catch (Exception e) {
            logLost(failed, cause, e);
        }
    }

    private void logLost(List<OssaCloudEvent> failed, Throwable cause, Exception deadLetterFailure) {
        StringBuilder ids = new StringBuilder();
        for (OssaCloudEvent event : failed) {
            ids.append(ids.length() == 0 ? "" : ", ").append(event.getId());
        }
        String reason = cause == null ? "unknown cause" : cause.toString();
        if (deadLetterFailure == null) {
            LOG.error("Could not deliver {} OSSA events to {} after all retries ({}); no deadLetterUri is set."
                      + " Event ids: [{}]", failed.size(), sinkForLog, reason, ids);
        } else {
            LOG.error("Could not deliver {} OSSA events to {} after all retries ({}), nor to dead letter {} ({})."
                      + " Event ids: [{}]", failed.size(), sinkForLog, reason, URISupport.sanitizeUri(deadLetterUri),
                    deadLetterFailure.toString(), ids);
        }
    }

    @Override
    protected void doStart() throws Exception {
        if (deadLetterUri != null && !deadLetterUri.isBlank()) {
            endpoint = context.getEndpoint(deadLetterUri);
            producer = endpoint.createProducer();
            ServiceHelper.startService(producer);
        }
    }

    @Override
    protected void doStop() throws Exception {
        ServiceHelper.stopService(producer);
        producer = null;
    }
}
