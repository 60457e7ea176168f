package dev.ossa.camel.events.health;

import java.util.ArrayList;
import java.util.List;

import org.apache.camel.CamelContext;
import org.apache.camel.health.HealthCheckRegistry;

import dev.ossa.camel.events.delivery.DeliveryCounters;

/**
 * Registers a {@link SinkHealthCheck} per batch stream in the CamelContext's health-check registry, where camel-main,
 * Spring Boot's actuator and Camel's own health endpoints read it; unregisters them when the component stops. Does
 * nothing when the CamelContext has no health-check registry.
 */
public final class SinkHealthChecks {

    private final List<SinkHealthCheck> registered = new ArrayList<>();

    /** Registers a check for the stream that {@code counters} counts, with the id {@code ossa-events:<sink>}. */
    public synchronized void register(CamelContext context, String sanitisedSink, DeliveryCounters counters) {
        HealthCheckRegistry registry = HealthCheckRegistry.get(context);
        if (registry == null) {
            return;
        }
        String id = SinkHealthCheck.GROUP + ":" + sanitisedSink;
        for (int n = 2; registry.getCheck(id).isPresent(); n++) {
            id = SinkHealthCheck.GROUP + ":" + sanitisedSink + "#" + n;
        }
        SinkHealthCheck check = new SinkHealthCheck(id, sanitisedSink, counters);
        check.setCamelContext(context);
        registry.register(check);
        registered.add(check);
    }

    /** Removes every check this registered. */
    public synchronized void unregisterAll(CamelContext context) {
        HealthCheckRegistry registry = HealthCheckRegistry.get(context);
        if (registry != null) {
            registered.forEach(registry::unregister);
        }
        registered.clear();
    }
}
