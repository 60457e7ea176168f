package dev.ossa.camel.events.context;

import java.util.List;
import java.util.Map;

import io.cloudevents.CloudEvent;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.ossa.camel.events.CloudEventsJudge;
import dev.ossa.camel.events.OssaEventsEndpoint;
import dev.ossa.camel.events.RecordingSink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * An invalid {@code traceparent} is ignored and never fails the event; a {@code baggage} entry that is malformed is
 * skipped and the others are read. Each event still goes out, and the CloudEvents Java SDK reads it back.
 */
class InvalidTraceContextIsIgnoredTest extends CamelTestSupport {

    private static final String URI = "ossa-events:dev.ossa.tool.called?source=/agents/planner&sink=direct:sink";

    private final RecordingSink sink = new RecordingSink("sink");

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return sink;
    }

    private CloudEvent send(Map<String, Object> headers) throws Exception {
        int before = sink.received().size();
        template.sendBodyAndHeaders(URI, "{}", headers);
        return CloudEventsJudge.event(sink.await(before + 1).get(before).body());
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "00-4BF92F3577B34DA6A3CE929D0E0E4736-00F067AA0BA902B7-01", // upper case
            "00-00000000000000000000000000000000-00f067aa0ba902b7-01", // trace id all zeros
            "00-4bf92f3577b34da6a3ce929d0e0e4736-0000000000000000-01", // parent id all zeros
            "00-4bf92f3577b34da6a3ce929d0e0e473-00f067aa0ba902b7-01",  // trace id too short
            "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01-extra", // version 00 has nothing after
            "ff-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01", // version ff is forbidden
            "00_4bf92f3577b34da6a3ce929d0e0e4736_00f067aa0ba902b7_01", // separators
            "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-0g", // flags not hex
            "",
            "garbage\u0001"})
    void anInvalidTraceparentIsIgnored(String traceparent) throws Exception {
        CloudEvent event = send(Map.of("traceparent", traceparent, "tracestate", "vendor=abc",
                "baggage", "ossa.trace_id=from-baggage"));

        assertNull(event.getExtension("traceparent"));
        assertNull(event.getExtension("tracestate"), "tracestate only goes with a valid traceparent");
        assertEquals("from-baggage", event.getExtension("ossatraceid"), "the next source in line still counts");
        assertEquals(0, context.getEndpoint(URI, OssaEventsEndpoint.class).getEventsRejected());
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "01-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01",
            "cc-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01-what-the-future-adds"})
    void aLaterVersionIsReadAsW3cAsks(String traceparent) throws Exception {
        CloudEvent event = send(Map.of("traceparent", traceparent));

        assertEquals("4bf92f3577b34da6a3ce929d0e0e4736", event.getExtension("ossatraceid"));
        assertEquals("00f067aa0ba902b7", event.getExtension("ossaspanid"));
        assertEquals(traceparent, event.getExtension("traceparent"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "ossa.agent_id",                       // no '='
            "ossa.agent_id=",                      // empty value
            "ossa agent=x",                        // key is not a token
            "ossa.agent_id=a b",                   // space is not a baggage octet
            "ossa.agent_id=\"quoted\"",            // nor is '"'
            "ossa.agent_id=bad%2",                 // truncated escape
            "ossa.agent_id=bad%zz",                // escape not hex
            "ossa.agent_id=%C3%28",                // invalid UTF-8
            "ossa.agent_id=bell%07",               // a control character
            "=novalue"})
    void aMalformedBaggageEntryIsSkippedAndTheOthersAreRead(String entry) throws Exception {
        CloudEvent event = send(Map.of("baggage", " ossa.tenant_id=acme , " + entry + " ,ossa.workflow_id=w%C3%A9"));

        assertNull(event.getExtension("ossaagentid"));
        assertEquals("acme", event.getExtension("ossatenantid"));
        assertEquals("w\u00e9", event.getExtension("ossaworkflowid"), "percent-decoded UTF-8");
    }

    @ParameterizedTest
    @ValueSource(strings = {"list", "empty"})
    void severalBaggageHeadersAreOneList(String shape) throws Exception {
        Object header = shape.equals("list") ? List.of("ossa.agent_id=planner", "ossa.tenant_id=acme") : ",,";
        CloudEvent event = send(Map.of("baggage", header));

        assertEquals(shape.equals("list") ? "planner" : null, event.getExtension("ossaagentid"));
        assertEquals(shape.equals("list") ? "acme" : null, event.getExtension("ossatenantid"));
    }
}
