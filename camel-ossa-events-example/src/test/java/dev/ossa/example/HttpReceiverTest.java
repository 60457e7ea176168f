package dev.ossa.example;

import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * With {@code example.sink=http} the example sends its events over HTTP to the receiver it starts itself, which reads
 * every one back with the CloudEvents Java SDK, in each mode the component offers for HTTP.
 */
class HttpReceiverTest {

    @ParameterizedTest
    @ValueSource(strings = {"structured", "binary", "batch"})
    void theLocalReceiverReadsBackEveryEventOfTheRun(String mode) throws Exception {
        ExampleRun run = ExampleRun.run(Map.of(
                "example.sink", "http",
                "example.http.port", String.valueOf(ExampleRun.freePort()),
                "camel.component.ossa-events.mode", mode,
                "camel.component.ossa-events.batch-size", mode.equals("batch") ? "3" : "1"));

        assertEquals(0, run.stdoutLines().size(), "with the HTTP sink nothing goes to standard output");
        ReceivedEvents received = run.receivedEvents();
        assertNotNull(received, "the HTTP receiver was not started");
        OneWorkflowRun.assertComplete(received.events());
    }
}
