package dev.ossa.camel.events.delivery;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntUnaryOperator;
import java.util.stream.Collectors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import io.cloudevents.CloudEvent;

/**
 * A real HTTP collector on 127.0.0.1 (port 0) that records every request it gets, with the time it arrived, and
 * answers with the status the test chooses per call (1, 2, 3 ...): 200 unless told otherwise.
 */
final class RecordingHttpSink implements AutoCloseable {

    /** One request as it arrived; {@code status} is what the sink answered. */
    record Request(int call, long arrivedNanos, Map<String, String> headers, byte[] body, int status) {

        boolean accepted() {
            return status >= 200 && status < 300;
        }

        /** The events of this request, read by the CloudEvents SDK. */
        List<CloudEvent> events() {
            return CloudEventsJudge.read(headers, body);
        }
    }

    private final HttpServer server;
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final AtomicInteger calls = new AtomicInteger();
    private volatile IntUnaryOperator statusForCall = call -> 200;
    private volatile long answerDelayMillis;
    private volatile CountDownLatch answerGate;

    private RecordingHttpSink(HttpServer server) {
        this.server = server;
    }

    static RecordingHttpSink start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            RecordingHttpSink sink = new RecordingHttpSink(server);
            server.createContext("/", sink::handle);
            server.start();
            return sink;
        } catch (IOException e) {
            throw new IllegalStateException("Cannot start the test HTTP sink", e);
        }
    }

    /** The sink as the value of an {@code ossa-events} URI option. */
    String uri() {
        return "RAW(http://127.0.0.1:" + port() + "/events)";
    }

    int port() {
        return server.getAddress().getPort();
    }

    /** Answers call n (from 1) with {@code status.applyAsInt(n)}. */
    void answer(IntUnaryOperator status) {
        this.statusForCall = status;
    }

    /** Makes every answer wait, as a slow collector would. */
    void delayAnswers(long millis) {
        this.answerDelayMillis = millis;
    }

    /** Holds every answer until {@code gate} opens, as a collector that hangs would. */
    void holdAnswersUntil(CountDownLatch gate) {
        this.answerGate = gate;
    }

    List<Request> requests() {
        return List.copyOf(requests);
    }

    List<Request> acceptedRequests() {
        return requests.stream().filter(Request::accepted).toList();
    }

    /** Every event of every accepted request, in arrival order. */
    List<CloudEvent> acceptedEvents() {
        List<CloudEvent> events = new ArrayList<>();
        acceptedRequests().forEach(request -> events.addAll(request.events()));
        return events;
    }

    List<String> acceptedIds() {
        return acceptedEvents().stream().map(CloudEvent::getId).toList();
    }

    /** Waits until the sink has accepted at least {@code count} events; fails after {@code timeout}. */
    void awaitAcceptedEvents(int count, Duration timeout) {
        Deadline.await(() -> acceptedEvents().size() >= count, timeout,
                () -> "the sink accepted " + acceptedEvents().size() + " of " + count + " events");
    }

    /** Waits until the sink has received at least {@code count} requests; fails after {@code timeout}. */
    void awaitRequests(int count, Duration timeout) {
        Deadline.await(() -> requests.size() >= count, timeout,
                () -> "the sink received " + requests.size() + " of " + count + " requests");
    }

    private void handle(HttpExchange exchange) throws IOException {
        long arrived = System.nanoTime();
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readAllBytes();
        }
        Map<String, String> headers = exchange.getRequestHeaders().entrySet().stream().collect(Collectors.toMap(
                e -> e.getKey().toLowerCase(Locale.ROOT), e -> String.join(",", e.getValue()), (a, b) -> a,
                TreeMap::new));
        int call = calls.incrementAndGet();
        int status = statusForCall.applyAsInt(call);
        requests.add(new Request(call, arrived, headers, body, status));
        pause(answerDelayMillis);
        await(answerGate);
        byte[] answer = status >= 300 ? ("refused call " + call).getBytes() : new byte[0];
        exchange.sendResponseHeaders(status, answer.length == 0 ? -1 : answer.length);
        if (answer.length > 0) {
            exchange.getResponseBody().write(answer);
        }
        exchange.close();
    }

    private static void pause(long millis) {
        if (millis > 0) {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static void await(CountDownLatch gate) {
        if (gate != null) {
            try {
                gate.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
