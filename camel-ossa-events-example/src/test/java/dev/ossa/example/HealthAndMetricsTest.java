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
 * {@code meterRegistry} bean of {@code application.properties}) in the report it logs when it stops.
 */
class HealthAndMetricsTest {

    @Test
    void theReportShowsTheSinkHealthCheckAndTheMetersOfEveryEventType() {
        Main main = new Main(AgentWorkflowApplication.class);
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
        assertTrue(report.contains("health ossa-events:stdout UP pending=0 delivered=" + OneWorkflowRun.EVENTS_PER_RUN
                                   + " failed=0 dead-lettered=0"), all);
        List<String> delivered = report.stream()
                .filter(line -> line.startsWith("meter ossa.events.delivered{sink=stdout,type=dev.ossa.")).toList();
        assertEquals(11, delivered.size(), "one counter per OSSA type: " + all);
        double sum = delivered.stream().mapToDouble(line -> Double.parseDouble(line.replaceAll(".* count=", "")))
                .sum();
        assertEquals(OneWorkflowRun.EVENTS_PER_RUN, sum, all);
        assertTrue(report.contains("meter ossa.events.accepted{sink=stdout,type=dev.ossa.tool.failed} count=1.0"), all);
        assertTrue(report.stream().anyMatch(line -> line.startsWith(
                "meter ossa.events.delivery{sink=stdout,type=dev.ossa.workflow.started} count=1.0 total=")), all);
    }
}
