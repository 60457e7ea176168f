package dev.ossa.camel.events.context;

import org.apache.camel.CamelContext;
import org.apache.camel.spi.ContextServicePlugin;

/**
 * Binds the four scope route policies, {@code ossaAgent}, {@code ossaTool}, {@code ossaTurn} and {@code ossaWorkflow},
 * unless beans of those names exist. Camel finds it with Java's service loader when a CamelContext is built, where its
 * application class loader (or the system class loader) sees this jar; the {@code ossa-events} component also calls
 * {@link #bind} when it is created, which configuring its {@code source} does before the routes start.
 */
public final class OssaScopesPlugin implements ContextServicePlugin {

    @Override
    public void load(CamelContext context) {
        bind(context);
    }

    /** Binds the policies into the context's registry, once. */
    public static synchronized void bind(CamelContext context) {
        if (context.getRegistry().lookupByName(ScopeKind.AGENT.policyName()) instanceof OssaScopePolicy) {
            return;
        }
        ScopeEvents events = new ScopeEvents(context);
        try {
            context.addService(events, true, false);
        } catch (Exception e) {
            throw new IllegalStateException("Could not add the OSSA scope events service", e);
        }
        for (ScopeKind kind : ScopeKind.values()) {
            if (context.getRegistry().lookupByName(kind.policyName()) == null) {
                context.getRegistry().bind(kind.policyName(), new OssaScopePolicy(kind, events));
            }
        }
    }
}
