package dev.ossa.camel.events.delivery;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.logging.log4j.Level;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.ossa.camel.events.OssaEventsEmitter;
import dev.ossa.camel.events.OssaEventsEndpoint;
import dev.ossa.camel.events.OssaEventType;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Every stop ends within {@code stopTimeout} even when the sink never answers: a context stop and an emitter close
 * dead-letter what was not delivered, a route stop with 2,000 pending events and no dead letter logs every one of
 * their ids at ERROR, before the stop returns, and the counters say so. The stops are awaited with a generous bound
 * that a stop waiting for the sink would exceed (the collector holds each request for 60 s).
 */
class StopTimeoutTest {

    private static final long BOUND_SECONDS = 40;

    private final RecordingHttpSink sink = RecordingHttpSink.start();
    private final RecordingHttpSink deadLetter = RecordingHttpSink.start();
    private final CountDownLatch sinkAnswers = new CountDownLatch(1);
    private final CamelContext context = new DefaultCamelContext();

    @AfterEach
    void stopAll() {
        sinkAnswers.countDown();
        context.stop();
        sink.close();
        deadLetter.close();
    }

    @Test
    void contextStopWithASinkThatNeverAnswersDeadLettersThePendingEventsInTime() throws Exception {
        sink.holdAnswersUntil(sinkAnswers);
        context.addRoutes(route("direct:events", "events", "&deadLetterUri=" + deadLetter.uri()));
        context.start();
        List<String> sent = EventSender.send(context.createProducerTemplate(), "direct:events", 25);
        sink.awaitRequests(1, Duration.ofSeconds(20));
        OssaEventsEndpoint endpoint = context.getEndpoint(endpointUri("&deadLetterUri=" + deadLetter.uri()),
                OssaEventsEndpoint.class);

        CompletableFuture.runAsync(context::stop).get(BOUND_SECONDS, TimeUnit.SECONDS);

        assertEquals(new HashSet<>(sent), new HashSet<>(deadLetter.acceptedIds()), "every event dead-lettered");
        assertEquals(25, endpoint.getEventsFailed());
        assertEquals(25, endpoint.getEventsDeadLettered());
        assertEquals(0, endpoint.getEventsPending());
    }

    @Test
    void routeStopWithTwoThousandPendingEventsLogsEveryIdAtErrorInTime() throws Exception {
        sink.holdAnswersUntil(sinkAnswers);
        context.addRoutes(route("direct:events", "events", ""));
        context.start();
        ProducerTemplate template = context.createProducerTemplate();
        List<String> sent = EventSender.send(template, "direct:events", 2_000);
        sink.awaitRequests(1, Duration.ofSeconds(20));
        OssaEventsEndpoint endpoint = context.getEndpoint(endpointUri(""), OssaEventsEndpoint.class);
        assertEquals(2_000, endpoint.getEventsPending());

        try (CapturedLog log = CapturedLog.of(DeadLetterHandler.class)) {
            CompletableFuture.runAsync(() -> stopRoute("events")).get(BOUND_SECONDS, TimeUnit.SECONDS);

            assertEquals(new HashSet<>(sent), new HashSet<>(idsIn(log.lines(Level.ERROR))), "every id at ERROR");
        }
        assertEquals(2_000, endpoint.getEventsFailed());
        assertEquals(0, endpoint.getEventsDelivered());
        assertEquals(0, endpoint.getEventsPending());
    }

    @Test
    void emitterCloseWithASinkThatNeverAnswersDeadLettersInTime() throws Exception {
        sink.holdAnswersUntil(sinkAnswers);
        context.start();
        OssaEventsEmitter emitter = OssaEventsEmitter.create(context, endpointUri("&deadLetterUri="
                                                                                  + deadLetter.uri()));
        List<String> sent = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            sent.add(emitter.emit(OssaEventType.TOOL_CALLED, "{\"n\":" + i + "}").getId());
        }
        sink.awaitRequests(1, Duration.ofSeconds(20));

        CompletableFuture.runAsync(emitter::close).get(BOUND_SECONDS, TimeUnit.SECONDS);

        assertEquals(new HashSet<>(sent), new HashSet<>(deadLetter.acceptedIds()));
        assertEquals(12, emitter.getEndpoint().getEventsFailed());
    }

    private void stopRoute(String routeId) {
        try {
            context.getRouteController().stopRoute(routeId);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private RouteBuilder route(String from, String routeId, String options) {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from(from).routeId(routeId).to(endpointUri(options));
            }
        };
    }

    private String endpointUri(String options) {
        return "ossa-events:dev.ossa.tool.called?source=/agents/stuck&batchSize=500&flushInterval=100"
               + "&maximumRedeliveries=-1&redeliveryDelay=100&stopTimeout=3000&sink=" + sink.uri() + options;
    }

    private static List<String> idsIn(List<CapturedLog.Line> lines) {
        List<String> ids = new ArrayList<>();
        Pattern list = Pattern.compile("Event ids: \\[(.*)]");
        for (CapturedLog.Line line : lines) {
            Matcher matcher = list.matcher(line.message());
            if (matcher.find()) {
                ids.addAll(List.of(matcher.group(1).split(", ")));
            }
        }
        return ids;
    }
}
