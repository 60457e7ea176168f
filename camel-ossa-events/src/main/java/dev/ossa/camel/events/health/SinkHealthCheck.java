package dev.ossa.camel.events.health;

import java.util.Map;

import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;

import dev.ossa.camel.events.delivery.DeliveryCounters;

/**
 * The health of one batch stream's sink, through Camel's health-check API: DOWN while the sink keeps failing (the
 * last delivery attempt failed and events wait), UP otherwise, also before anything was sent. A readiness check:
 * a sink that is down does not make the application need a restart. Details: {@code sink} (sanitised),
 * {@code pending}, {@code delivered}, {@code failed}, {@code dead-lettered}.
 */
public final class SinkHealthCheck extends AbstractHealthCheck {

    /** The group of every ossa-events check; their ids start with it. */
    public static final String GROUP = "ossa-events";

    private final String sink;
    private final DeliveryCounters counters;

    /**
     * @param id       unique within the CamelContext
     * @param sink     the sink URI with its secrets masked
     * @param counters the counts of the stream that feeds the sink
     */
    public SinkHealthCheck(String id, String sink, DeliveryCounters counters) {
        super(GROUP, id);
        this.sink = sink;
        this.counters = counters;
    }

    @Override
    public boolean isLiveness() {
        return false;
    }

    @Override
    protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
        long pending = counters.getPending();
        builder.detail("sink", sink);
        builder.detail("pending", pending);
        builder.detail("delivered", counters.getDelivered());
        builder.detail("failed", counters.getFailed());
        builder.detail("dead-lettered", counters.getDeadLettered());
        if (counters.isLastAttemptFailed() && pending > 0) {
            builder.message("The last delivery to " + sink + " failed and " + pending + " events wait");
            builder.down();
        } else {
            builder.up();
        }
    }
}
