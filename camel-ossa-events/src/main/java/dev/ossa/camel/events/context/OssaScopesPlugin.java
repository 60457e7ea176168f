package dev.ossa.camel.events.context;

import org.apache.camel.CamelContext;
import org.apache.camel.spi.ContextServicePlugin;

/**
 * Found by Camel on the classpath (Java's service loader) when any CamelContext is built: binds the four scope route
 * policies, {@code ossaAgent}, {@code ossaTool}, {@code ossaTurn} and {@code ossaWorkflow}, unless beans of those
 * names exist, so that routes declare scopes with no setup in camel-main, Spring Boot or a plain CamelContext.
 */
public final class OssaScopesPlugin implements ContextServicePlugin {

    @Override
    public void load(CamelContext context) {
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
