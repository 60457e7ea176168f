package dev.ossa.example;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.camel.main.BaseMainSupport;
import org.apache.camel.main.Main;
import org.apache.camel.main.MainListenerSupport;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * One run of the example application as {@code exec:java} runs it (camel-main with {@code application.properties},
 * the Java and YAML routes), with some properties overridden, until it stops by itself. What it printed to standard
 * output is kept.
 */
final class ExampleRun {

    private final List<String> stdoutLines;
    private final ReceivedEvents receivedEvents;

    private ExampleRun(List<String> stdoutLines, ReceivedEvents receivedEvents) {
        this.stdoutLines = stdoutLines;
        this.receivedEvents = receivedEvents;
    }

    /** Runs the example with {@code overrides} over its properties; fails if it has not ended within 2 minutes. */
    static ExampleRun run(Map<String, String> overrides) {
        Main main = new Main(AgentWorkflowApplication.class);
        overrides.forEach(main::addOverrideProperty);
        if (!overrides.containsKey("example.booker.port")) {
            main.addOverrideProperty("example.booker.port", String.valueOf(uncheckedFreePort()));
        }
        AtomicReference<ReceivedEvents> received = new AtomicReference<>();
        main.addMainListener(new MainListenerSupport() {
            @Override
            public void afterStart(BaseMainSupport started) {
                received.set(started.getCamelContext().getRegistry()
                        .lookupByNameAndType("receivedEvents", ReceivedEvents.class));
            }
        });
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream original = System.out;
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            assertTimeoutPreemptively(Duration.ofMinutes(2), () -> main.run(),
                    "the example did not stop by itself");
        } finally {
            System.setOut(original);
        }
        String out = captured.toString(StandardCharsets.UTF_8);
        List<String> lines = Arrays.stream(out.split("\n")).filter(line -> !line.isBlank()).toList();
        return new ExampleRun(lines, received.get());
    }

    private static int uncheckedFreePort() {
        try {
            return freePort();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** A free loopback port for the example's HTTP receiver or its booker agent. */
    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    List<String> stdoutLines() {
        return stdoutLines;
    }

    /** What the example's HTTP receiver read, or null when the run did not start it. */
    ReceivedEvents receivedEvents() {
        return receivedEvents;
    }
}
