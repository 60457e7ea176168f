package dev.ossa.camel.events.springboot;

import java.util.List;
import java.util.Map;

import io.cloudevents.CloudEvent;
import org.junit.jupiter.api.Test;

import dev.ossa.camel.events.OssaEventsComponent;
import dev.ossa.camel.events.OssaEventsConfiguration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every option comes from {@code application.yaml}: without the starter none would reach the component, and every
 * event would fail for want of a source.
 */
class EventsReachTheCollectorTest extends SpringBootAppTest {

    @Test
    void eventsConfiguredFromYamlReachARealHttpCollector() {
        for (int i = 0; i < 3; i++) {
            send("test.reach", Map.of("call", i));
        }
        await("3 events reach the collector", () -> CollectedEvents.ofType(COLLECTOR, "test.reach").size() == 3);

        List<CloudEvent> events = CollectedEvents.ofType(COLLECTOR, "test.reach");
        for (CloudEvent event : events) {
            assertEquals("/agents/spring-boot-test", event.getSource().toString());
            assertEquals("planner", event.getExtension("ossaagentid"));
            assertEquals("eu", event.getExtension("region"));
        }
        HttpCollector.Request request = COLLECTOR.requests().get(0);
        assertEquals("/events", request.path());
        assertTrue(request.contentType().startsWith("application/cloudevents+json"), request.contentType());
        assertEquals("Bearer s3cr3t-t0ken-for-tests", request.authorization(), "sink-headers.Authorization");
    }

    @Test
    void flushIntervalOfOneSecondSendsABatchThatIsNotFull() {
        OssaEventsConfiguration configuration = camelContext.getComponent("ossa-events", OssaEventsComponent.class)
                .getConfiguration();
        assertEquals(1000, configuration.getFlushInterval(), "flush-interval: 1s");
        assertEquals(100, configuration.getRedeliveryDelay(), "redelivery-delay: 100ms");
        assertEquals(50, configuration.getBatchSize());

        send("test.flush", Map.of("alone", true));

        await("the lone event of a batch of 50 leaves after flush-interval",
                () -> CollectedEvents.ofType(COLLECTOR, "test.flush").size() == 1);
    }
}
