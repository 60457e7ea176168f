package dev.ossa.example;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import org.apache.camel.main.Main;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The camel-main example shows the component's health check (Camel's health-check API) and its Micrometer meters (the
 * {@code meterRegistry} bean of {@code application.properties}) in the report it logs when it stops: those of the
 * orchestrator's CamelContext, whose Java routes send 9 of the run's events (the booker agent's CamelContext sends
 * the other 5).
 */
class HealthAndMetricsTest {

    private static final int ORCHESTRATOR_EVENTS = 9;

    @Test
    void theReportShowsTheSinkHealthCheckAndTheMetersOfEachEventType() throws Exception {
        Main main = new Main(AgentWorkflowApplication.class);
        main.addOverrideProperty("example.booker.port", String.valueOf(ExampleRun.freePort()));
        PrintStream original = System.out;
        System.setOut(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        try {
            assertTimeoutPreemptively(Duration.ofMinutes(2), () -> main.run(), "the example did not stop by itself");
        } finally {
            System.setOut(original);
        }

        ObservabilityReport observability = main.getMainListeners().stream()
                .filter(ObservabilityReport.class::isInstance).map(ObservabilityReport.class::cast).findFirst()
                .orElseThrow(() -> new AssertionError("camel.main.main-listener-classes lacks the report"));
        List<String> report = observability.lastReport();
        String all = String.join("\n", report);
        assertTrue(report.contains("health ossa-events:stdout UP pending=0 delivered=" + ORCHESTRATOR_EVENTS
                                   + " failed=0 dead-lettered=0"), all);
        List<String> delivered = report.stream()
                .filter(line -> line.startsWith("meter ossa.events.delivered{sink=stdout,type=dev.ossa.")).toList();
        assertTrue(delivered.size() > 1, "one counter per OSSA type: " + all);
        double sum = delivered.stream().mapToDouble(line -> Double.parseDouble(line.replaceAll(".* count=", "")))
                .sum();
        assertEquals(ORCHESTRATOR_EVENTS, sum, all);
        assertTrue(report.contains("meter ossa.events.accepted{sink=stdout,type=dev.ossa.workflow.started} count=1.0"),
                all);
        assertTrue(report.stream().anyMatch(line -> line.startsWith(
                "meter ossa.events.delivery{sink=stdout,type=dev.ossa.workflow.started} count=1.0 total=")), all);
    }
}
