package dev.ossa.camel.events.context;

import java.util.List;

import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;

import dev.ossa.camel.events.CapturedLog;
import dev.ossa.camel.events.OssaEventsEndpoint;
import dev.ossa.camel.events.RecordingSink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A scope's events are validated like any other: here the component has no {@code source}, so both events of the tool
 * scope are invalid. They are counted as rejected on their endpoints and logged at WARN with the rule they broke, and
 * the route itself runs and answers as it would without the scope.
 */
class ScopeEventsNeverFailTheRouteTest {

    @Test
    void invalidScopeEventsAreCountedAndLoggedAndTheRouteGoesOn() throws Exception {
        RecordingSink sink = new RecordingSink("sink");
        try (CamelContext context = new DefaultCamelContext();
             CapturedLog warnings = new CapturedLog(ScopeEvents.class.getName())) {
            context.getComponent("ossa-events", dev.ossa.camel.events.OssaEventsComponent.class).getConfiguration()
                    .setSink(sink.uri());
            context.addRoutes(sink);
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:tool").routeId("search").routePolicyRef("ossaTool").setBody(constant("found"));
                }
            });
            context.start();

            assertEquals("found", context.createProducerTemplate().requestBody("direct:tool", "query"));

            assertEquals(1, context.getEndpoint("ossa-events:dev.ossa.tool.called", OssaEventsEndpoint.class)
                    .getEventsRejected());
            assertEquals(1, context.getEndpoint("ossa-events:dev.ossa.tool.completed", OssaEventsEndpoint.class)
                    .getEventsRejected());
            assertEquals(List.of(), sink.received());
            List<String> messages = warnings.messages();
            assertEquals(2, messages.size(), messages.toString());
            assertTrue(messages.get(0).contains("dev.ossa.tool.called event of tool scope search was not sent")
                       && messages.get(0).contains("'source': is required"), messages.get(0));
        }
    }
}
