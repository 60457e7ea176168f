package dev.ossa.camel.events.delivery;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * {@code maximumRedeliveries=-1} retries a failing batch for as long as the endpoint runs; a graceful stop ends the
 * retries and sends the batch to the dead letter, so the stop completes and no event is lost without a trace.
 */
class ShutdownRetryForeverTest extends CamelTestSupport {

    private final RecordingHttpSink sink = RecordingHttpSink.start();
    private final RecordingHttpSink deadLetter = RecordingHttpSink.start();

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:emit").to("ossa-events:dev.ossa.agent.failed?source=/agents/stubborn&batchSize=3"
                                       + "&flushInterval=60000&mode=batch&maximumRedeliveries=-1"
                                       + "&redeliveryDelay=10&sink=" + sink.uri() + "&deadLetterUri="
                                       + deadLetter.uri());
            }
        };
    }

    @AfterEach
    void stopSinks() {
        sink.close();
        deadLetter.close();
    }

    @Test
    void stopEndsRetryingForeverAndDeadLettersTheBatch() throws Exception {
        sink.answer(call -> 500);
        List<String> sent = EventSender.send(template, "direct:emit", 3);
        sink.awaitRequests(6, Duration.ofSeconds(20));
        assertEquals(0, deadLetter.requests().size(), "still retrying after 1 + 5 attempts");

        CompletableFuture.runAsync(context::stop).get(60, TimeUnit.SECONDS);

        assertEquals(sent, deadLetter.acceptedIds());
    }
}
