package dev.ossa.camel.events.context;

import java.util.ArrayList;
import java.util.List;

import io.cloudevents.CloudEvent;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.ossa.camel.events.CloudEventsJudge;
import dev.ossa.camel.events.OssaEventsComponent;
import dev.ossa.camel.events.RecordingSink;
import dev.ossa.camel.events.binding.EmbeddedKafkaBroker;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The planner agent hands work to the booker agent through a real Kafka topic (camel-kafka, a broker in the test
 * JVM): the record carries the exchange's {@code traceparent} and {@code baggage} headers, which reach the consumer
 * as UTF-8 bytes, and the booker's events join the planner's trace.
 */
@ExtendWith(EmbeddedKafkaBroker.class)
class ScopesAcrossKafkaTest {

    private final List<CamelContext> contexts = new ArrayList<>();

    @AfterEach
    void stop() {
        contexts.forEach(CamelContext::stop);
    }

    private CamelContext start(String source, RecordingSink sink, RouteBuilder routes) throws Exception {
        CamelContext context = new DefaultCamelContext();
        contexts.add(context);
        OssaEventsComponent component = context.getComponent("ossa-events", OssaEventsComponent.class);
        component.getConfiguration().setSource(source);
        component.getConfiguration().setSink(sink.uri());
        context.addRoutes(sink);
        context.addRoutes(routes);
        context.start();
        return context;
    }

    @Test
    void theTraceCrossesAKafkaTopic() throws Exception {
        String topic = EmbeddedKafkaBroker.newTopic("agent-handoff", 1);
        String brokers = EmbeddedKafkaBroker.bootstrapServers();
        RecordingSink bookerSink = new RecordingSink("booker-events");
        start("/agents/booker", bookerSink, new RouteBuilder() {
            @Override
            public void configure() {
                from("kafka:" + topic + "?brokers=" + brokers + "&groupId=booker&autoOffsetReset=earliest"
                     + "&pollTimeoutMs=200").routeId("booker").routePolicyRef("ossaAgent")
                        .setBody(constant("{\"booked\":true}"));
            }
        });
        RecordingSink plannerSink = new RecordingSink("planner-events");
        CamelContext planner = start("/agents/planner", plannerSink, new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:planner").routeId("planner").routePolicyRef("ossaAgent")
                        .to("kafka:" + topic + "?brokers=" + brokers);
            }
        });

        planner.createProducerTemplate().sendBody("direct:planner", "{\"book\":\"Lisbon\"}");

        CloudEvent plannerStarted = CloudEventsJudge.event(plannerSink.await(2).get(0).body());
        List<CloudEvent> bookerEvents = bookerSink.await(2).stream()
                .map(received -> CloudEventsJudge.event(received.body())).toList();
        CloudEvent bookerStarted = bookerEvents.get(0);
        assertEquals("dev.ossa.agent.started", bookerStarted.getType());
        assertEquals(plannerStarted.getExtension("ossatraceid"), bookerStarted.getExtension("ossatraceid"));
        assertEquals(plannerStarted.getExtension("ossaspanid"), bookerStarted.getExtension("ossaparentspanid"));
        assertEquals(plannerStarted.getExtension("ossainteractionid"), bookerStarted.getExtension("ossainteractionid"));
        assertEquals("planner", bookerStarted.getExtension("ossaparentagentid"));
        assertEquals("booker", bookerStarted.getExtension("ossaagentid"));
    }
}
