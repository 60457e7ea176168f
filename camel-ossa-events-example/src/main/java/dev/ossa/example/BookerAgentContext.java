package dev.ossa.example;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import org.apache.camel.CamelContext;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServer;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServerConfiguration;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.spi.Resource;
import org.apache.camel.support.LifecycleStrategySupport;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;

import dev.ossa.camel.events.OssaEventsComponent;
import dev.ossa.camel.events.OssaEventsConfiguration;

/**
 * The booker agent as a second CamelContext, standing for an agent that runs in a process of its own: it serves the
 * routes of {@code booker/booker-agent.yaml} over HTTP on {@code 127.0.0.1:example.booker.port} (platform-http on
 * Vert.x), and sends its events with the orchestrator's event settings (sink, mode, batching) but no agent id of the
 * orchestrator's. It starts before the orchestrator's routes and stops before them, so that its last events reach a
 * receiver that is still running.
 */
final class BookerAgentContext extends LifecycleStrategySupport {

    private final CamelContext orchestrator;
    private final int port;
    private CamelContext booker;

    BookerAgentContext(CamelContext orchestrator, int port) {
        this.orchestrator = orchestrator;
        this.port = port;
    }

    @Override
    public void onContextStarting(CamelContext context) {
        booker = new DefaultCamelContext();
        booker.getCamelContextExtension().setName("booker-agent");
        OssaEventsConfiguration events = orchestrator.getComponent("ossa-events", OssaEventsComponent.class)
                .getConfiguration().copy();
        events.setAgentId(null);
        booker.getComponent("ossa-events", OssaEventsComponent.class).setConfiguration(events);
        booker.getRegistry().bind("tools", new SimulatedTools());
        VertxPlatformHttpServerConfiguration http = new VertxPlatformHttpServerConfiguration();
        http.setBindHost("127.0.0.1");
        http.setBindPort(port);
        try {
            booker.addService(new VertxPlatformHttpServer(http));
            PluginHelper.getRoutesLoader(booker).loadRoutes(forThisCamel(
                    ResourceHelper.resolveMandatoryResource(booker, "classpath:booker/booker-agent.yaml")));
        } catch (Exception e) {
            throw new IllegalStateException("The booker agent could not start: " + e.getMessage(), e);
        }
        booker.start();
    }

    /** Camel 4.18's YAML DSL names the route's {@code routePolicyRef} key {@code routePolicy}. */
    private Resource forThisCamel(Resource routes) throws IOException {
        if (!booker.getVersion().startsWith("4.18.")) {
            return routes;
        }
        try (InputStream in = routes.getInputStream()) {
            String yaml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return ResourceHelper.fromString(routes.getLocation(), yaml.replace("routePolicyRef:", "routePolicy:"));
        }
    }

    @Override
    public void onContextStopping(CamelContext context) {
        if (booker != null) {
            booker.stop();
        }
    }
}
