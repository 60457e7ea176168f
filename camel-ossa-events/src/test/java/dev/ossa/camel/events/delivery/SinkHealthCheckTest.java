package dev.ossa.camel.events.delivery;

import java.time.Duration;
import java.util.Map;

import org.apache.camel.Exchange;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The sinks' health checks, read through Camel's health-check API (what camel-main, Spring Boot's actuator and Camel's
 * health endpoints show) while real HTTP sinks fail and recover. The checks live in {@code health}; they are judged
 * here on the delivery they watch, with the delivery tests' HTTP sink.
 */
class SinkHealthCheckTest extends CamelTestSupport {

    private final RecordingHttpSink unbatched = RecordingHttpSink.start();
    private final RecordingHttpSink batched = RecordingHttpSink.start();
    private final RecordingHttpSink exhausted = RecordingHttpSink.start();

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:unbatched").to("ossa-events:dev.ossa.tool.called?source=/agents/health&sink="
                                            + unbatched.uri());
                from("direct:unbatched-too").to("ossa-events:dev.ossa.tool.completed?source=/agents/health&sink="
                                                + unbatched.uri());
                from("direct:batched").to("ossa-events:dev.ossa.tool.called?source=/agents/health&batchSize=10"
                                          + "&flushInterval=100&maximumRedeliveries=-1&redeliveryDelay=50&sink="
                                          + batched.uri());
                from("direct:exhausted").to("ossa-events:dev.ossa.tool.called?source=/agents/health&batchSize=10"
                                            + "&flushInterval=100&maximumRedeliveries=0&sink=" + exhausted.uri());
            }
        };
    }

    @AfterEach
    void stopCamelThenSinks() {
        context.stop();
        unbatched.close();
        batched.close();
        exhausted.close();
    }

    @Test
    void anUnbatchedSinkIsDownAfterAFailedSendAndUpAfterTheNextSendSucceeds() {
        String id = "ossa-events:" + url(unbatched);
        assertEquals(HealthCheck.State.UP, result(id).getState(), "nothing sent yet");

        unbatched.answer(call -> call == 1 ? 503 : 200);
        Exchange failed = template.send("direct:unbatched", e -> e.getIn().setBody(Map.of("n", 1)));
        assertNotNull(failed.getException());
        HealthCheck.Result down = result(id);
        assertEquals(HealthCheck.State.DOWN, down.getState());
        assertEquals("The last delivery to " + url(unbatched) + " failed", down.getMessage().orElse(null));

        EventSender.send(template, "direct:unbatched-too", Map.of("n", 2));
        HealthCheck.Result up = result(id);
        assertEquals(HealthCheck.State.UP, up.getState(), "one check for both endpoints of the sink");
        assertEquals(1L, up.getDetails().get("delivered"));
        assertEquals(1L, up.getDetails().get("failed"));
        assertEquals(url(unbatched), up.getDetails().get("sink"));
    }

    @Test
    void aBatchStreamIsDownWhileEventsWaitForAFailingSinkAndUpOnceTheyAreDelivered() {
        String id = "ossa-events:" + url(batched);
        assertEquals(HealthCheck.State.UP, result(id).getState(), "nothing sent yet");

        batched.answer(call -> 503);
        EventSender.send(template, "direct:batched", 3);
        Deadline.await(() -> result(id).getState() == HealthCheck.State.DOWN, Duration.ofSeconds(20),
                () -> "still " + result(id));
        HealthCheck.Result down = result(id);
        assertEquals(3L, down.getDetails().get("pending"));
        assertEquals(0L, down.getDetails().get("failed"));
        assertEquals(0L, down.getDetails().get("dead-lettered"));

        batched.answer(call -> 200);
        Deadline.await(() -> result(id).getState() == HealthCheck.State.UP, Duration.ofSeconds(20),
                () -> "still " + result(id));
        Deadline.await(() -> Long.valueOf(3).equals(result(id).getDetails().get("delivered")),
                Duration.ofSeconds(20), () -> "still " + result(id));
        assertEquals(HealthCheck.State.UP, result(id).getState());
        assertEquals(0L, result(id).getDetails().get("pending"));
    }

    @Test
    void aBatchStreamWhoseFailedEventsNoLongerWaitIsUp() {
        String id = "ossa-events:" + url(exhausted);
        exhausted.answer(call -> 500);
        EventSender.send(template, "direct:exhausted", 2);
        Deadline.await(() -> Long.valueOf(2).equals(result(id).getDetails().get("failed")), Duration.ofSeconds(20),
                () -> "still " + result(id));

        HealthCheck.Result result = result(id);
        assertEquals(HealthCheck.State.UP, result.getState(), "no retries left, nothing waits: " + result);
        assertEquals(0L, result.getDetails().get("pending"));
    }

    @Test
    void checksAreReadinessChecksOfTheOssaEventsGroup() {
        HealthCheck check = HealthCheckHelper.getHealthCheck(context, "ossa-events:" + url(batched));
        assertNotNull(check);
        assertEquals("ossa-events", check.getGroup());
        assertTrue(check.isReadiness());
        assertTrue(!check.isLiveness(), "a failing sink is no reason to restart the application");
    }

    private static String url(RecordingHttpSink sink) {
        return "http://127.0.0.1:" + sink.port() + "/events";
    }

    private HealthCheck.Result result(String id) {
        return HealthCheckHelper.invoke(context, id, Map.of())
                .orElseThrow(() -> new AssertionError("No health check " + id + " among "
                                                      + HealthCheckHelper.getHealthCheckRegistry(context)
                                                              .getCheckIDs()));
    }
}
