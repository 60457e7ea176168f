package dev.ossa.camel.events.health;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.camel.CamelContext;
import org.apache.camel.health.HealthCheckRegistry;

import dev.ossa.camel.events.delivery.DeliveryCounters;

/**
 * Registers {@link SinkHealthCheck}s in the CamelContext's health-check registry, where camel-main, Spring Boot's
 * actuator and Camel's own health endpoints read them: one per batch stream, and one per sink for the unbatched
 * endpoints that send to it. Their ids are {@code ossa-events:<sink>}, with {@code #2}, {@code #3} ... after a sink
 * that has a check already. Unregisters them when the component stops. Does nothing when the CamelContext has no
 * health-check registry.
 */
public final class SinkHealthChecks {

    private final List<SinkHealthCheck> registered = new ArrayList<>();
    private final Map<String, SinkHealthCheck> unbatchedBySink = new HashMap<>();

    /** Judges the sink by {@code counters}, in the check of its batch stream or of its unbatched endpoints. */
    public synchronized void register(CamelContext context, String sanitisedSink, DeliveryCounters counters,
                                      boolean batched) {
        HealthCheckRegistry registry = HealthCheckRegistry.get(context);
        if (registry == null) {
            return;
        }
        SinkHealthCheck check = batched ? null : unbatchedBySink.get(sanitisedSink);
        if (check == null) {
            String id = SinkHealthCheck.GROUP + ":" + sanitisedSink;
            for (int n = 2; registry.getCheck(id).isPresent(); n++) {
                id = SinkHealthCheck.GROUP + ":" + sanitisedSink + "#" + n;
            }
            check = new SinkHealthCheck(id, sanitisedSink, batched);
            check.setCamelContext(context);
            registry.register(check);
            registered.add(check);
            if (!batched) {
                unbatchedBySink.put(sanitisedSink, check);
            }
        }
        check.add(counters);
    }

    /** Removes every check this registered. */
    public synchronized void unregisterAll(CamelContext context) {
        HealthCheckRegistry registry = HealthCheckRegistry.get(context);
        if (registry != null) {
            registered.forEach(registry::unregister);
        }
        registered.clear();
        unbatchedBySink.clear();
    }
}
