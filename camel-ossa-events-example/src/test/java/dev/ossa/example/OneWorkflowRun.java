package dev.ossa.example;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.cloudevents.CloudEvent;
import io.cloudevents.SpecVersion;

import dev.ossa.camel.events.OssaEventType;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What one run of the example's workflow must have emitted, whatever the sink: the eleven OSSA types, each event a
 * CloudEvents 1.0 event with the four OSSA extensions, one interaction and one trace for the whole run, and the
 * booker agent's events (from the YAML route) beside the planner's and the orchestrator's (from the Java routes).
 */
final class OneWorkflowRun {

    /** The events of one run: 9 from the Java routes, 5 from the YAML route. */
    static final int EVENTS_PER_RUN = 14;
    private static final Set<String> FROM_YAML_ONLY = Set.of("dev.ossa.tool.failed", "dev.ossa.agent.failed");

    private OneWorkflowRun() {
    }

    static void assertComplete(List<CloudEvent> events) {
        assertEquals(EVENTS_PER_RUN, events.size(), () -> "events: " + types(events));
        Set<String> expectedTypes = Stream.of(OssaEventType.values()).map(OssaEventType::type)
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(expectedTypes, new TreeSet<>(types(events)));
        assertEquals(EVENTS_PER_RUN, events.stream().map(CloudEvent::getId).distinct().count(), "ids must be unique");

        for (CloudEvent event : events) {
            assertEquals(SpecVersion.V1, event.getSpecVersion());
            assertEquals("/examples/trip-planning", event.getSource().toString());
            assertEquals("application/json", event.getDataContentType());
            assertNotNull(event.getTime(), event.getType());
            assertNotNull(event.getData(), event.getType());
            for (String name : List.of("ossaagentid", "ossainteractionid", "ossatraceid", "ossaspanid")) {
                Object value = event.getExtension(name);
                assertTrue(value instanceof String text && !text.isEmpty(), event.getType() + " lacks " + name);
            }
            assertTrue(event.getExtension("ossatraceid").toString().matches("[0-9a-f]{32}"), event.getType());
            assertTrue(event.getExtension("ossaspanid").toString().matches("[0-9a-f]{16}"), event.getType());
        }
        assertEquals(1, events.stream().map(e -> e.getExtension("ossainteractionid")).distinct().count(),
                "one interaction per run");
        assertEquals(1, events.stream().map(e -> e.getExtension("ossatraceid")).distinct().count(),
                "one trace per run");
        assertEquals(Set.of("trip-orchestrator", "planner", "booker"),
                events.stream().map(e -> e.getExtension("ossaagentid").toString()).collect(Collectors.toSet()));
        for (CloudEvent event : events) {
            if (FROM_YAML_ONLY.contains(event.getType())) {
                assertEquals("booker", event.getExtension("ossaagentid"), "emitted by the YAML route");
            }
        }
    }

    static List<String> types(List<CloudEvent> events) {
        return events.stream().map(CloudEvent::getType).toList();
    }
}
