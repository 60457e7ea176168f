package dev.ossa.camel.events.delivery;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import dev.ossa.camel.events.OssaEventsEndpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Batches sent to a sink that answers later, on another thread (a route that delays asynchronously, as Kafka's
 * producer answers on its own thread): they arrive in order, no more than {@link BatchDelivery#MAX_IN_FLIGHT} await
 * an answer at once, stopping waits for the answers still due, and a failed answer is retried and then dead-lettered
 * like a failed synchronous send.
 */
@Timeout(120)
class AsyncSinkDeliveryTest {

    private static final String EVENTS_URI = "ossa-events:dev.ossa.tool.called?source=/agents/planner&mode=batch"
                                             + "&batchSize=10&flushInterval=60000&maximumRedeliveries=2"
                                             + "&redeliveryDelay=10&deadLetterUri=direct:dead-letter"
                                             + "&sink=direct:async-sink";

    private final ObjectMapper mapper = new ObjectMapper();
    private final List<Integer> received = new ArrayList<>();
    private final List<Integer> deadLettered = new ArrayList<>();
    private final AtomicInteger attemptsOfFailingBatch = new AtomicInteger();
    private final AtomicInteger inSink = new AtomicInteger();
    private final AtomicInteger mostInSink = new AtomicInteger();

    @Test
    void batchesArriveInOrderAndStopWaitsForTheirAnswers() throws Exception {
        CamelContext context = start();
        try {
            send(context, 0, 250);
            context.getRouteController().stopRoute("events");
            OssaEventsEndpoint endpoint = context.getEndpoint(EVENTS_URI, OssaEventsEndpoint.class);
            synchronized (received) {
                assertEquals(250, received.size());
                for (int i = 0; i < 250; i++) {
                    assertEquals(i, received.get(i), "event " + i + " out of order");
                }
            }
            assertEquals(250, endpoint.getEventsDelivered());
            assertEquals(0, endpoint.getEventsPending());
            assertEquals(BatchDelivery.MAX_IN_FLIGHT, mostInSink.get(), "batches awaiting the sink's answer at once");
        } finally {
            context.stop();
        }
    }

    @Test
    void aFailedAnswerIsRetriedThenDeadLettered() throws Exception {
        CamelContext context = start();
        try {
            send(context, 0, 20);
            send(context, -10, 10);
            send(context, 20, 20);
            context.getRouteController().stopRoute("events");
            OssaEventsEndpoint endpoint = context.getEndpoint(EVENTS_URI, OssaEventsEndpoint.class);
            assertEquals(3, attemptsOfFailingBatch.get(), "1 attempt + maximumRedeliveries=2");
            synchronized (deadLettered) {
                assertEquals(List.of(-10, -9, -8, -7, -6, -5, -4, -3, -2, -1), deadLettered);
            }
            synchronized (received) {
                assertTrue(received.containsAll(List.of(0, 19, 20, 39)));
            }
            assertEquals(40, endpoint.getEventsDelivered());
            assertEquals(10, endpoint.getEventsFailed());
            assertEquals(10, endpoint.getEventsDeadLettered());
        } finally {
            context.stop();
        }
    }

    private void send(CamelContext context, int first, int count) {
        ProducerTemplate template = context.createProducerTemplate();
        for (int n = first; n < first + count; n++) {
            template.sendBody("direct:events", "{\"n\":" + n + "}");
        }
    }

    private CamelContext start() throws Exception {
        CamelContext context = new DefaultCamelContext();
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:async-sink").routeId("sink").errorHandler(noErrorHandler())
                        .process(exchange -> {
                            mostInSink.accumulateAndGet(inSink.incrementAndGet(), Math::max);
                            List<Integer> numbers = numbers(exchange.getMessage().getBody(byte[].class));
                            if (numbers.get(0) < 0) {
                                attemptsOfFailingBatch.incrementAndGet();
                                exchange.setProperty("fail", true);
                            } else {
                                synchronized (received) {
                                    received.addAll(numbers);
                                }
                            }
                        })
                        .delay(20).asyncDelayed()
                        .process(exchange -> inSink.decrementAndGet())
                        .filter(exchangeProperty("fail"))
                        .throwException(new IllegalStateException("the sink refused the batch"));
                from("direct:dead-letter").routeId("dead-letter").process(exchange -> {
                    synchronized (deadLettered) {
                        deadLettered.addAll(numbers(exchange.getMessage().getBody(byte[].class)));
                    }
                });
                from("direct:events").routeId("events").to(EVENTS_URI);
            }
        });
        context.start();
        return context;
    }

    private List<Integer> numbers(byte[] batch) throws Exception {
        List<Integer> numbers = new ArrayList<>();
        for (JsonNode event : mapper.readTree(batch)) {
            numbers.add(event.get("data").get("n").asInt());
        }
        return numbers;
    }
}
