package dev.ossa.camel.events.delivery;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.ossa.camel.events.OssaEventsEndpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A graceful stop of the context or of the route delivers every event still waiting in a batch, or queued for
 * delivery, before the sink's producer stops.
 */
class ShutdownFlushTest extends CamelTestSupport {

    private static final Logger LOG = LoggerFactory.getLogger(ShutdownFlushTest.class);

    private final RecordingHttpSink sink = RecordingHttpSink.start();

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:big").routeId("big")
                        .to(ossa("dev.ossa.state.updated", "batchSize=5000&flushInterval=60000&mode=structured"));
                from("direct:route").routeId("route")
                        .to(ossa("dev.ossa.turn.completed", "batchSize=100&flushInterval=60000&mode=batch"));
                from("direct:slow").routeId("slow")
                        .to(ossa("dev.ossa.tool.failed", "batchSize=10&flushInterval=60000&mode=batch"));
            }
        };
    }

    private String ossa(String type, String options) {
        return "ossa-events:" + type + "?source=/agents/shutdown&sink=" + sink.uri() + "&" + options;
    }

    @AfterEach
    void stopCamelThenSink() {
        context.stop();
        sink.close();
    }

    @Test
    void contextStopDeliversEveryPendingEvent() {
        List<String> sent = EventSender.send(template, "direct:big", 2500);
        assertEquals(0, sink.requests().size(), "nothing leaves before the batch is full or the interval is up");
        assertEquals(2500, endpoint("state.updated").getEventsPending());

        long start = System.nanoTime();
        context.stop();
        long stopMillis = (System.nanoTime() - start) / 1_000_000;

        LOG.info("Context stop delivered 2500 pending events, one HTTP request each, in {} ms", stopMillis);
        List<String> arrived = sink.acceptedIds();
        assertEquals(2500, arrived.size());
        assertEquals(2500, Set.copyOf(arrived).size(), "distinct ids");
        assertEquals(sent, arrived, "the events sent, in order");
    }

    @Test
    void routeStopDeliversPendingEvents() throws Exception {
        List<String> sent = EventSender.send(template, "direct:route", 30);
        assertEquals(0, sink.requests().size());

        context.getRouteController().stopRoute("route");

        assertTrue(context.getStatus().isStarted(), "only the route stopped");
        assertEquals(sent, sink.acceptedIds());
        assertEquals(1, sink.requests().size(), "the 30 pending events leave as one batch");
        assertEquals(0, endpoint("turn.completed").getEventsPending());
    }

    @Test
    void stopWaitsForBatchesQueuedForDelivery() {
        sink.delayAnswers(50);
        List<String> sent = EventSender.send(template, "direct:slow", 65);

        context.stop();

        assertEquals(sent, sink.acceptedIds(), "batches in flight, queued and still open all arrive, in order");
        assertEquals(7, sink.requests().size());
    }

    private OssaEventsEndpoint endpoint(String typeFragment) {
        return context.getEndpoints().stream().filter(e -> e.getEndpointUri().contains(typeFragment))
                .map(OssaEventsEndpoint.class::cast).findFirst().orElseThrow();
    }
}
