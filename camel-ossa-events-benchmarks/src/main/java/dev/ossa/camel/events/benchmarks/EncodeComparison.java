package dev.ossa.camel.events.benchmarks;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * {@code encode-vs-sdk-java}: {@link EncodeBenchmark} under JMH with the GC profiler, one forked JVM per run, ours
 * and the SDK alternating (A, B, A, B). Gives the average time per event (the median of every measured iteration of
 * the side's runs, which a busy machine disturbs least) and the bytes allocated per event.
 */
final class EncodeComparison {

    private static final int ROUNDS = 3;
    private static final String[] SIDES = { "ours", "sdkJava" };

    List<Comparison> run() throws RunnerException {
        Map<String, List<Double>> times = new LinkedHashMap<>();
        Map<String, List<Double>> allocations = new LinkedHashMap<>();
        for (int round = 1; round <= ROUNDS; round++) {
            for (String side : SIDES) {
                RunResult result = new Runner(options(side)).runSingle();
                List<Double> iterations = iterationScores(result);
                double allocated = allocatedPerOperation(result);
                System.out.printf("  %-22s %-10s round %d  %,10.1f ns/event (median of %d iterations)  %,8.0f B/event%n",
                        "encode-vs-sdk-java", side, round, Alternation.median(iterations), iterations.size(),
                        allocated);
                times.computeIfAbsent(side, k -> new ArrayList<>()).addAll(iterations);
                allocations.computeIfAbsent(side, k -> new ArrayList<>()).add(allocated);
            }
        }
        return List.of(
                Comparison.cost("encode-vs-sdk-java",
                        Alternation.median(times.get("ours")), Alternation.median(times.get("sdkJava")),
                        "ns/event"),
                Comparison.cost("encode-alloc-vs-sdk-java",
                        Alternation.median(allocations.get("ours")), Alternation.median(allocations.get("sdkJava")),
                        "B/event"));
    }

    private static Options options(String side) {
        return new OptionsBuilder()
                .include(Pattern.quote(EncodeBenchmark.class.getName() + "." + side) + "$")
                .forks(1)
                .warmupIterations(3)
                .warmupTime(TimeValue.seconds(1))
                .measurementIterations(4)
                .measurementTime(TimeValue.seconds(1))
                .jvmArgsAppend("-Xms1g", "-Xmx1g")
                .addProfiler(GCProfiler.class)
                .verbosity(VerboseMode.SILENT)
                .build();
    }

    private static List<Double> iterationScores(RunResult result) {
        List<Double> scores = new ArrayList<>();
        for (BenchmarkResult benchmark : result.getBenchmarkResults()) {
            for (IterationResult iteration : benchmark.getIterationResults()) {
                scores.add(iteration.getPrimaryResult().getScore());
            }
        }
        return scores;
    }

    private static double allocatedPerOperation(RunResult result) {
        for (Map.Entry<String, Result> secondary : result.getSecondaryResults().entrySet()) {
            if (secondary.getKey().endsWith("gc.alloc.rate.norm")) {
                return secondary.getValue().getScore();
            }
        }
        throw new IllegalStateException("The GC profiler gave no gc.alloc.rate.norm: "
                                        + result.getSecondaryResults().keySet());
    }
}
