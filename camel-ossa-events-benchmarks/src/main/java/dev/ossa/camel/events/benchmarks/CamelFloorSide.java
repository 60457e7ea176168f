package dev.ossa.camel.events.benchmarks;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.camel.CamelContext;
import org.apache.camel.Message;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.AggregationStrategies;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.support.DefaultMessage;

/**
 * What Camel itself costs on the Kafka path, without {@code ossa-events}: a route that batches records encoded
 * beforehand with Camel's Aggregator (same batch size, one delivery thread) and sends each batch through camel-kafka
 * with the same producer settings. Comparing ours with it shows what our building, validating and encoding add to
 * Camel's own per-exchange and per-record work.
 */
final class CamelFloorSide implements AutoCloseable {

    private final CamelContext context;
    private final ProducerTemplate template;
    private final List<KafkaComparison.PreEncoded> pool;
    private final AtomicLong sent = new AtomicLong();
    private final ExecutorService deliveryThread = Executors.newSingleThreadExecutor();

    CamelFloorSide(CamelContext context, String sinkUri, int batchSize, List<KafkaComparison.PreEncoded> pool)
            throws Exception {
        this.context = context;
        this.pool = pool;
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:camel-floor").routeId("camel-floor").autoStartup(false)
                        .aggregate(constant(true), AggregationStrategies.groupedBody())
                        .completionSize(batchSize).completionInterval(1000).forceCompletionOnStop()
                        .executorService(deliveryThread)
                        .to(sinkUri)
                        .process(exchange -> sent.addAndGet(exchange.getMessage().getBody(List.class).size()));
            }
        });
        context.start();
        this.template = context.createProducerTemplate();
    }

    /** Sends {@code events} records, stops the route (which sends the last batch) and checks all were sent. */
    double eventsPerSecond(int events) throws Exception {
        context.getRouteController().startRoute("camel-floor");
        long before = sent.get();
        long start = System.nanoTime();
        for (int i = 0; i < events; i++) {
            template.sendBody("direct:camel-floor", record(pool.get(i % pool.size())));
        }
        context.getRouteController().stopRoute("camel-floor");
        double rate = events / ((System.nanoTime() - start) / 1e9);
        if (sent.get() - before != events) {
            throw new IllegalStateException((sent.get() - before) + " of " + events + " records sent on camel-floor");
        }
        return rate;
    }

    /** A record message, as our Kafka binding makes one per event: the value, headers with their exact names. */
    private Message record(KafkaComparison.PreEncoded encoded) {
        Message record = new DefaultMessage(context) {
            @Override
            protected Map<String, Object> createHeaders() {
                return new LinkedHashMap<>();
            }
        };
        record.setBody(encoded.value());
        for (var header : encoded.headers()) {
            record.setHeader(header.key(), header.value());
        }
        return record;
    }

    @Override
    public void close() {
        deliveryThread.shutdown();
    }
}
