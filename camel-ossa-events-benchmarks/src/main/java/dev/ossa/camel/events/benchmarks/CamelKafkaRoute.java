package dev.ossa.camel.events.benchmarks;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;

import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.Processor;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.AggregationStrategies;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.model.RouteDefinition;

/**
 * A Camel route without {@code ossa-events} that sends through camel-kafka, as a peer of ours: the Camel floor, which
 * sends records encoded beforehand and shows what Camel itself costs on the Kafka path, and the hand-written
 * CloudEvents route, which builds each event with the CloudEvents Java SDK. Batched, it aggregates with Camel's
 * Aggregator (same batch size, one delivery thread) and sends each batch through camel-kafka; unbatched, it takes the
 * exchanges from the same kind of consumer as our unbatched side and sends each on its own.
 */
final class CamelKafkaRoute implements AutoCloseable {

    private final CamelContext context;
    private final String name;
    private final String fromUri;
    private final ProducerTemplate template;
    private final AtomicLong sent = new AtomicLong();
    private final ExecutorService deliveryThread = Executors.newSingleThreadExecutor();

    private CamelKafkaRoute(CamelContext context, String name, String fromUri, Processor build, String sinkUri,
                            int batchSize) throws Exception {
        this.context = context;
        this.name = name;
        this.fromUri = fromUri;
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                RouteDefinition route = from(fromUri).routeId(name).autoStartup(false).process(build);
                if (batchSize > 1) {
                    route.aggregate(constant(true), AggregationStrategies.groupedBody())
                            .completionSize(batchSize).completionInterval(SampleEvent.FLUSH_INTERVAL_MS)
                            .forceCompletionOnStop()
                            .executorService(deliveryThread)
                            .to(sinkUri)
                            .process(exchange -> sent.addAndGet(exchange.getMessage().getBody(List.class).size()));
                } else {
                    route.to(sinkUri).process(exchange -> sent.incrementAndGet());
                }
            }
        });
        context.start();
        this.template = context.createProducerTemplate();
    }

    /** Batches of {@code batchSize} bodies from {@code direct:<name>}, each exchange first through {@code build}. */
    static CamelKafkaRoute batched(CamelContext context, String name, Processor build, String sinkUri,
                                   int batchSize) throws Exception {
        return new CamelKafkaRoute(context, name, "direct:" + name, build, sinkUri, batchSize);
    }

    /** Each exchange from {@code fromUri}, first through {@code build}, sent on its own. */
    static CamelKafkaRoute unbatched(CamelContext context, String name, String fromUri, Processor build,
                                     String sinkUri) throws Exception {
        return new CamelKafkaRoute(context, name, fromUri, build, sinkUri, 1);
    }

    /**
     * Sends {@code events} exchanges with the bodies of {@code body} and {@code headers}, waits until camel-kafka has
     * sent them all (as {@link RouteSide} does), stops the route and checks the count.
     */
    double eventsPerSecond(int events, IntFunction<Object> body, Map<String, Object> headers) throws Exception {
        context.getRouteController().startRoute(name);
        Endpoint from = context.getEndpoint(fromUri);
        long before = sent.get();
        long start = System.nanoTime();
        for (int i = 0; i < events; i++) {
            template.sendBodyAndHeaders(from, body.apply(i), headers);
        }
        Arrivals.await(() -> sent.get() - before, events, "records sent on " + name);
        double rate = events / ((System.nanoTime() - start) / 1e9);
        context.getRouteController().stopRoute(name);
        if (sent.get() - before != events) {
            throw new IllegalStateException((sent.get() - before) + " of " + events + " records sent on " + name);
        }
        return rate;
    }

    @Override
    public void close() {
        deliveryThread.shutdown();
    }
}
