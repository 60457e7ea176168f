package dev.ossa.camel.events;

import java.util.HashMap;
import java.util.Map;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.Producer;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.spi.LifecycleStrategy;
import org.apache.camel.support.LifecycleStrategySupport;
import org.apache.camel.support.service.ServiceHelper;
import org.apache.camel.RuntimeCamelException;

import dev.ossa.camel.events.event.OssaCloudEvent;

/**
 * Emits OSSA events from Java code that writes no routes. It sends through an {@code ossa-events:} endpoint, so every
 * option, batching rule and delivery guarantee of the component applies; closing it delivers every pending event and
 * stops what it started (its own CamelContext when it made one). Stopping the CamelContext it runs on delivers the
 * pending events too, first thing, while the sink is still running.
 *
 * <pre>{@code
 * try (OssaEventsEmitter emitter = OssaEventsEmitter.create("ossa-events:agent?source=/agents/planner&agentId=planner")) {
 *     OssaCloudEvent sent = emitter.emit(OssaEventType.AGENT_STARTED, Map.of("goal", "plan a trip"));
 * }
 * }</pre>
 * Thread-safe.
 */
public final class OssaEventsEmitter implements AutoCloseable {

    private final CamelContext context;
    private final boolean ownsContext;
    private final OssaEventsEndpoint endpoint;
    private final Producer producer;
    private final LifecycleStrategy stopWithContext = new LifecycleStrategySupport() {
        @Override
        public void onContextStopping(CamelContext stopping) {
            ServiceHelper.stopService(producer);
        }
    };

    private OssaEventsEmitter(CamelContext context, boolean ownsContext, String endpointUri) throws Exception {
        this.context = context;
        this.ownsContext = ownsContext;
        this.endpoint = context.getEndpoint(endpointUri, OssaEventsEndpoint.class);
        if (endpoint == null) {
            throw new IllegalArgumentException("Not an ossa-events endpoint: " + endpointUri);
        }
        this.producer = endpoint.createProducer();
        ServiceHelper.startService(producer);
        context.addLifecycleStrategy(stopWithContext);
    }

    /** An emitter on its own CamelContext, started now and stopped by {@link #close()}. */
    public static OssaEventsEmitter create(String endpointUri) {
        CamelContext context = new DefaultCamelContext();
        try {
            context.start();
            return new OssaEventsEmitter(context, true, endpointUri);
        } catch (Exception e) {
            context.stop();
            throw RuntimeCamelException.wrapRuntimeException(e);
        }
    }

    /** An emitter on a running CamelContext; {@link #close()} stops only the emitter's own producer. */
    public static OssaEventsEmitter create(CamelContext context, String endpointUri) {
        try {
            return new OssaEventsEmitter(context, false, endpointUri);
        } catch (Exception e) {
            throw RuntimeCamelException.wrapRuntimeException(e);
        }
    }

    /** Emits an event of an OSSA type with {@code data} as its body. */
    public OssaCloudEvent emit(OssaEventType type, Object data) {
        return emit(type.type(), data, Map.of());
    }

    /** Emits an event of any type with {@code data} as its body. */
    public OssaCloudEvent emit(String type, Object data) {
        return emit(type, data, Map.of());
    }

    /**
     * Emits an event with {@code data} as its body and {@code headers} as the exchange's headers (the component's
     * header names, e.g. {@code CamelCloudEventSubject} or {@code CamelOssaAgentId}).
     *
     * @return                                 the event as it was sent (or accepted into a batch)
     * @throws dev.ossa.camel.events.event.InvalidCloudEventException when the event breaks a CloudEvents rule
     */
    public OssaCloudEvent emit(String type, Object data, Map<String, Object> headers) {
        Exchange exchange = endpoint.createExchange();
        exchange.getIn().setHeaders(new HashMap<>(headers));
        exchange.getIn().setHeader(OssaEventsConstants.TYPE, type);
        exchange.getIn().setBody(data);
        try {
            producer.process(exchange);
        } catch (Exception e) {
            exchange.setException(e);
        }
        if (exchange.getException() != null) {
            throw RuntimeCamelException.wrapRuntimeException(exchange.getException());
        }
        return exchange.getProperty(OssaEventsConstants.EVENT_PROPERTY, OssaCloudEvent.class);
    }

    /** The endpoint this emitter sends through, e.g. for its counters. */
    public OssaEventsEndpoint getEndpoint() {
        return endpoint;
    }

    /** Delivers every pending event, then stops the emitter's producer and, if it made one, its CamelContext. */
    @Override
    public void close() {
        try {
            ServiceHelper.stopService(producer);
        } finally {
            context.getLifecycleStrategies().remove(stopWithContext);
            if (ownsContext) {
                context.stop();
            }
        }
    }
}
