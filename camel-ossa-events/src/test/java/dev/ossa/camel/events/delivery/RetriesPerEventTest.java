package dev.ossa.camel.events.delivery;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.ossa.camel.events.OssaEventsEndpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * In structured and binary modes each event is its own HTTP request, and has its own retry budget: against a
 * collector that refuses 30 % of requests, {@code maximumRedeliveries=5} gets every event through, each refused at
 * most a few times itself. The attempts are counted per event id from the requests the collector received;
 * {@code DeliveryDeadLetterTest} shows an always refused event tried exactly {@code 1 + maximumRedeliveries} times.
 */
class RetriesPerEventTest extends CamelTestSupport {

    private static final int EVENTS = 200;

    private final RecordingHttpSink sink = RecordingHttpSink.start();
    private final RecordingHttpSink deadLetter = RecordingHttpSink.start();

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:structured").to(ossa("dev.ossa.tool.called", "structured"));
                from("direct:binary").to(ossa("dev.ossa.tool.completed", "binary"));
            }
        };
    }

    private String ossa(String type, String mode) {
        return "ossa-events:" + type + "?source=/agents/flaky&mode=" + mode + "&batchSize=20&flushInterval=200"
               + "&maximumRedeliveries=5&redeliveryDelay=1&sink=" + sink.uri() + "&deadLetterUri=" + deadLetter.uri();
    }

    @AfterEach
    void stopCamelThenSinks() {
        context.stop();
        sink.close();
        deadLetter.close();
    }

    /** Refuses calls 3, 6 and 9 of every ten: 30 %, the same on every run. */
    private static int thirtyPercentRefused(int call) {
        int inTen = call % 10;
        return inTen == 3 || inTen == 6 || inTen == 9 ? 503 : 202;
    }

    @Test
    void structuredEventsAllGetThroughACollectorThatRefusesThirtyPercent() {
        everyEventGetsThrough("direct:structured", "tool.called");
    }

    @Test
    void binaryEventsAllGetThroughACollectorThatRefusesThirtyPercent() {
        everyEventGetsThrough("direct:binary", "tool.completed");
    }

    private void everyEventGetsThrough(String route, String typeFragment) {
        sink.answer(RetriesPerEventTest::thirtyPercentRefused);

        List<String> sent = EventSender.send(template, route, EVENTS);
        OssaEventsEndpoint endpoint = endpoint(typeFragment);
        context.stop();

        Map<String, Long> attempts = attemptsPerEvent();
        assertEquals(sent.size(), attempts.size(), "every event reached the collector");
        assertTrue(attempts.values().stream().allMatch(n -> n <= 6), "no event was tried more than 1 + 5 times: "
                                                                     + attempts);
        assertEquals(List.of(), deadLetter.requests(), "nothing dead-lettered");
        assertEquals(sent, sink.acceptedIds(), "each event accepted once, in order");
        assertEquals(EVENTS, endpoint.getEventsDelivered());
        assertEquals(0, endpoint.getEventsFailed());
    }

    private Map<String, Long> attemptsPerEvent() {
        return sink.requests().stream().flatMap(request -> request.events().stream())
                .collect(Collectors.groupingBy(event -> event.getId(), TreeMap::new, Collectors.counting()));
    }

    private OssaEventsEndpoint endpoint(String typeFragment) {
        return context.getEndpoints().stream().filter(e -> e.getEndpointUri().contains(typeFragment))
                .map(OssaEventsEndpoint.class::cast).findFirst().orElseThrow();
    }
}
