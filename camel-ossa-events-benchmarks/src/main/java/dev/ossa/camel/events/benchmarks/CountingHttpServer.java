package dev.ossa.camel.events.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicLong;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * The HTTP collector both sides post to: the JDK's {@code HttpServer} on a loopback port, answering 202 to every
 * request and counting the requests and the events in them (one per {@code "specversion"} member).
 */
final class CountingHttpServer implements AutoCloseable {

    private static final byte[] MARKER = "\"specversion\"".getBytes(StandardCharsets.US_ASCII);
    private static final int[] SKIP = skipTable();

    private final HttpServer server;
    private final AtomicLong requests = new AtomicLong();
    private final AtomicLong events = new AtomicLong();

    private CountingHttpServer(HttpServer server) {
        this.server = server;
    }

    static CountingHttpServer start() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        CountingHttpServer counting = new CountingHttpServer(server);
        server.createContext("/events", counting::handle);
        server.start();
        return counting;
    }

    /** The URL to post events to. */
    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/events";
    }

    long requests() {
        return requests.get();
    }

    long events() {
        return events.get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readAllBytes();
        }
        events.addAndGet(count(body));
        requests.incrementAndGet();
        exchange.sendResponseHeaders(202, -1);
        exchange.close();
    }

    /** Occurrences of the marker, found by Boyer-Moore-Horspool so that counting costs the collector little. */
    static int count(byte[] body) {
        int count = 0;
        int last = MARKER.length - 1;
        int at = 0;
        while (at + last < body.length) {
            int j = last;
            while (j >= 0 && body[at + j] == MARKER[j]) {
                j--;
            }
            if (j < 0) {
                count++;
                at += MARKER.length;
            } else {
                at += SKIP[body[at + last] & 0xFF];
            }
        }
        return count;
    }

    private static int[] skipTable() {
        int[] skip = new int[256];
        Arrays.fill(skip, MARKER.length);
        for (int i = 0; i < MARKER.length - 1; i++) {
            skip[MARKER[i] & 0xFF] = MARKER.length - 1 - i;
        }
        return skip;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
