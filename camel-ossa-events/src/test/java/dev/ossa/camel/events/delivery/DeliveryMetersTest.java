package dev.ossa.camel.events.delivery;

import java.time.Duration;
import java.util.Map;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.camel.Exchange;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.spi.Registry;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.ossa.camel.events.OssaEventsConstants;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Micrometer meters of the {@code metrics} package, registered in the application's {@code MeterRegistry} (here
 * a bean in the Camel registry, as camel-main binds one), counting what real HTTP sinks took and refused. The JMX
 * counters stay beside them ({@link DeliveryCountersJmxTest}).
 */
class DeliveryMetersTest extends CamelTestSupport {

    private final MeterRegistry meters = new SimpleMeterRegistry();
    private final RecordingHttpSink taking = RecordingHttpSink.start();
    private final RecordingHttpSink refusing = RecordingHttpSink.start();

    @Override
    protected void bindToRegistry(Registry registry) {
        registry.bind("meterRegistry", meters);
    }

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:batched").to("ossa-events:dev.ossa.tool.called?source=/agents/meters&batchSize=10"
                                          + "&flushInterval=100&maximumRedeliveries=-1&redeliveryDelay=50&sink="
                                          + taking.uri());
                from("direct:refused").to("ossa-events:dev.ossa.tool.failed?source=/agents/meters&batchSize=10"
                                          + "&flushInterval=100&maximumRedeliveries=0&deadLetterUri=mock:dead&sink="
                                          + refusing.uri());
            }
        };
    }

    @AfterEach
    void stopCamelThenSinks() {
        context.stop();
        taking.close();
        refusing.close();
    }

    @Test
    void countersGaugeAndTimerPerSinkAndEventType() throws Exception {
        String sink = "http://127.0.0.1:" + taking.port() + "/events";
        taking.answer(call -> call == 1 ? 503 : 200);
        EventSender.send(template, "direct:batched", 3);
        template.send("direct:batched", e -> {
            e.getIn().setHeader(OssaEventsConstants.TYPE, "dev.ossa.tool.completed");
            e.getIn().setBody(Map.of("done", true));
        });
        Exchange invalid = template.send("direct:batched", e -> e.getIn().setHeader(OssaEventsConstants.SOURCE, ""));
        assertNotNull(invalid.getException());

        Deadline.await(() -> count("ossa.events.delivered", sink, "dev.ossa.tool.called") == 3
                             && count("ossa.events.delivered", sink, "dev.ossa.tool.completed") == 1,
                Duration.ofSeconds(20), () -> "meters now " + meters.getMeters().stream().map(Meter::getId).toList());

        assertEquals(3, count("ossa.events.accepted", sink, "dev.ossa.tool.called"));
        assertEquals(1, count("ossa.events.accepted", sink, "dev.ossa.tool.completed"));
        assertEquals(1, count("ossa.events.rejected", sink, "dev.ossa.tool.called"), "the endpoint's type");
        assertEquals(0, count("ossa.events.failed", sink, "dev.ossa.tool.called"), "the 503 was retried");
        assertEquals(0, gauge(sink, "dev.ossa.tool.called"));
        Timer delivery = meters.get("ossa.events.delivery").tags("sink", sink, "type", "dev.ossa.tool.called").timer();
        assertEquals(3, delivery.count());
        assertTrue(delivery.totalTime(java.util.concurrent.TimeUnit.NANOSECONDS) > 0);
    }

    @Test
    void failedAndDeadLetteredEventsAreCounted() throws Exception {
        String sink = "http://127.0.0.1:" + refusing.port() + "/events";
        refusing.answer(call -> 500);
        MockEndpoint dead = getMockEndpoint("mock:dead");
        dead.expectedMessageCount(1);
        EventSender.send(template, "direct:refused", 2);
        dead.assertIsSatisfied(20_000);

        Deadline.await(() -> count("ossa.events.dead.lettered", sink, "dev.ossa.tool.failed") == 2,
                Duration.ofSeconds(20), () -> "meters now " + meters.getMeters().stream().map(Meter::getId).toList());
        assertEquals(2, count("ossa.events.failed", sink, "dev.ossa.tool.failed"));
        assertEquals(0, count("ossa.events.delivered", sink, "dev.ossa.tool.failed"));
        assertEquals(0, gauge(sink, "dev.ossa.tool.failed"));
    }

    @Test
    void stoppingTheContextRemovesTheMeters() {
        EventSender.send(template, "direct:batched", 1);
        assertTrue(meters.getMeters().stream().anyMatch(m -> m.getId().getName().startsWith("ossa.events.")));

        context.stop();

        assertTrue(meters.getMeters().stream().noneMatch(m -> m.getId().getName().startsWith("ossa.events.")),
                meters.getMeters().stream().map(Meter::getId).toList().toString());
    }

    private double count(String name, String sink, String type) {
        var counter = meters.find(name).tags("sink", sink, "type", type).counter();
        return counter == null ? 0 : counter.count();
    }

    private double gauge(String sink, String type) {
        return meters.get("ossa.events.pending").tags("sink", sink, "type", type).gauge().value();
    }
}
