package dev.ossa.camel.events.context;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Route;
import org.apache.camel.StreamCache;
import org.apache.camel.support.RoutePolicySupport;

import dev.ossa.camel.events.OssaEventsConfiguration;
import dev.ossa.camel.events.OssaEventsConstants;

/**
 * Makes a route an agent, tool, turn or workflow scope: {@code routePolicyRef: ossaAgent} (or {@code ossaTool},
 * {@code ossaTurn}, {@code ossaWorkflow}), bound by {@link OssaScopesPlugin}. The scope's name, the subject of its
 * events, is the route property {@code ossa.name}, or the route id.
 * <p>
 * When an exchange enters, the scope gets its own span ({@link ScopeSpans}), puts its {@code traceparent} and
 * {@code baggage} on the exchange, and sends {@code started} with the body as data. When the exchange leaves, it sends
 * {@code completed} with the body, or {@code failed} with {@code {"error": {"type", "message"}}} when the exchange
 * carries an exception, both with {@code ossadurationms}; then it puts the parent's headers back. A body that cannot
 * be read twice (a stream that is not cached) is not read: that event has no data.
 */
public final class OssaScopePolicy extends RoutePolicySupport {

    /** Route property: the scope's name, when it is not the route id. */
    public static final String NAME_PROPERTY = "ossa.name";

    private static final String[] HEADERS = {
            OssaEventsConstants.TRACEPARENT, OssaEventsConstants.TRACESTATE, OssaEventsConstants.BAGGAGE };

    private final ScopeKind kind;
    private final ScopeEvents events;

    OssaScopePolicy(ScopeKind kind, ScopeEvents events) {
        this.kind = kind;
        this.events = events;
    }

    @Override
    public void onExchangeBegin(Route route, Exchange exchange) {
        Map<String, String> current = ExchangeTraceContext.resolve(exchange);
        OssaEventsConfiguration options = events.componentOptions();
        current.putIfAbsent(OssaEventsConstants.AGENT_ID_ATTRIBUTE, options.getAgentId());
        current.putIfAbsent(OssaEventsConstants.INTERACTION_ID_ATTRIBUTE, options.getInteractionId());
        current.values().removeIf(value -> value == null);
        Map<String, String> context = ScopeSpans.child(kind, name(route), current);

        Message message = exchange.getMessage();
        Map<String, Object> parentHeaders = new LinkedHashMap<>();
        for (String header : HEADERS) {
            parentHeaders.put(header, message.getHeader(header));
        }
        ScopeFrame scope = new ScopeFrame(kind, name(route), route.getRouteId(), context, System.nanoTime(),
                parentHeaders, exchange.getProperty(ScopeFrame.PROPERTY, ScopeFrame.class));
        exchange.setProperty(ScopeFrame.PROPERTY, scope);
        message.setHeader(OssaEventsConstants.TRACEPARENT, context.get(OssaEventsConstants.TRACEPARENT_ATTRIBUTE));
        setOrRemove(message, OssaEventsConstants.TRACESTATE, context.get(OssaEventsConstants.TRACESTATE_ATTRIBUTE));
        message.setHeader(OssaEventsConstants.BAGGAGE,
                OssaBaggage.parse(parentHeaders.get(OssaEventsConstants.BAGGAGE)).with(context).header());
        events.send(kind.started(), scope, readable(message.getBody()), null);
    }

    @Override
    public void onExchangeDone(Route route, Exchange exchange) {
        ScopeFrame scope = exchange.getProperty(ScopeFrame.PROPERTY, ScopeFrame.class);
        if (scope == null || !scope.routeId().equals(route.getRouteId())) {
            return;
        }
        long nanos = System.nanoTime() - scope.startNanos();
        int durationMs = (int) Math.min(Integer.MAX_VALUE, nanos / 1_000_000);
        Message message = exchange.getMessage();
        Exception failure = exchange.getException();
        if (failure != null) {
            events.send(kind.failed(), scope, error(failure), durationMs);
        } else {
            events.send(kind.completed(), scope, readable(message.getBody()), durationMs);
        }
        scope.parentHeaders().forEach((header, value) -> setOrRemove(message, header, value));
        if (scope.parent() != null) {
            exchange.setProperty(ScopeFrame.PROPERTY, scope.parent());
        } else {
            exchange.removeProperty(ScopeFrame.PROPERTY);
        }
    }

    private static String name(Route route) {
        Object name = route.getProperties().get(NAME_PROPERTY);
        return name != null ? name.toString() : route.getRouteId();
    }

    private static void setOrRemove(Message message, String header, Object value) {
        if (value != null) {
            message.setHeader(header, value);
        } else {
            message.removeHeader(header);
        }
    }

    /** The body, or for a cached stream its bytes (the stream is reset); null for a stream that is not cached. */
    private static Object readable(Object body) {
        if (body instanceof StreamCache cache) {
            try {
                ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                cache.reset();
                cache.writeTo(bytes);
                cache.reset();
                return bytes.toByteArray();
            } catch (IOException e) {
                return null;
            }
        }
        return body instanceof InputStream || body instanceof Reader ? null : body;
    }

    private static Map<String, Object> error(Exception failure) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("type", failure.getClass().getName());
        error.put("message", failure.getMessage());
        return Map.of("error", error);
    }
}
