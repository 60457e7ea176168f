package dev.ossa.camel.events.benchmarks;

import java.util.ArrayList;
import java.util.List;

import org.openjdk.jmh.runner.RunnerException;

/**
 * {@code decode-<binding>-vs-sdk-java}: {@link DecodeBenchmark}, reading and validating one event of each binding,
 * ours against the CloudEvents Java SDK's readers, with {@code decode-<binding>-alloc-vs-sdk-java} for the bytes
 * allocated per event.
 */
final class DecodeComparison {

    private static final List<String> BINDINGS = List.of("http-binary", "http-structured", "kafka-binary",
            "kafka-structured");

    List<Comparison> run() throws RunnerException {
        List<Comparison> results = new ArrayList<>();
        for (String binding : BINDINGS) {
            String method = camelCase(binding);
            results.addAll(new JmhPair(DecodeBenchmark.class, "ours" + method, "sdkJava" + method,
                    "decode-" + binding + "-vs-sdk-java", "decode-" + binding + "-alloc-vs-sdk-java").run());
        }
        return results;
    }

    /** {@code http-binary} to {@code HttpBinary}. */
    private static String camelCase(String binding) {
        StringBuilder out = new StringBuilder();
        for (String part : binding.split("-")) {
            out.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
        }
        return out.toString();
    }
}
