package dev.ossa.camel.events.binding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.apache.camel.Exchange;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.cloudevents.CloudEvent;

import dev.ossa.camel.events.binding.RecordingHttpServer.RecordedRequest;
import dev.ossa.camel.events.event.InvalidCloudEventException;

/**
 * The data is taken when the event is accepted, in the caller's exchange: batched ({@code batchSize=10}) to a real
 * HTTP collector, a body Jackson cannot write fails only its own caller, with an error naming {@code data} and the
 * cause, while the other 9 events arrive; and a map changed after each send arrives as it was when sent. The
 * CloudEvents Java SDK reads what the collector received.
 */
class BadBodyFailsOnlyItsExchangeTest extends CamelTestSupport {

    private final RecordingHttpServer server;

    BadBodyFailsOnlyItsExchangeTest() throws IOException {
        server = RecordingHttpServer.start();
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    @Override
    protected void bindToRegistry(org.apache.camel.spi.Registry registry) {
        registry.bind("plainMapper", new ObjectMapper());
    }

    /** A bean whose getter fails, as a lazy proxy does when its session is gone. */
    public static final class Sensor {
        public String getReading() {
            throw new IllegalStateException("sensor offline");
        }
    }

    /** A bean whose getter returns the bean itself. */
    public static final class Node {
        public String getName() {
            return "n";
        }

        public Node getSelf() {
            return this;
        }
    }

    static Stream<Arguments> badBodies() {
        return Stream.of(
                bad("an Instant without the JSR-310 module", "&objectMapper=#plainMapper",
                        () -> Map.of("at", Instant.EPOCH), "java.time.Instant"),
                bad("a getter that throws", "", Sensor::new, "java.lang.IllegalStateException: 'sensor offline'"),
                bad("a bean that refers to itself", "", Node::new, "self-reference"),
                bad("a map that contains itself", "", BadBodyFailsOnlyItsExchangeTest::selfContainingMap,
                        "nesting depth"),
                bad("nesting deeper than 1,000", "", () -> nested(1_001), "nesting depth"));
    }

    private static Arguments bad(String name, String options, Supplier<Object> body, String cause) {
        return Arguments.of(name, options, body, cause);
    }

    private static Map<String, Object> selfContainingMap() {
        Map<String, Object> map = new HashMap<>();
        map.put("me", map);
        return map;
    }

    private static Object nested(int depth) {
        Object value = "bottom";
        for (int i = 0; i < depth; i++) {
            value = List.of(value);
        }
        return value;
    }

    private String endpoint(String mode, String options) {
        return "ossa-events:dev.ossa.state.updated?source=/agents/planner&batchSize=10&flushInterval=300&mode=" + mode
               + "&sink=RAW(" + server.url("/events") + ")" + options;
    }

    @ParameterizedTest(name = "{0}, batch mode")
    @MethodSource("badBodies")
    void batchMode(String name, String options, Supplier<Object> body, String cause) throws Exception {
        nineOfTenArrive("batch", options, body, cause);
    }

    @ParameterizedTest(name = "{0}, structured mode")
    @MethodSource("badBodies")
    void structuredMode(String name, String options, Supplier<Object> body, String cause) throws Exception {
        nineOfTenArrive("structured", options, body, cause);
    }

    private void nineOfTenArrive(String mode, String options, Supplier<Object> badBody, String cause)
            throws Exception {
        List<Exchange> sent = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            int step = i;
            sent.add(template.send(endpoint(mode, options),
                    exchange -> exchange.getMessage().setBody(step == 4 ? badBody.get() : Map.of("step", step))));
        }

        InvalidCloudEventException e = assertInstanceOf(InvalidCloudEventException.class, sent.get(4).getException());
        assertEquals("data", e.getAttribute());
        assertTrue(e.getMessage().contains("cannot be written as JSON") || e.getMessage().contains("refers to itself"),
                e.getMessage());
        assertTrue(e.getMessage().toLowerCase().contains(cause.toLowerCase()), e.getMessage());
        assertTrue(e.getMessage().length() < 1_000, e.getMessage());
        for (int i = 0; i < 10; i++) {
            if (i != 4) {
                assertNull(sent.get(i).getException(), "exchange " + i);
            }
        }
        List<Integer> steps = new ArrayList<>();
        for (CloudEvent event : receivedEvents(mode, 9)) {
            steps.add(new ObjectMapper().readTree(event.getData().toBytes()).get("step").asInt());
        }
        assertEquals(List.of(0, 1, 2, 3, 5, 6, 7, 8, 9), steps.stream().sorted().toList());
    }

    @Test
    void oneMapSentThreeTimesArrivesAsItWasAtEachSend() throws Exception {
        Map<String, Object> state = new HashMap<>();
        for (int step = 1; step <= 3; step++) {
            state.put("step", step);
            template.sendBody(endpoint("batch", ""), state);
        }
        state.put("step", 99);

        List<Integer> steps = new ArrayList<>();
        for (CloudEvent event : receivedEvents("batch", 3)) {
            steps.add(new ObjectMapper().readTree(event.getData().toBytes()).get("step").asInt());
        }
        assertEquals(List.of(1, 2, 3), steps);
    }

    @Test
    void changesAfterEachSendChangeNothingThatIsSent() throws Exception {
        Map<String, Object> state = new HashMap<>();
        List<Exchange> sent = new ArrayList<>();
        for (int step = 1; step <= 50; step++) {
            state.put("step", step);
            sent.add(template.send(endpoint("structured", ""), exchange -> exchange.getMessage().setBody(state)));
            for (int k = 0; k < 100; k++) {
                state.put("noise" + k, step);
            }
            state.put("step", -step);
        }

        sent.forEach(exchange -> assertNull(exchange.getException()));
        List<Integer> steps = new ArrayList<>();
        for (CloudEvent event : receivedEvents("structured", 50)) {
            var data = new ObjectMapper().readTree(event.getData().toBytes());
            int step = data.get("step").asInt();
            steps.add(step);
            assertEquals(step == 1 ? 1 : 101, data.size(), "the keys the map had when event " + step + " was sent");
        }
        assertEquals(50, steps.size());
        assertEquals(java.util.stream.IntStream.rangeClosed(1, 50).boxed().toList(), steps.stream().sorted().toList());
    }

    /** Waits until the collector has {@code count} events, and reads them with the CloudEvents Java SDK. */
    private List<CloudEvent> receivedEvents(String mode, int count) throws Exception {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (eventsReceived(mode).size() < count && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        Thread.sleep(500); // anything beyond the expected events would show up by now
        List<CloudEvent> all = eventsReceived(mode);
        assertEquals(count, all.size(), "events the collector received");
        return all;
    }

    private List<CloudEvent> eventsReceived(String mode) throws IOException {
        List<CloudEvent> events = new ArrayList<>();
        for (RecordedRequest request : server.requests()) {
            if (mode.equals("batch")) {
                events.addAll(SdkEventReader.readBatch(request.body()));
            } else {
                events.add(SdkEventReader.read(request));
            }
        }
        return events;
    }
}
