package dev.ossa.camel.events.context;

import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;

import io.cloudevents.CloudEvent;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServer;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServerConfiguration;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.ossa.camel.events.CloudEventsJudge;
import dev.ossa.camel.events.OssaEventsComponent;
import dev.ossa.camel.events.RecordingSink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/**
 * Two CamelContexts, each a plain {@code DefaultCamelContext} with no setup for scopes: the planner agent calls the
 * booker agent over real HTTP (camel-http to a platform-http consumer on Vert.x). The exchange's {@code traceparent}
 * and {@code baggage} headers cross the hop, so the booker's events join the planner's trace as a child of the
 * planner's span, with the planner as parent agent and the same interaction.
 */
class ScopesAcrossHttpTest {

    private final List<CamelContext> contexts = new ArrayList<>();

    @AfterEach
    void stop() {
        contexts.forEach(CamelContext::stop);
    }

    private CamelContext start(String source, RecordingSink sink, RouteBuilder routes, VertxPlatformHttpServer server)
            throws Exception {
        CamelContext context = new DefaultCamelContext();
        contexts.add(context);
        OssaEventsComponent component = context.getComponent("ossa-events", OssaEventsComponent.class);
        component.getConfiguration().setSource(source);
        component.getConfiguration().setSink(sink.uri());
        if (server != null) {
            context.addService(server);
        }
        context.addRoutes(sink);
        context.addRoutes(routes);
        context.start();
        return context;
    }

    @Test
    void theTraceCrossesTheHttpHop() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        VertxPlatformHttpServerConfiguration configuration = new VertxPlatformHttpServerConfiguration();
        configuration.setBindHost("127.0.0.1");
        configuration.setBindPort(port);
        RecordingSink bookerSink = new RecordingSink("booker-events");
        start("/agents/booker", bookerSink, new RouteBuilder() {
            @Override
            public void configure() {
                from("platform-http:/booker?httpMethodRestrict=POST").routeId("booker").routePolicyRef("ossaAgent")
                        .to("direct:hotels");
                from("direct:hotels").routeId("hotels.book").routePolicyRef("ossaTool")
                        .setBody(constant("{\"confirmation\":\"HTL-7\"}"));
            }
        }, new VertxPlatformHttpServer(configuration));

        RecordingSink plannerSink = new RecordingSink("planner-events");
        CamelContext planner = start("/agents/planner", plannerSink, new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:planner").routeId("planner").routePolicyRef("ossaAgent")
                        .setBody(constant("{\"book\":\"Lisbon\"}"))
                        .to("http://127.0.0.1:" + port + "/booker")
                        .convertBodyTo(String.class);
            }
        }, null);

        String answer = planner.createProducerTemplate().requestBody("direct:planner", "{\"goal\":\"trip\"}",
                String.class);
        assertEquals("{\"confirmation\":\"HTL-7\"}", answer);

        List<CloudEvent> plannerEvents = plannerSink.await(2).stream()
                .map(received -> CloudEventsJudge.event(received.body())).toList();
        List<CloudEvent> bookerEvents = bookerSink.await(4).stream()
                .map(received -> CloudEventsJudge.event(received.body())).toList();
        assertEquals(List.of("dev.ossa.agent.started", "dev.ossa.agent.completed"),
                plannerEvents.stream().map(CloudEvent::getType).toList());
        assertEquals(List.of("dev.ossa.agent.started", "dev.ossa.tool.called", "dev.ossa.tool.completed",
                "dev.ossa.agent.completed"), bookerEvents.stream().map(CloudEvent::getType).toList());

        CloudEvent plannerStarted = plannerEvents.get(0);
        CloudEvent bookerStarted = bookerEvents.get(0);
        Object trace = plannerStarted.getExtension("ossatraceid");
        for (CloudEvent event : bookerEvents) {
            assertEquals(trace, event.getExtension("ossatraceid"), "one trace across the hop: " + event.getType());
            assertEquals(plannerStarted.getExtension("ossainteractionid"), event.getExtension("ossainteractionid"));
            assertEquals("/agents/booker", event.getSource().toString());
        }
        assertEquals(plannerStarted.getExtension("ossaspanid"), bookerStarted.getExtension("ossaparentspanid"),
                "the booker's span is a child of the planner's, read from the traceparent header");
        assertNotEquals(plannerStarted.getExtension("ossaspanid"), bookerStarted.getExtension("ossaspanid"));
        assertEquals("booker", bookerStarted.getExtension("ossaagentid"));
        assertEquals("planner", bookerStarted.getExtension("ossaparentagentid"), "read from the baggage header");
        assertEquals(bookerStarted.getExtension("ossaspanid"), bookerEvents.get(1).getExtension("ossaparentspanid"));
    }
}
