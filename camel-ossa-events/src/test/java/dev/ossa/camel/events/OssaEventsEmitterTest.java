package dev.ossa.camel.events;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.camel.CamelContext;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.Test;

import dev.ossa.camel.events.event.InvalidCloudEventException;
import dev.ossa.camel.events.event.OssaCloudEvent;
import io.cloudevents.CloudEvent;

import static dev.ossa.camel.events.CloudEventsJudge.JACKSON;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The emitter for Java code without routes, used in try-with-resources on its own CamelContext or a given one.
 */
class OssaEventsEmitterTest extends CamelTestSupport {

    private final RecordingSink sink = new RecordingSink("emitter-sink");

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return sink;
    }

    @Test
    void ownContextPrintsToStdoutAndEmitReturnsTheEventSent() {
        List<OssaCloudEvent> sent = new ArrayList<>();
        CamelContext emitterContext;
        String out;
        try (CapturedStdout stdout = new CapturedStdout()) {
            try (OssaEventsEmitter emitter = OssaEventsEmitter.create(
                    "ossa-events:agent?source=/agents/planner&agentId=planner")) {
                emitterContext = emitter.getEndpoint().getCamelContext();
                sent.add(emitter.emit(OssaEventType.AGENT_STARTED, Map.of("goal", "plan a trip")));
                sent.add(emitter.emit("com.example.custom", "{\"n\":1}"));
                sent.add(emitter.emit(OssaEventType.TOOL_CALLED.type(), Map.of("tool", "search"),
                        Map.of(OssaEventsConstants.SUBJECT, "search", OssaEventsConstants.TRACE_ID, "trace-1")));
            }
            out = stdout.text();
        }
        assertTrue(emitterContext.isStopped(), "closing stops the context the emitter made");
        List<CloudEvent> printed = CloudEventsJudge.lines(out);
        assertEquals(3, printed.size(), out);
        for (int i = 0; i < 3; i++) {
            assertEquals(sent.get(i).getId(), printed.get(i).getId());
            assertEquals(sent.get(i).getType(), printed.get(i).getType());
            assertEquals("planner", printed.get(i).getExtension("ossaagentid"));
        }
        assertEquals("dev.ossa.agent.started", sent.get(0).getType());
        assertEquals("com.example.custom", sent.get(1).getType());
        assertEquals("search", sent.get(2).getSubject());
        assertEquals("trace-1", sent.get(2).getExtension("ossatraceid"));
        assertEquals(JACKSON.valueToTree(Map.of("goal", "plan a trip")), CloudEventsJudge.data(printed.get(0)));
    }

    @Test
    void closingDeliversEventsStillWaitingInABatch() {
        String out;
        try (CapturedStdout stdout = new CapturedStdout()) {
            try (OssaEventsEmitter emitter = OssaEventsEmitter.create(
                    "ossa-events:agent?source=/agents/planner&batchSize=100&flushInterval=600000")) {
                for (int i = 0; i < 5; i++) {
                    emitter.emit(OssaEventType.TURN_STARTED, i);
                }
            }
            out = stdout.text();
        }
        List<CloudEvent> printed = CloudEventsJudge.lines(out);
        assertEquals(5, printed.size(), out);
        for (int i = 0; i < 5; i++) {
            assertEquals(i, CloudEventsJudge.data(printed.get(i)).intValue());
        }
    }

    @Test
    void givenContextKeepsRunningAfterClose() throws Exception {
        OssaCloudEvent sent;
        try (OssaEventsEmitter emitter = OssaEventsEmitter.create(context,
                "ossa-events:agent?source=urn:ossa:agent:planner&sink=" + sink.uri())) {
            sent = emitter.emit(OssaEventType.WORKFLOW_COMPLETED, Map.of("status", "ok"));
        }
        assertTrue(context.isStarted(), "a given context is not the emitter's to stop");
        CloudEvent received = CloudEventsJudge.event(sink.await(1).get(0).body());
        assertEquals(sent.getId(), received.getId());
        assertEquals("dev.ossa.workflow.completed", received.getType());
        assertEquals("urn:ossa:agent:planner", received.getSource().toString());

        template.sendBody("ossa-events:after?source=/s&sink=" + sink.uri(), "still running");
        assertEquals(2, sink.await(2).size());
    }

    @Test
    void invalidEventThrowsAndSendsNothing() throws Exception {
        try (OssaEventsEmitter emitter = OssaEventsEmitter.create(context,
                "ossa-events:agent?source=/agents/planner&sink=" + sink.uri())) {
            InvalidCloudEventException e = assertThrows(InvalidCloudEventException.class,
                    () -> emitter.emit("dev.ossa.tool.called", "x", Map.of(OssaEventsConstants.EXTENSIONS,
                            Map.of("MyExt", "x"))));
            assertEquals("MyExt", e.getAttribute());
            emitter.emit(OssaEventType.TOOL_FAILED, "next");
        }
        List<RecordingSink.Received> received = sink.await(1);
        assertEquals(1, received.size());
        assertEquals("dev.ossa.tool.failed", CloudEventsJudge.event(received.get(0).body()).getType());
    }

    @Test
    void anEndpointOfAnotherComponentIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> OssaEventsEmitter.create(context, "direct:nope"));
    }
}
