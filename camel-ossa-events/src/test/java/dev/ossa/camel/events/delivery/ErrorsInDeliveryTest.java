package dev.ossa.camel.events.delivery;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.apache.logging.log4j.Level;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.ossa.camel.events.OssaEventsEndpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A sink that throws an {@link Error} (an {@code OutOfMemoryError}, as a JVM under memory pressure would) fails the
 * delivery like any other sink failure: the events are retried, then dead-lettered or their ids logged at ERROR, and
 * counted; room for new events is given back, and the stop still ends.
 */
class ErrorsInDeliveryTest extends CamelTestSupport {

    private final RecordingHttpSink deadLetter = RecordingHttpSink.start();

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:out-of-memory-sink").process(exchange -> {
                    throw new OutOfMemoryError("Java heap space (thrown by the test's sink)");
                });
                from("direct:structured").to(ossa("dev.ossa.tool.called", "structured", "&deadLetterUri="
                                                                                        + deadLetter.uri()));
                from("direct:batch").to(ossa("dev.ossa.tool.completed", "batch", ""));
            }
        };
    }

    private static String ossa(String type, String mode, String options) {
        return "ossa-events:" + type + "?source=/agents/oom&mode=" + mode + "&batchSize=5&flushInterval=100"
               + "&maximumRedeliveries=1&redeliveryDelay=1&stopTimeout=5000&sink=direct:out-of-memory-sink"
               + options;
    }

    @AfterEach
    void stopDeadLetter() {
        deadLetter.close();
    }

    @Test
    void errorThrownBySinkIsCountedAndItsEventsDeadLettered() throws Exception {
        List<String> sent = EventSender.send(template, "direct:structured", 30);
        deadLetter.awaitAcceptedEvents(30, Duration.ofSeconds(30));
        OssaEventsEndpoint endpoint = endpoint("tool.called");

        assertEquals(new HashSet<>(sent), new HashSet<>(deadLetter.acceptedIds()));
        Deadline.await(() -> endpoint.getEventsDeadLettered() == 30, Duration.ofSeconds(10),
                () -> endpoint.getEventsDeadLettered() + " of 30 counted as dead-lettered");
        assertEquals(30, endpoint.getEventsFailed());
        assertEquals(0, endpoint.getEventsPending(), "room given back: " + 30 + " events are more than the limit");

        CompletableFuture.runAsync(context::stop).get(30, TimeUnit.SECONDS);
    }

    @Test
    void errorThrownBySinkOfABatchIsLoggedWithTheEventIdsAtError() throws Exception {
        try (CapturedLog log = CapturedLog.of(DeadLetterHandler.class)) {
            List<String> sent = EventSender.send(template, "direct:batch", 10);
            OssaEventsEndpoint endpoint = endpoint("tool.completed");
            Deadline.await(() -> endpoint.getEventsFailed() == 10, Duration.ofSeconds(30),
                    () -> endpoint.getEventsFailed() + " of 10 counted as failed");

            List<CapturedLog.Line> errors = log.lines(Level.ERROR);
            assertEquals(2, errors.size(), "one line per batch: " + errors);
            for (String id : sent) {
                assertTrue(errors.stream().anyMatch(line -> line.message().contains(id)), id + " logged");
            }
            assertTrue(errors.get(0).message().contains("OutOfMemoryError"), errors.get(0).message());
            assertEquals(0, endpoint.getEventsPending());
        }
        CompletableFuture.runAsync(context::stop).get(30, TimeUnit.SECONDS);
    }

    private OssaEventsEndpoint endpoint(String typeFragment) {
        return context.getEndpoints().stream().filter(e -> e.getEndpointUri().contains(typeFragment))
                .map(OssaEventsEndpoint.class::cast).findFirst().orElseThrow();
    }
}
