package dev.ossa.camel.events.health;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;

import dev.ossa.camel.events.delivery.DeliveryCounters;

/**
 * The health of one sink, through Camel's health-check API: of one batch stream, or of every unbatched endpoint that
 * sends to the sink. DOWN while the sink keeps failing: its last delivery attempt failed and, when batched, events
 * wait for a retry. UP otherwise, also before anything was sent, and again once a delivery succeeds. A readiness
 * check: a sink that is down does not make the application need a restart. Details: {@code sink} (sanitised),
 * {@code pending}, {@code delivered}, {@code failed}, {@code dead-lettered}, {@code recovered}.
 */
public final class SinkHealthCheck extends AbstractHealthCheck {

    /** The group of every ossa-events check; their ids start with it. */
    public static final String GROUP = "ossa-events";

    private final String sink;
    private final boolean batched;
    private final List<DeliveryCounters> counters = new CopyOnWriteArrayList<>();

    /**
     * @param id      unique within the CamelContext
     * @param sink    the sink URI with its secrets masked
     * @param batched true for a batch stream, whose failed events wait for retries
     */
    public SinkHealthCheck(String id, String sink, boolean batched) {
        super(GROUP, id);
        this.sink = sink;
        this.batched = batched;
    }

    /** Judges the sink by these counts too. */
    void add(DeliveryCounters endpointCounters) {
        counters.add(endpointCounters);
    }

    @Override
    public boolean isLiveness() {
        return false;
    }

    @Override
    protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
        long pending = 0;
        long delivered = 0;
        long failed = 0;
        long deadLettered = 0;
        long recovered = 0;
        long lastFailedAt = 0;
        long lastDeliveredAt = 0;
        for (DeliveryCounters each : counters) {
            pending += each.getPending();
            delivered += each.getDelivered();
            failed += each.getFailed();
            deadLettered += each.getDeadLettered();
            recovered += each.getRecovered();
            lastFailedAt = latest(lastFailedAt, each.getLastFailedAt());
            lastDeliveredAt = latest(lastDeliveredAt, each.getLastDeliveredAt());
        }
        builder.detail("sink", sink);
        builder.detail("pending", pending);
        builder.detail("delivered", delivered);
        builder.detail("failed", failed);
        builder.detail("dead-lettered", deadLettered);
        builder.detail("recovered", recovered);
        boolean lastAttemptFailed = lastFailedAt != 0 && (lastDeliveredAt == 0 || lastFailedAt - lastDeliveredAt > 0);
        if (lastAttemptFailed && (!batched || pending > 0)) {
            builder.message(batched
                    ? "The last delivery to " + sink + " failed and " + pending + " events wait"
                    : "The last delivery to " + sink + " failed");
            builder.down();
        } else {
            builder.up();
        }
    }

    /** The later of two {@link System#nanoTime()} readings, 0 meaning never. */
    private static long latest(long a, long b) {
        if (a == 0 || b == 0) {
            return a == 0 ? b : a;
        }
        return a - b >= 0 ? a : b;
    }
}
