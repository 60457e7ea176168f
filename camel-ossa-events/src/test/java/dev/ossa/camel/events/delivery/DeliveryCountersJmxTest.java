package dev.ossa.camel.events.delivery;

import java.time.Duration;
import java.util.Map;
import java.util.Set;

import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;

import org.apache.camel.Exchange;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.ossa.camel.events.OssaEventsConstants;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * The endpoint's event counters, read as a monitoring tool would: attributes of its MBean on a real MBeanServer.
 */
class DeliveryCountersJmxTest extends CamelTestSupport {

    private final RecordingHttpSink sink = RecordingHttpSink.start();
    private final RecordingHttpSink deadLetter = RecordingHttpSink.start();

    @Override
    protected boolean useJmx() {
        return true;
    }

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:emit").routeId("emit")
                        .to("ossa-events:dev.ossa.tool.called?source=/agents/jmx&batchSize=5&flushInterval=60000"
                            + "&mode=batch&maximumRedeliveries=0&sink=" + sink.uri() + "&deadLetterUri="
                            + deadLetter.uri());
            }
        };
    }

    @AfterEach
    void stopCamelThenSinks() {
        context.stop();
        sink.close();
        deadLetter.close();
    }

    @Test
    void countersShowAcceptedDeliveredFailedDeadLetteredPendingAndRejectedEvents() throws Exception {
        sink.answer(call -> call == 1 ? 500 : 200);
        EventSender.send(template, "direct:emit", 12);
        Exchange invalid = template.send("direct:emit", e -> e.getIn().setHeader(OssaEventsConstants.SOURCE, ""));
        assertNotNull(invalid.getException());

        MBeanServer server = context.getManagementStrategy().getManagementAgent().getMBeanServer();
        ObjectName endpoint = ossaEventsMBean(server);
        Deadline.await(() -> counter(server, endpoint, "EventsDelivered") == 5
                             && counter(server, endpoint, "EventsDeadLettered") == 5,
                Duration.ofSeconds(20), () -> "counters now " + counters(server, endpoint));

        assertEquals(Map.of("EventsAccepted", 12L, "EventsRejected", 1L, "EventsDelivered", 5L, "EventsFailed", 5L,
                "EventsDeadLettered", 5L, "EventsPending", 2L, "EventsRecovered", 0L), counters(server, endpoint),
                "first batch dead-lettered, second delivered, two events still in the open batch");

        context.getRouteController().stopRoute("emit");

        assertEquals(Map.of("EventsAccepted", 12L, "EventsRejected", 1L, "EventsDelivered", 7L, "EventsFailed", 5L,
                "EventsDeadLettered", 5L, "EventsPending", 0L, "EventsRecovered", 0L), counters(server, endpoint),
                "stopping the route delivered the open batch");
    }

    private ObjectName ossaEventsMBean(MBeanServer server) throws JMException {
        Set<ObjectName> names = server.queryNames(new ObjectName("org.apache.camel:type=endpoints,*"), null);
        return names.stream().filter(n -> n.getKeyProperty("name").contains("ossa-events")).findFirst()
                .orElseThrow(() -> new AssertionError("No ossa-events endpoint MBean among " + names));
    }

    private static Map<String, Long> counters(MBeanServer server, ObjectName endpoint) {
        return Map.of("EventsAccepted", counter(server, endpoint, "EventsAccepted"),
                "EventsRejected", counter(server, endpoint, "EventsRejected"),
                "EventsDelivered", counter(server, endpoint, "EventsDelivered"),
                "EventsFailed", counter(server, endpoint, "EventsFailed"),
                "EventsDeadLettered", counter(server, endpoint, "EventsDeadLettered"),
                "EventsPending", counter(server, endpoint, "EventsPending"),
                "EventsRecovered", counter(server, endpoint, "EventsRecovered"));
    }

    private static long counter(MBeanServer server, ObjectName endpoint, String attribute) {
        try {
            return (Long) server.getAttribute(endpoint, attribute);
        } catch (JMException e) {
            throw new AssertionError("Cannot read " + attribute + " of " + endpoint, e);
        }
    }
}
