package dev.ossa.camel.events.benchmarks;

import java.util.List;

import org.openjdk.jmh.runner.RunnerException;

/**
 * {@code encode-vs-sdk-java}: {@link EncodeBenchmark}, ours against the CloudEvents Java SDK, with
 * {@code encode-alloc-vs-sdk-java} for the bytes allocated per event.
 */
final class EncodeComparison {

    List<Comparison> run() throws RunnerException {
        return new JmhPair(EncodeBenchmark.class, "ours", "sdkJava", "encode-vs-sdk-java", "encode-alloc-vs-sdk-java")
                .run();
    }
}
