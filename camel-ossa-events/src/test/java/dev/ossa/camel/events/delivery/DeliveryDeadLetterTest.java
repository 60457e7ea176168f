package dev.ossa.camel.events.delivery;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.apache.logging.log4j.Level;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.cloudevents.CloudEvent;

import dev.ossa.camel.events.OssaEventsEndpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A batch the sink keeps refusing is attempted exactly {@code 1 + maximumRedeliveries} times, then goes whole to the
 * dead-letter endpoint; without one (or when that fails too) its event ids are logged at ERROR. Either way the events
 * are counted as failed, never dropped without a trace.
 */
class DeliveryDeadLetterTest extends CamelTestSupport {

    private static final Logger LOG = LoggerFactory.getLogger(DeliveryDeadLetterTest.class);
    private static final String DEAD_LETTER_CONTENT_TYPE = "application/cloudevents-batch+json; charset=utf-8";

    private final RecordingHttpSink sink = RecordingHttpSink.start();
    private final RecordingHttpSink deadLetter = RecordingHttpSink.start();

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:batch").to(ossa("dev.ossa.tool.called",
                        "mode=batch&maximumRedeliveries=2&redeliveryDelay=50&deadLetterUri=" + deadLetter.uri()));
                from("direct:structured").to(ossa("dev.ossa.tool.completed",
                        "mode=structured&maximumRedeliveries=3&redeliveryDelay=10&deadLetterUri=" + deadLetter.uri()));
                from("direct:noDeadLetter").to(ossa("dev.ossa.tool.failed",
                        "mode=batch&maximumRedeliveries=1&redeliveryDelay=10"));
            }
        };
    }

    private String ossa(String type, String options) {
        return "ossa-events:" + type + "?source=/agents/dead&batchSize=5&flushInterval=60000&sink=" + sink.uri() + "&"
               + options;
    }

    @AfterEach
    void stopCamelThenSinks() {
        context.stop();
        sink.close();
        deadLetter.close();
    }

    @Test
    void batchTheSinkAlwaysRefusesReachesTheDeadLetterAfterOnePlusMaximumRedeliveriesAttempts() {
        sink.answer(call -> 503);

        List<String> sent = EventSender.send(template, "direct:batch", 10);
        deadLetter.awaitAcceptedEvents(10, Duration.ofSeconds(20));

        Map<String, Long> attemptsPerEvent = sink.requests().stream().flatMap(r -> r.events().stream())
                .collect(Collectors.groupingBy(CloudEvent::getId, Collectors.counting()));
        assertEquals(Map.copyOf(sent.stream().collect(Collectors.toMap(Function.identity(), id -> 3L))),
                attemptsPerEvent, "each event was attempted 1 + maximumRedeliveries = 3 times");
        assertEquals(sent, deadLetter.acceptedIds(), "every event reaches the dead letter once, in order");
        assertEquals(2, deadLetter.requests().size(), "each batch goes whole to the dead letter");
        deadLetter.requests().forEach(r -> assertEquals(DEAD_LETTER_CONTENT_TYPE, r.headers().get("content-type")));
        logRetryGaps(sink.requests().subList(0, 3));

        OssaEventsEndpoint endpoint = endpoint("tool.called");
        Deadline.await(() -> endpoint.getEventsDeadLettered() == 10, Duration.ofSeconds(20),
                () -> endpoint.getEventsDeadLettered() + " of 10 counted as dead-lettered");
        assertEquals(10, endpoint.getEventsFailed());
        assertEquals(0, endpoint.getEventsDelivered());
        assertEquals(0, endpoint.getEventsPending());
    }

    @Test
    void structuredEventsTheSinkAlwaysRefusesAreEachAttemptedOnePlusMaximumRedeliveriesTimesThenDeadLettered() {
        sink.answer(call -> 500);

        List<String> sent = EventSender.send(template, "direct:structured", 10);
        deadLetter.awaitAcceptedEvents(10, Duration.ofSeconds(20));

        List<String> attempted = sink.requests().stream().map(r -> r.events().get(0).getId()).toList();
        List<String> expected = new ArrayList<>();
        sent.forEach(id -> expected.addAll(Collections.nCopies(4, id)));
        assertEquals(expected, attempted, "each event 1 + 3 times, in order");
        assertEquals(sent, deadLetter.acceptedIds());
        assertEquals(10, deadLetter.requests().size(), "each event dead-lettered on its own");
        OssaEventsEndpoint endpoint = endpoint("tool.completed");
        Deadline.await(() -> endpoint.getEventsDeadLettered() == 10, Duration.ofSeconds(20),
                () -> endpoint.getEventsDeadLettered() + " of 10 counted as dead-lettered");
    }

    @Test
    void withoutDeadLetterUriTheEventIdsAreLoggedAtErrorAndCountedAsFailed() {
        sink.answer(call -> 500);
        try (CapturedLog log = CapturedLog.of(DeadLetterHandler.class)) {
            List<String> sent = EventSender.send(template, "direct:noDeadLetter", 5);
            OssaEventsEndpoint endpoint = endpoint("tool.failed");
            Deadline.await(() -> !log.lines(Level.ERROR).isEmpty(), Duration.ofSeconds(20),
                    () -> "no ERROR line yet");

            List<CapturedLog.Line> errors = log.lines(Level.ERROR);
            assertEquals(1, errors.size(), "one ERROR line per batch");
            String message = errors.get(0).message();
            sent.forEach(id -> assertTrue(message.contains(id), "the ERROR line names event " + id + ": " + message));
            assertTrue(message.contains("no deadLetterUri"), message);
            assertTrue(message.contains("500"), "it names the cause: " + message);
            assertEquals(2, sink.requests().size(), "1 + maximumRedeliveries attempts");
            assertEquals(5, endpoint.getEventsFailed());
            assertEquals(0, endpoint.getEventsDeadLettered());
            assertEquals(0, endpoint.getEventsPending());
        }
    }

    @Test
    void deadLetterThatFailsTooLeavesTheEventIdsInAnErrorLine() {
        sink.answer(call -> 500);
        deadLetter.answer(call -> 500);
        try (CapturedLog log = CapturedLog.of(DeadLetterHandler.class)) {
            List<String> sent = EventSender.send(template, "direct:batch", 5);
            OssaEventsEndpoint endpoint = endpoint("tool.called");
            Deadline.await(() -> !log.lines(Level.ERROR).isEmpty(), Duration.ofSeconds(20),
                    () -> "no ERROR line yet");

            List<CapturedLog.Line> errors = log.lines(Level.ERROR);
            assertEquals(1, errors.size());
            String message = errors.get(0).message();
            sent.forEach(id -> assertTrue(message.contains(id), "the ERROR line names event " + id + ": " + message));
            assertTrue(message.contains("nor to dead letter"), message);
            assertEquals(1, deadLetter.requests().size(), "the dead letter was tried");
            assertEquals(5, endpoint.getEventsFailed());
            assertEquals(0, endpoint.getEventsDeadLettered());
        }
    }

    private static void logRetryGaps(List<RecordingHttpSink.Request> attempts) {
        List<Long> gaps = new ArrayList<>();
        for (int i = 1; i < attempts.size(); i++) {
            gaps.add((attempts.get(i).arrivedNanos() - attempts.get(i - 1).arrivedNanos()) / 1_000_000);
        }
        LOG.info("Gaps between the attempts of one batch with redeliveryDelay=50 ms: {} ms", gaps);
    }

    private OssaEventsEndpoint endpoint(String typeFragment) {
        return context.getEndpoints().stream().filter(e -> e.getEndpointUri().contains(typeFragment))
                .map(OssaEventsEndpoint.class::cast).findFirst().orElseThrow();
    }
}
