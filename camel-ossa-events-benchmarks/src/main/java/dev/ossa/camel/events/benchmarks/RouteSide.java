package dev.ossa.camel.events.benchmarks;

import java.util.Map;

import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;

import dev.ossa.camel.events.OssaEventsEndpoint;

/**
 * Our side of a throughput comparison: a route {@code direct:<name> -> ossa-events:...} (or from another consumer, such
 * as {@code seda:} with concurrent consumers), fed by one thread through a {@link ProducerTemplate}. A run starts the
 * route, sends its events, and stops the clock when the endpoint counts every event as delivered or failed (a run's
 * event count is a multiple of the batch size, and {@link SampleEvent#FLUSH_INTERVAL_MS} is longer than a run, so
 * every batch completes by size); then it stops the
 * route, which would deliver any event still pending, and checks that all were delivered.
 */
final class RouteSide {

    private final CamelContext context;
    private final ProducerTemplate template;
    private final String name;
    private final String fromUri;
    private final OssaEventsEndpoint endpoint;

    private RouteSide(CamelContext context, String name, String fromUri, OssaEventsEndpoint endpoint) {
        this.context = context;
        this.template = context.createProducerTemplate();
        this.name = name;
        this.fromUri = fromUri;
        this.endpoint = endpoint;
    }

    /** Adds the route {@code direct:<name> -> endpointUri}, stopped, to {@code context} and starts the context. */
    static RouteSide start(CamelContext context, String name, String endpointUri) throws Exception {
        return start(context, name, "direct:" + name, endpointUri);
    }

    /** Adds the route {@code fromUri -> endpointUri}, stopped, to {@code context} and starts the context. */
    static RouteSide start(CamelContext context, String name, String fromUri, String endpointUri) throws Exception {
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(fromUri).routeId(name).autoStartup(false).to(endpointUri);
            }
        });
        context.start();
        return new RouteSide(context, name, fromUri, context.getEndpoint(endpointUri, OssaEventsEndpoint.class));
    }

    /** Sends {@code events} exchanges, waits until all are delivered, and returns events per second. */
    double eventsPerSecond(int events, Object body) throws Exception {
        return eventsPerSecond(events, body, 1);
    }

    /** The same, sent by {@code senders} threads at once, {@code events / senders} each. */
    double eventsPerSecond(int events, Object body, int senders) throws Exception {
        Map<String, Object> headers = SampleEvent.headers();
        context.getRouteController().startRoute(name);
        Endpoint from = context.getEndpoint(fromUri);
        long delivered = endpoint.getEventsDelivered();
        long failed = endpoint.getEventsFailed();
        long start = System.nanoTime();
        if (senders == 1) {
            send(from, events, body, headers);
        } else {
            Thread[] threads = new Thread[senders];
            Exception[] failure = new Exception[1];
            for (int t = 0; t < senders; t++) {
                threads[t] = new Thread(() -> {
                    try {
                        send(from, events / senders, body, headers);
                    } catch (Exception e) {
                        failure[0] = e;
                    }
                });
                threads[t].start();
            }
            for (Thread thread : threads) {
                thread.join();
            }
            if (failure[0] != null) {
                throw failure[0];
            }
        }
        Arrivals.await(() -> endpoint.getEventsDelivered() - delivered + endpoint.getEventsFailed() - failed, events,
                "events delivered on route " + name);
        double rate = events / ((System.nanoTime() - start) / 1e9);
        context.getRouteController().stopRoute(name);
        long arrived = endpoint.getEventsDelivered() - delivered;
        if (arrived != events || endpoint.getEventsFailed() != failed) {
            throw new IllegalStateException(arrived + " of " + events + " events delivered on route " + name + ", "
                                            + (endpoint.getEventsFailed() - failed) + " failed");
        }
        return rate;
    }

    private void send(Endpoint from, int events, Object body, Map<String, Object> headers) {
        for (int i = 0; i < events; i++) {
            template.sendBodyAndHeaders(from, body, headers);
        }
    }
}
