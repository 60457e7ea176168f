package dev.ossa.camel.events.benchmarks;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;

import io.cloudevents.core.format.EventFormat;
import io.cloudevents.jackson.JsonFormat;

import dev.ossa.camel.events.format.JsonEventFormat;

/**
 * {@code http-batch-vs-per-event}: events per second to the same local {@link CountingHttpServer}. Ours is a Camel
 * route through {@code ossa-events} with {@code mode=batch&batchSize=100} (one POST per 100 events, through camel-http);
 * the peer posts one structured event per request, as the OSSA Python SDK does, here with the CloudEvents Java SDK's
 * JSON format and the JDK's {@code HttpClient} on a kept-alive connection.
 */
final class HttpComparison {

    static final int OURS_EVENTS = 100_000;
    static final int PER_EVENT_EVENTS = 10_000;
    static final int BATCH_SIZE = 100;
    private static final int ROUNDS = 5;

    private final CountingHttpServer server;

    HttpComparison(CountingHttpServer server) {
        this.server = server;
    }

    List<Comparison> run() throws Exception {
        Map<String, Object> data = SampleEvent.data();
        CamelContext context = new DefaultCamelContext();
        try {
            RouteSide ours = RouteSide.start(context, "http", "ossa-events:" + SampleEvent.TYPE + "?"
                    + SampleEvent.endpointOptions() + "&mode=batch&batchSize=" + BATCH_SIZE
                    + "&flushInterval=" + SampleEvent.FLUSH_INTERVAL_MS + "&sink=" + server.url());
            HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            ObjectMapper mapper = JsonEventFormat.defaultMapper();
            EventFormat format = new JsonFormat();
            Map<String, Double> rates = new Alternation("http")
                    .side("ours", () -> counted(OURS_EVENTS,
                            () -> ours.eventsPerSecond(OURS_EVENTS, data)))
                    .side("per-event", () -> counted(PER_EVENT_EVENTS,
                            () -> postEach(client, mapper, format, data)))
                    .run(ROUNDS, "events/s");
            return List.of(Comparison.rate("http-batch-vs-per-event", rates.get("ours"),
                    rates.get("per-event"), "events/s"));
        } finally {
            context.stop();
        }
    }

    /** Runs a side and checks that the server counted exactly its events. */
    private double counted(int events, Alternation.Side side) throws Exception {
        long before = server.events();
        double rate = side.run();
        long arrived = server.events() - before;
        if (arrived != events) {
            throw new IllegalStateException("The server counted " + arrived + " events, expected " + events);
        }
        return rate;
    }

    private double postEach(HttpClient client, ObjectMapper mapper, EventFormat format, Map<String, Object> data)
            throws Exception {
        URI uri = URI.create(server.url());
        long start = System.nanoTime();
        for (int i = 0; i < PER_EVENT_EVENTS; i++) {
            HttpRequest request = HttpRequest.newBuilder(uri)
                    .header("Content-Type", JsonEventFormat.EVENT_CONTENT_TYPE)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(format.serialize(SampleEvent.sdkEvent(mapper, data))))
                    .build();
            HttpResponse<Void> response = client.send(request, HttpResponse.BodyHandlers.discarding());
            if (response.statusCode() / 100 != 2) {
                throw new IllegalStateException("The server answered " + response.statusCode());
            }
        }
        return PER_EVENT_EVENTS / ((System.nanoTime() - start) / 1e9);
    }
}
