package dev.ossa.camel.events;

import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;

import org.apache.camel.CamelContext;
import org.apache.camel.util.URISupport;

import dev.ossa.camel.events.delivery.DeliveryCounters;
import dev.ossa.camel.events.delivery.DeliveryListener;
import dev.ossa.camel.events.health.SinkHealthChecks;
import dev.ossa.camel.events.metrics.DeliveryMeters;
import dev.ossa.camel.events.metrics.MeterRegistryLookup;

/**
 * Watches the component's {@link DeliveryCounters}: a health check per batch stream and one per sink of unbatched
 * endpoints, and Micrometer meters per sink
 * when Micrometer is on the classpath and the application has a {@code MeterRegistry}. Each counters object is watched
 * once, however many endpoints share it.
 */
final class DeliveryMonitoring {

    private static final boolean MICROMETER_PRESENT = isPresent("io.micrometer.core.instrument.MeterRegistry");

    private final Set<DeliveryCounters> watched = Collections.newSetFromMap(new IdentityHashMap<>());
    private final SinkHealthChecks healthChecks = new SinkHealthChecks();
    private final Map<String, DeliveryMeters> metersBySink = new HashMap<>();

    synchronized void watch(CamelContext context, String sinkUri, DeliveryCounters counters, boolean batched) {
        if (!watched.add(counters)) {
            return;
        }
        String sink = URISupport.sanitizeUri(sinkUri);
        healthChecks.register(context, sink, counters, batched);
        DeliveryListener meters = meters(context, sink);
        if (meters != null) {
            counters.addListener(meters);
        }
    }

    private DeliveryListener meters(CamelContext context, String sink) {
        if (!MICROMETER_PRESENT) {
            return null;
        }
        DeliveryMeters meters = metersBySink.get(sink);
        if (meters == null) {
            var registry = MeterRegistryLookup.find(context);
            if (registry == null) {
                return null;
            }
            meters = new DeliveryMeters(registry, sink);
            metersBySink.put(sink, meters);
        }
        return meters;
    }

    /** Unregisters the health checks and removes the meters. */
    synchronized void stop(CamelContext context) {
        healthChecks.unregisterAll(context);
        metersBySink.values().forEach(DeliveryMeters::remove);
        metersBySink.clear();
        watched.clear();
    }

    private static boolean isPresent(String className) {
        try {
            Class.forName(className, false, DeliveryMonitoring.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }
}
