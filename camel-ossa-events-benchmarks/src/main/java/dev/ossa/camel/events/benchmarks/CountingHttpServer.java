package dev.ossa.camel.events.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * The HTTP collector both sides post to: the JDK's {@code HttpServer} on a loopback port, answering 202 to every
 * request and counting the requests and the events in them (one per {@code "specversion"} member).
 */
final class CountingHttpServer implements AutoCloseable {

    private static final byte[] MARKER = "\"specversion\"".getBytes(StandardCharsets.US_ASCII);

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

    private static int count(byte[] body) {
        int count = 0;
        for (int i = 0; i <= body.length - MARKER.length; i++) {
            if (body[i] == '"' && matches(body, i)) {
                count++;
                i += MARKER.length - 1;
            }
        }
        return count;
    }

    private static boolean matches(byte[] body, int at) {
        for (int j = 1; j < MARKER.length; j++) {
            if (body[at + j] != MARKER[j]) {
                return false;
            }
        }
        return true;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
