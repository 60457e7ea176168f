package dev.ossa.camel.events;

import java.util.List;
import java.util.Map;

import org.apache.camel.Exchange;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.Test;

import dev.ossa.camel.events.format.JsonEventFormat;
import io.cloudevents.CloudEvent;

import static dev.ossa.camel.events.CloudEventsJudge.JACKSON;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Routes written in the YAML DSL (long form: {@code to: {uri: ..., parameters: {...}}}) that use the component.
 */
class YamlRouteTest extends CamelTestSupport {

    private final RecordingSink sink = new RecordingSink("yaml-sink");

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return sink;
    }

    @Test
    void yamlRoutesEmitOssaEvents() throws Exception {
        try (CapturedLog warnings = new CapturedLog("org.apache.camel.dsl.yaml")) {
            PluginHelper.getRoutesLoader(context).loadRoutes(
                    ResourceHelper.resolveMandatoryResource(context, "classpath:routes/ossa-events-route.yaml"));
            assertEquals(List.of(), warnings.messages(), "the long form loads without warnings");
        }

        Exchange exchange = template.request("direct:yaml-tool-called",
                e -> e.getMessage().setBody(Map.of("tool", "weather.lookup", "city", "Lisbon")));

        RecordingSink.Received received = sink.await(1).get(0);
        assertEquals(Map.of(Exchange.CONTENT_TYPE, JsonEventFormat.EVENT_CONTENT_TYPE,
                "Authorization", "Bearer yaml-token"), received.headers());
        CloudEvent event = CloudEventsJudge.event(received.body());
        assertEquals(exchange.getMessage().getHeader(OssaEventsConstants.ID), event.getId());
        assertEquals("dev.ossa.tool.called", event.getType());
        assertEquals("/agents/yaml", event.getSource().toString());
        assertEquals("weather.lookup", event.getSubject());
        assertEquals("planner", event.getExtension("ossaagentid"));
        assertEquals("run-42", event.getExtension("ossainteractionid"));
        assertEquals("eu", event.getExtension("region"));
        assertEquals(JACKSON.valueToTree(Map.of("tool", "weather.lookup", "city", "Lisbon")),
                CloudEventsJudge.data(event));

        template.sendBody("direct:yaml-tool-failed", Map.of("error", "timeout"));
        RecordingSink.Received failed = sink.await(2).get(1);
        assertEquals(Map.of(Exchange.CONTENT_TYPE, JsonEventFormat.EVENT_CONTENT_TYPE, "X-Tenant", "acme"),
                failed.headers());
        assertEquals("dev.ossa.tool.failed", CloudEventsJudge.event(failed.body()).getType());
    }
}
