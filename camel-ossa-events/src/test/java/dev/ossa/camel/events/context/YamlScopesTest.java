package dev.ossa.camel.events.context;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import io.cloudevents.CloudEvent;
import org.apache.camel.CamelContext;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.spi.Resource;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.Test;

import dev.ossa.camel.events.CapturedLog;
import dev.ossa.camel.events.CloudEventsJudge;
import dev.ossa.camel.events.OssaEventsComponent;
import dev.ossa.camel.events.OssaEventsMode;
import dev.ossa.camel.events.RecordingSink;

import static dev.ossa.camel.events.CloudEventsJudge.JACKSON;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * Scopes declared in the YAML DSL with {@code routePolicyRef: ossaWorkflow} (and {@code ossaAgent},
 * {@code ossaTool}), named by their route ids; their events take the component's options, here batch mode with
 * batches of six, so the six events of one run arrive as one JSON array that the CloudEvents Java SDK reads. On Camel
 * 4.18 the key is {@code routePolicy}.
 */
class YamlScopesTest extends CamelTestSupport {

    private final RecordingSink sink = new RecordingSink("yaml-scopes-sink");

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        OssaEventsComponent component = context.getComponent("ossa-events", OssaEventsComponent.class);
        component.getConfiguration().setSource("/agents/yaml");
        component.getConfiguration().setSink(sink.uri());
        component.getConfiguration().setMode(OssaEventsMode.batch);
        component.getConfiguration().setBatchSize(6);
        component.getConfiguration().setAgentId("orchestrator");
        return context;
    }

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return sink;
    }

    /** Camel 4.18's YAML DSL names the route's {@code routePolicyRef} key {@code routePolicy}. */
    private Resource forThisCamel(Resource routes) throws Exception {
        if (!context.getVersion().startsWith("4.18.")) {
            return routes;
        }
        try (InputStream in = routes.getInputStream()) {
            String yaml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return ResourceHelper.fromString(routes.getLocation(), yaml.replace("routePolicyRef:", "routePolicy:"));
        }
    }

    @Test
    void yamlRoutesAreScopesThroughTheComponentsBatches() throws Exception {
        try (CapturedLog warnings = new CapturedLog("org.apache.camel.dsl.yaml")) {
            PluginHelper.getRoutesLoader(context).loadRoutes(forThisCamel(
                    ResourceHelper.resolveMandatoryResource(context, "classpath:routes/ossa-scopes-route.yaml")));
            assertEquals(List.of(), warnings.messages(), "the long form loads without warnings");
        }

        template.sendBody("direct:yaml-workflow", "{\"trip\": \"Lisbon\"}");

        List<CloudEvent> events = CloudEventsJudge.batch(sink.await(1).get(0).body());
        assertEquals(List.of("dev.ossa.workflow.started", "dev.ossa.agent.started", "dev.ossa.tool.called",
                "dev.ossa.tool.completed", "dev.ossa.agent.completed", "dev.ossa.workflow.completed"),
                events.stream().map(CloudEvent::getType).toList());
        assertEquals(List.of("trip-planning", "booker", "hotels.book", "hotels.book", "booker", "trip-planning"),
                events.stream().map(CloudEvent::getSubject).toList());
        assertEquals(List.of("orchestrator", "booker", "booker", "booker", "booker", "orchestrator"),
                events.stream().map(e -> e.getExtension("ossaagentid")).toList(), "the agent scope names its agent");
        assertEquals("orchestrator", events.get(1).getExtension("ossaparentagentid"), "the agent that called it");
        assertNull(events.get(0).getExtension("ossaparentagentid"));
        for (CloudEvent event : events) {
            assertEquals("trip-planning", event.getExtension("ossaworkflowid"), event.getType());
            assertEquals(events.get(0).getExtension("ossatraceid"), event.getExtension("ossatraceid"));
            assertEquals("/agents/yaml", event.getSource().toString());
        }
        assertEquals(events.get(0).getExtension("ossaspanid"), events.get(1).getExtension("ossaparentspanid"));
        assertEquals(events.get(1).getExtension("ossaspanid"), events.get(2).getExtension("ossaparentspanid"));
        assertEquals(JACKSON.readTree("{\"trip\": \"Lisbon\"}"), CloudEventsJudge.data(events.get(0)));
        assertEquals(JACKSON.readTree("{\"confirmation\": \"HTL-1\"}"), CloudEventsJudge.data(events.get(3)));
        assertEquals(JACKSON.readTree("{\"status\": \"done\"}"), CloudEventsJudge.data(events.get(5)));
    }
}
