package dev.ossa.camel.events.benchmarks;

import java.util.Map;

import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;

import dev.ossa.camel.events.OssaEventsEndpoint;

/**
 * Our side of a throughput comparison: a route {@code direct:<name> -> ossa-events:...}, fed by one thread through a
 * {@link ProducerTemplate}, timed until the endpoint counts every event as delivered (the sink acknowledged it).
 */
final class RouteSide {

    private final ProducerTemplate template;
    private final String from;
    private final OssaEventsEndpoint endpoint;

    private RouteSide(ProducerTemplate template, String from, OssaEventsEndpoint endpoint) {
        this.template = template;
        this.from = from;
        this.endpoint = endpoint;
    }

    /** Adds the route to {@code context} and starts the context. */
    static RouteSide start(CamelContext context, String name, String endpointUri) throws Exception {
        String from = "direct:" + name;
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(from).routeId(name).to(endpointUri);
            }
        });
        context.start();
        OssaEventsEndpoint endpoint = context.getEndpoint(endpointUri, OssaEventsEndpoint.class);
        return new RouteSide(context.createProducerTemplate(), from, endpoint);
    }

    /** Sends {@code events} exchanges and waits until all are delivered; returns events per second. */
    double eventsPerSecond(int events, Object body, long deadlineMs) throws InterruptedException {
        Map<String, Object> headers = SampleEvent.headers();
        long delivered = endpoint.getEventsDelivered();
        long failed = endpoint.getEventsFailed();
        long start = System.nanoTime();
        for (int i = 0; i < events; i++) {
            template.sendBodyAndHeaders(from, body, headers);
        }
        long target = delivered + events;
        long deadline = System.currentTimeMillis() + deadlineMs;
        while (endpoint.getEventsDelivered() < target) {
            if (endpoint.getEventsFailed() != failed) {
                throw new IllegalStateException((endpoint.getEventsFailed() - failed) + " events failed on " + from);
            }
            if (System.currentTimeMillis() > deadline) {
                throw new IllegalStateException("Only " + (endpoint.getEventsDelivered() - delivered) + " of "
                                                + events + " events delivered on " + from + " after " + deadlineMs
                                                + " ms");
            }
            Thread.sleep(1);
        }
        return events / ((System.nanoTime() - start) / 1e9);
    }
}
