package dev.ossa.camel.events.metrics;

import java.util.Set;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import org.apache.camel.CamelContext;

/**
 * Finds the application's {@link MeterRegistry} in the Camel registry (a Spring Boot application's beans, or a bean
 * bound in camel-main): the only one, or the composite one when there are several (Spring Boot's primary registry).
 * Touch this class only when Micrometer is on the classpath (an optional dependency of the component).
 */
public final class MeterRegistryLookup {

    private MeterRegistryLookup() {
    }

    /** The registry to use, or null when the application has none. */
    public static MeterRegistry find(CamelContext context) {
        Set<MeterRegistry> registries = context.getRegistry().findByType(MeterRegistry.class);
        if (registries.size() <= 1) {
            return registries.isEmpty() ? null : registries.iterator().next();
        }
        return registries.stream().filter(CompositeMeterRegistry.class::isInstance).findFirst()
                .orElse(registries.iterator().next());
    }
}
