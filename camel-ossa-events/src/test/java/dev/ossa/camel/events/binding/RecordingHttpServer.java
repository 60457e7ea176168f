package dev.ossa.camel.events.binding;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.SSLContext;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;

/**
 * A real HTTP (or HTTPS) server on 127.0.0.1, on a free port, that records every request it receives: method, path
 * with query, headers (names in lower case) and body bytes. It answers 200 unless told otherwise: scripted answers
 * are used once each, in order, then the default answer.
 */
final class RecordingHttpServer implements AutoCloseable {

    private static final long WAIT_SECONDS = 20;

    /** One request as the server received it. */
    record RecordedRequest(String method, String path, Map<String, List<String>> headers, byte[] body) {

        /** The first value of a header, by its name in any case; null when absent. */
        String header(String name) {
            List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
            return values == null || values.isEmpty() ? null : values.get(0);
        }

        /** Every header with its first value, names in lower case. */
        Map<String, String> firstValues() {
            Map<String, String> first = new LinkedHashMap<>();
            headers.forEach((name, values) -> first.put(name, values.get(0)));
            return first;
        }

        String bodyText() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    private record Answer(int status, String body, boolean hang) {
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "recording-http-server");
        thread.setDaemon(true);
        return thread;
    });
    private final List<RecordedRequest> requests = Collections.synchronizedList(new ArrayList<>());
    private final Deque<Answer> scripted = new ConcurrentLinkedDeque<>();
    private final CountDownLatch closed = new CountDownLatch(1);
    private volatile Answer otherwise = new Answer(200, "", false);

    private RecordingHttpServer(HttpServer server) {
        this.server = server;
        server.createContext("/", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    /** A plain HTTP server on 127.0.0.1 and a free port. */
    static RecordingHttpServer start() throws IOException {
        return new RecordingHttpServer(HttpServer.create(loopback(), 0));
    }

    /** An HTTPS server on 127.0.0.1 and a free port, with the key and certificate of {@code tls}. */
    static RecordingHttpServer startHttps(SSLContext tls) throws IOException {
        HttpsServer server = HttpsServer.create(loopback(), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(tls));
        return new RecordingHttpServer(server);
    }

    private static InetSocketAddress loopback() throws IOException {
        return new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0);
    }

    /** The URL of {@code path} on this server, e.g. {@code http://127.0.0.1:41234/events}. */
    String url(String path) {
        String scheme = server instanceof HttpsServer ? "https" : "http";
        return scheme + "://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    /** Answers the next request (after those already scripted) with this status and body. */
    RecordingHttpServer thenAnswer(int status, String body) {
        scripted.add(new Answer(status, body, false));
        return this;
    }

    /** Answers every request that no scripted answer is left for with this status and body. */
    RecordingHttpServer otherwiseAnswer(int status, String body) {
        otherwise = new Answer(status, body, false);
        return this;
    }

    /** Never answers: each request waits until the server is closed. */
    RecordingHttpServer otherwiseHang() {
        otherwise = new Answer(200, "", true);
        return this;
    }

    /** The requests received so far, in order of arrival. */
    List<RecordedRequest> requests() {
        synchronized (requests) {
            return List.copyOf(requests);
        }
    }

    /** Waits (up to 20 s) until at least {@code count} requests have arrived and returns them all. */
    List<RecordedRequest> awaitRequests(int count) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
        while (requests.size() < count) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Expected " + count + " requests within " + WAIT_SECONDS + " s, got "
                                         + requests.size());
            }
            Thread.sleep(10);
        }
        return requests();
    }

    /** The only request received so far; fails when there is none or more than one. */
    RecordedRequest onlyRequest() {
        List<RecordedRequest> all = requests();
        if (all.size() != 1) {
            throw new AssertionError("Expected exactly 1 request, got " + all.size());
        }
        return all.get(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readAllBytes();
        }
        Map<String, List<String>> headers = new LinkedHashMap<>();
        exchange.getRequestHeaders().forEach(
                (name, values) -> headers.put(name.toLowerCase(Locale.ROOT), List.copyOf(values)));
        requests.add(new RecordedRequest(exchange.getRequestMethod(), exchange.getRequestURI().toString(),
                Collections.unmodifiableMap(headers), body));
        Answer answer = scripted.poll();
        if (answer == null) {
            answer = otherwise;
        }
        if (answer.hang()) {
            try {
                closed.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        byte[] reply = answer.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=UTF-8");
        exchange.sendResponseHeaders(answer.status(), reply.length == 0 ? -1 : reply.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(reply);
        }
    }

    @Override
    public void close() {
        closed.countDown();
        server.stop(0);
        executor.shutdownNow();
    }
}
