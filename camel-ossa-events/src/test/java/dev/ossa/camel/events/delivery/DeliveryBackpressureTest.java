package dev.ossa.camel.events.delivery;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.ossa.camel.events.OssaEventsEndpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * When the sink stops answering, the stream holds at most {@link BatchDispatcher#PENDING_BATCHES} × batchSize events
 * (one batch in delivery, the rest queued or filling): then the sender waits, so memory stays bounded, and nothing is
 * dropped once the sink answers again.
 */
class DeliveryBackpressureTest extends CamelTestSupport {

    private final RecordingHttpSink sink = RecordingHttpSink.start();
    private final CountDownLatch sinkAnswers = new CountDownLatch(1);

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:emit").to("ossa-events:dev.ossa.turn.completed?source=/agents/slow&batchSize=10"
                                       + "&flushInterval=60000&mode=batch&sink=" + sink.uri());
            }
        };
    }

    @AfterEach
    void stopCamelThenSink() {
        sinkAnswers.countDown();
        context.stop();
        sink.close();
    }

    @Test
    void senderWaitsWhileTheSinkHangsAndEveryEventArrivesAfterwards() throws Exception {
        sink.holdAnswersUntil(sinkAnswers);
        OssaEventsEndpoint endpoint = context.getEndpoints().stream().filter(OssaEventsEndpoint.class::isInstance)
                .map(OssaEventsEndpoint.class::cast).findFirst().orElseThrow();

        CompletableFuture<List<String>> sending = CompletableFuture.supplyAsync(
                () -> EventSender.send(template, "direct:emit", 100));
        int held = BatchDispatcher.PENDING_BATCHES * 10;
        Deadline.await(() -> endpoint.getEventsAccepted() == held, Duration.ofSeconds(20),
                () -> endpoint.getEventsAccepted() + " accepted");
        sink.awaitRequests(1, Duration.ofSeconds(20));

        assertFalse(sending.isDone(), "the sender waits for room");
        assertEquals(held, endpoint.getEventsPending());
        assertEquals(1, sink.requests().size(), "one batch at the sink, the rest held");

        sinkAnswers.countDown();
        List<String> sent = sending.get(30, TimeUnit.SECONDS);
        sink.awaitAcceptedEvents(100, Duration.ofSeconds(20));
        assertEquals(sent, sink.acceptedIds(), "all 100, in order");
    }
}
