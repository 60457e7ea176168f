package dev.ossa.camel.events;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;

/**
 * A real Camel endpoint used as a sink: a route from {@code direct:<name>} that records the body and headers of every
 * message it receives, as a user's own route would see them.
 */
public final class RecordingSink extends RouteBuilder {

    /** One message as the sink route received it. */
    public record Received(byte[] body, Map<String, Object> headers) {

        public String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    private final String name;
    private final List<Received> received = new ArrayList<>();

    public RecordingSink(String name) {
        this.name = name;
    }

    /** The endpoint URI to use as {@code sink}. */
    public String uri() {
        return "direct:" + name;
    }

    @Override
    public void configure() {
        from(uri()).routeId("sink-" + name).process(this::record);
    }

    private void record(Exchange exchange) {
        byte[] body = exchange.getMessage().getBody(byte[].class);
        Map<String, Object> headers = new LinkedHashMap<>(exchange.getMessage().getHeaders());
        synchronized (received) {
            received.add(new Received(body, headers));
            received.notifyAll();
        }
    }

    /** What has arrived so far. */
    public List<Received> received() {
        synchronized (received) {
            return List.copyOf(received);
        }
    }

    /** Waits (generously) until {@code count} messages have arrived, and returns them. */
    public List<Received> await(int count) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        synchronized (received) {
            while (received.size() < count) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError("Expected " + count + " messages at the sink, got " + received.size());
                }
                TimeUnit.NANOSECONDS.timedWait(received, left);
            }
            return List.copyOf(received);
        }
    }
}
