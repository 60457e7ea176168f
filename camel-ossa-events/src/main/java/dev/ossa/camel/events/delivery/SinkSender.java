package dev.ossa.camel.events.delivery;

import java.net.URISyntaxException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.camel.AsyncProcessor;
import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.NoSuchEndpointException;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.ResolveEndpointFailedException;
import org.apache.camel.support.AsyncProcessorConverterHelper;
import org.apache.camel.support.DefaultExchange;
import org.apache.camel.support.service.ServiceHelper;
import org.apache.camel.support.service.ServiceSupport;
import org.apache.camel.util.URISupport;

import dev.ossa.camel.events.binding.SinkBinding;
import dev.ossa.camel.events.binding.SinkDeliveryException;
import dev.ossa.camel.events.binding.SinkBindings;
import dev.ossa.camel.events.event.OssaCloudEvent;

/**
 * Sends events to the sink: a Camel producer on the sink endpoint (or the built-in stdout writer) fed with fresh
 * exchanges that the binding fills. Only the binding's headers and {@code sinkHeaders.*} reach the sink, never the
 * caller's. Thread-safe once started.
 */
public final class SinkSender extends ServiceSupport {

    private final CamelContext context;
    private final String sinkUri;
    private final SinkBinding binding;
    private Endpoint endpoint;
    private volatile Processor target;
    private volatile AsyncProcessor asyncTarget;

    public SinkSender(CamelContext context, String sinkUri, SinkBinding binding) {
        this.context = context;
        this.sinkUri = sinkUri;
        this.binding = binding;
    }

    /** True when one sink message carries a whole batch. */
    public boolean writesBatches() {
        return binding.writesBatches();
    }

    /**
     * Sends one event as one message: a batch of one where the binding writes batches, so that {@code mode=batch}
     * sends an array of one.
     */
    public void send(OssaCloudEvent event) throws Exception {
        send(eventMessage(event));
    }

    /**
     * Sends one event as one message, as {@link #send(OssaCloudEvent)} does, without waiting for a sink producer that
     * answers later: see {@link #send(Exchange, SendCallback)}.
     */
    public boolean send(OssaCloudEvent event, SendCallback callback) {
        Exchange message;
        try {
            message = eventMessage(event);
        } catch (RuntimeException e) {
            callback.done(e, true);
            return true;
        }
        return send(message, callback);
    }

    private Exchange eventMessage(OssaCloudEvent event) {
        Exchange exchange = newExchange();
        if (binding.writesBatches()) {
            binding.writeBatch(List.of(event), exchange.getIn());
        } else {
            binding.writeEvent(event, exchange.getIn());
        }
        return exchange;
    }

    /** Writes a batch into a new sink message, ready for {@link #send(Exchange, SendCallback)}. */
    public Exchange batchMessage(List<OssaCloudEvent> events) {
        Exchange exchange = newExchange();
        binding.writeBatch(events, exchange.getIn());
        return exchange;
    }

    /**
     * Sends a message from {@link #batchMessage(List)}. A sink producer that answers later (Kafka's) is not waited
     * for: this returns false and {@code callback} runs when the sink has answered. Otherwise {@code callback} has run
     * on this thread when this returns true.
     */
    public boolean send(Exchange message, SendCallback callback) {
        AsyncProcessor current = asyncTarget;
        if (current == null) {
            callback.done(stopped(), true);
            return true;
        }
        try {
            return current.process(message, doneSync -> callback.done(failureOf(message), doneSync));
        } catch (Throwable e) {
            callback.done(thrown(e), true);
            return true;
        }
    }

    /** The outcome of a message sent by {@link #send(Exchange, SendCallback)}. */
    @FunctionalInterface
    public interface SendCallback {
        /**
         * @param failure  why the sink did not take the message, or null when it did
         * @param doneSync true when the send finished on the sending thread
         */
        void done(Exception failure, boolean doneSync);
    }

    private Exception failureOf(Exchange exchange) {
        Exception failure = exchange.getException();
        if (failure != null) {
            return binding.describeFailure(failure);
        }
        try {
            binding.checkReply(exchange);
            return null;
        } catch (RuntimeException e) {
            return e;
        }
    }

    private void send(Exchange exchange) throws Exception {
        Processor current = target;
        if (current == null) {
            throw stopped();
        }
        try {
            current.process(exchange);
        } catch (Throwable e) {
            exchange.setException(thrown(e));
        }
        Exception failure = failureOf(exchange);
        if (failure != null) {
            throw failure;
        }
    }

    /** What the sink's producer threw, an {@link Error} included, as an exception that names it. */
    private Exception thrown(Throwable e) {
        if (e instanceof Exception exception) {
            return exception;
        }
        return new SinkDeliveryException("The sink " + URISupport.sanitizeUri(sinkUri) + " threw " + e, e);
    }

    private IllegalStateException stopped() {
        return new IllegalStateException("The sink " + URISupport.sanitizeUri(sinkUri) + " is stopped: nothing was sent");
    }

    private Exchange newExchange() {
        return endpoint != null ? endpoint.createExchange() : new DefaultExchange(context);
    }

    @Override
    protected void doStart() throws Exception {
        if (SinkBindings.STDOUT.equals(sinkUri)) {
            target = new StdoutWriter();
        } else {
            endpoint = resolve();
            Producer producer = endpoint.createProducer();
            ServiceHelper.startService(producer);
            target = producer;
        }
        asyncTarget = AsyncProcessorConverterHelper.convert(target);
    }

    @Override
    protected void doStop() throws Exception {
        ServiceHelper.stopService(target);
        target = null;
        asyncTarget = null;
    }

    private Endpoint resolve() throws URISyntaxException {
        Map<String, Object> parameters = new HashMap<>(SinkBindings.endpointDefaults(sinkUri));
        if (!parameters.isEmpty()) {
            String query = URISupport.extractQuery(sinkUri);
            if (query != null) {
                parameters.keySet().removeAll(URISupport.parseQuery(query, true, true).keySet());
            }
        }
        try {
            return parameters.isEmpty() ? context.getEndpoint(sinkUri) : context.getEndpoint(sinkUri, parameters);
        } catch (NoSuchEndpointException | ResolveEndpointFailedException e) {
            String scheme = SinkBindings.scheme(sinkUri);
            if (context.hasComponent(scheme) == null && context.getComponent(scheme, false) == null) {
                throw new IllegalArgumentException("Sink '" + URISupport.sanitizeUri(sinkUri) + "' needs the Camel"
                        + " component for scheme '" + scheme + "' on the classpath, e.g. org.apache.camel:camel-"
                        + scheme, e);
            }
            throw e;
        }
    }

    @Override
    public String toString() {
        return "SinkSender[" + URISupport.sanitizeUri(sinkUri) + "]";
    }
}
