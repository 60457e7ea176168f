package dev.ossa.camel.events.context;

import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.support.DefaultExchange;
import org.apache.camel.support.service.ServiceSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.ossa.camel.events.OssaEventType;
import dev.ossa.camel.events.OssaEventsComponent;
import dev.ossa.camel.events.OssaEventsConfiguration;
import dev.ossa.camel.events.OssaEventsConstants;

/**
 * Sends a scope's lifecycle events through the context's {@code ossa-events} component, to the endpoint
 * {@code ossa-events:<type>}: the sink, mode, batching, validation and counters are the component's. Each event is an
 * exchange of its own, so the route's exchange is not changed. An event that cannot be sent does not fail the route:
 * it is counted on its endpoint like any other and logged at WARN.
 */
final class ScopeEvents extends ServiceSupport {

    private static final Logger LOG = LoggerFactory.getLogger(ScopeEvents.class);

    private final CamelContext context;
    private ProducerTemplate template;
    private volatile OssaEventsConfiguration options;

    ScopeEvents(CamelContext context) {
        this.context = context;
    }

    /** The component's options: {@code agentId} and {@code interactionId} are the fallbacks of a scope's context. */
    OssaEventsConfiguration componentOptions() {
        OssaEventsConfiguration current = options;
        if (current == null) {
            current = context.getComponent("ossa-events", OssaEventsComponent.class).getConfiguration();
            options = current;
        }
        return current;
    }

    /**
     * @param data       the event's body
     * @param durationMs how long the scope took, or null on {@code started}
     */
    void send(OssaEventType type, ScopeFrame scope, Object data, Integer durationMs) {
        Exchange event = new DefaultExchange(context);
        Message message = event.getMessage();
        OssaEventsConstants.OSSA_EXTENSION_HEADERS.forEach((attribute, header) -> {
            if (scope.context().get(attribute) != null) {
                message.setHeader(header, scope.context().get(attribute));
            }
        });
        Map<String, Object> extensions = new LinkedHashMap<>();
        extensions.put(OssaEventsConstants.TRACEPARENT_ATTRIBUTE,
                scope.context().get(OssaEventsConstants.TRACEPARENT_ATTRIBUTE));
        if (scope.context().get(OssaEventsConstants.TRACESTATE_ATTRIBUTE) != null) {
            extensions.put(OssaEventsConstants.TRACESTATE_ATTRIBUTE,
                    scope.context().get(OssaEventsConstants.TRACESTATE_ATTRIBUTE));
        }
        if (durationMs != null) {
            extensions.put(OssaEventsConstants.DURATION_ATTRIBUTE, durationMs);
        }
        message.setHeader(OssaEventsConstants.EXTENSIONS, extensions);
        message.setHeader(OssaEventsConstants.SUBJECT, scope.name());
        message.setBody(data);
        template().send(type.uri(), event);
        if (event.getException() != null) {
            LOG.warn("The {} event of {} scope {} was not sent: {}", type, scope.kind().name().toLowerCase(java.util.Locale.ROOT),
                    scope.name(), event.getException().getMessage());
        }
    }

    private synchronized ProducerTemplate template() {
        if (template == null) {
            template = context.createProducerTemplate();
        }
        return template;
    }

    @Override
    protected synchronized void doStop() throws Exception {
        if (template != null) {
            template.stop();
            template = null;
        }
    }
}
