package dev.ossa.example;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import io.cloudevents.CloudEvent;
import io.cloudevents.SpecVersion;
import io.cloudevents.core.extensions.DistributedTracingExtension;
import io.cloudevents.core.provider.ExtensionProvider;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What one run of the example's workflow must have emitted, whatever the sink: the eleven OSSA types, each event a
 * CloudEvents 1.0 event with the OSSA extensions, one interaction and one trace for the whole run, spans that form one
 * tree, and the booker agent's events (from the YAML routes of the second CamelContext, reached over HTTP) in that
 * tree beside the planner's and the orchestrator's (from the Java routes).
 */
final class OneWorkflowRun {

    /** The events of one run: 9 from the Java routes, 5 from the YAML routes of the booker. */
    static final int EVENTS_PER_RUN = 14;
    static final Set<String> OSSA_TYPES = Set.of("dev.ossa.agent.started", "dev.ossa.agent.completed",
            "dev.ossa.agent.failed", "dev.ossa.tool.called", "dev.ossa.tool.completed", "dev.ossa.tool.failed",
            "dev.ossa.turn.started", "dev.ossa.turn.completed", "dev.ossa.state.updated", "dev.ossa.workflow.started",
            "dev.ossa.workflow.completed");
    private static final Set<String> FROM_YAML_ONLY = Set.of("dev.ossa.tool.failed", "dev.ossa.agent.failed");

    private OneWorkflowRun() {
    }

    static void assertComplete(List<CloudEvent> events) {
        assertEquals(EVENTS_PER_RUN, events.size(), () -> "events: " + types(events));
        assertEquals(new TreeSet<>(OSSA_TYPES), new TreeSet<>(types(events)));
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
            DistributedTracingExtension tracing = ExtensionProvider.getInstance()
                    .parseExtension(DistributedTracingExtension.class, event);
            assertEquals("00-" + event.getExtension("ossatraceid") + "-" + event.getExtension("ossaspanid") + "-01",
                    tracing.getTraceparent(), event.getType());
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
        assertOneSpanTree(events);
    }

    /**
     * Every span but the workflow's has a parent span that is in the run, and following parents from any span ends at
     * the workflow's span. The booker's agent span is a child of the workflow's span, across the HTTP hop.
     */
    private static void assertOneSpanTree(List<CloudEvent> events) {
        Map<String, String> parents = new HashMap<>();
        for (CloudEvent event : events) {
            Object parent = event.getExtension("ossaparentspanid");
            String span = event.getExtension("ossaspanid").toString();
            if (parent != null) {
                String previous = parents.put(span, parent.toString());
                assertTrue(previous == null || previous.equals(parent.toString()), "one parent per span: " + span);
            }
        }
        String root = spanOf(events, "dev.ossa.workflow.started", "trip-orchestrator");
        assertTrue(!parents.containsKey(root), "the workflow's span is the root");
        Set<String> spans = events.stream().map(e -> e.getExtension("ossaspanid").toString())
                .collect(Collectors.toSet());
        assertEquals(6, spans.size(), "spans: workflow, planner, planner's turn, forecast, booker, booking");
        for (String span : spans) {
            String current = span;
            for (int depth = 0; !current.equals(root); depth++) {
                assertTrue(depth < spans.size(), "a cycle from " + span);
                current = parents.get(current);
                assertTrue(current != null && spans.contains(current), "span " + span + " does not reach the root");
            }
        }
        CloudEvent bookerStarted = events.stream().filter(e -> e.getType().equals("dev.ossa.agent.started")
                && "booker".equals(e.getExtension("ossaagentid"))).findFirst().orElseThrow();
        assertEquals(root, bookerStarted.getExtension("ossaparentspanid"), "the booker is called by the workflow");
        assertEquals("trip-orchestrator", bookerStarted.getExtension("ossaparentagentid"));
    }

    private static String spanOf(List<CloudEvent> events, String type, String agent) {
        return events.stream().filter(e -> e.getType().equals(type) && agent.equals(e.getExtension("ossaagentid")))
                .findFirst().orElseThrow().getExtension("ossaspanid").toString();
    }

    static List<String> types(List<CloudEvent> events) {
        return events.stream().map(CloudEvent::getType).toList();
    }
}
