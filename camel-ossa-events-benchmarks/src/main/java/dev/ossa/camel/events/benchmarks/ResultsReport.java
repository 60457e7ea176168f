package dev.ossa.camel.events.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * Writes the results as JSON and as a table with each comparison's goal.
 */
final class ResultsReport {

    /** The ratio each comparison should reach; comparisons without one only report. */
    static final Map<String, Double> GOALS = Map.of(
            "encode-vs-sdk-java", 1.4,
            "kafka-vs-sdk-java", 0.9,
            "kafka-vs-preencoded", 0.8,
            "kafka-vs-camel-floor", 1.0,
            "kafka-vs-camel-cloudevents", 1.5,
            "http-batch-vs-per-event", 20.0,
            "persistent-batch1000-vs-memory", 0.333);

    private ResultsReport() {
    }

    static void write(List<Comparison> results, Path file) throws IOException {
        List<Comparison> rounded = results.stream()
                .map(r -> new Comparison(r.name(), round(r.ours(), 1), round(r.peer(), 1), r.unit(),
                        round(r.ratio(), 3)))
                .toList();
        Files.createDirectories(file.toAbsolutePath().getParent());
        JsonMapper.builder().build().writerWithDefaultPrettyPrinter().writeValue(file.toFile(), rounded);
    }

    static String table(List<Comparison> results) {
        StringBuilder table = new StringBuilder(String.format("%-26s %14s %14s  %-26s %7s  %s%n", "name", "ours",
                "peer", "unit", "ratio", "goal"));
        for (Comparison r : results) {
            Double goal = GOALS.get(r.name());
            String verdict = goal == null ? "" : String.format(">= %s %s", goal, r.ratio() >= goal ? "met" : "NOT met");
            table.append(String.format("%-26s %,14.1f %,14.1f  %-26s %7.2f  %s%n", r.name(), r.ours(), r.peer(),
                    r.unit(), r.ratio(), verdict));
        }
        return table.toString();
    }

    private static double round(double value, int decimals) {
        double scale = Math.pow(10, decimals);
        return Math.round(value * scale) / scale;
    }
}
