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
 * Two methods of a JMH benchmark class, ours and the peer's, under JMH with the GC profiler, one forked JVM per run,
 * alternating (A, B, A, B). Gives the average time per event (the median of every measured iteration of the side's
 * runs, which a busy machine disturbs least) and the bytes allocated per event, as the rows {@code <name>} and
 * {@code <allocName>}.
 */
final class JmhPair {

    private static final int ROUNDS = 3;

    private final Class<?> benchmark;
    private final String ours;
    private final String peer;
    private final String name;
    private final String allocName;

    JmhPair(Class<?> benchmark, String ours, String peer, String name, String allocName) {
        this.benchmark = benchmark;
        this.ours = ours;
        this.peer = peer;
        this.name = name;
        this.allocName = allocName;
    }

    List<Comparison> run() throws RunnerException {
        Map<String, List<Double>> times = new LinkedHashMap<>();
        Map<String, List<Double>> allocations = new LinkedHashMap<>();
        for (int round = 1; round <= ROUNDS; round++) {
            for (String side : List.of(ours, peer)) {
                RunResult result = new Runner(options(side)).runSingle();
                List<Double> iterations = iterationScores(result);
                double allocated = allocatedPerOperation(result);
                System.out.printf("  %-34s %-20s round %d  %,10.1f ns/event (median of %d iterations)  %,8.0f B/event%n",
                        name, side, round, Alternation.median(iterations), iterations.size(),
                        allocated);
                times.computeIfAbsent(side, k -> new ArrayList<>()).addAll(iterations);
                allocations.computeIfAbsent(side, k -> new ArrayList<>()).add(allocated);
            }
        }
        return List.of(
                Comparison.cost(name, Alternation.median(times.get(ours)), Alternation.median(times.get(peer)),
                        "ns/event"),
                Comparison.cost(allocName, Alternation.median(allocations.get(ours)),
                        Alternation.median(allocations.get(peer)), "B/event"));
    }

    private Options options(String side) {
        return new OptionsBuilder()
                .include(Pattern.quote(benchmark.getName() + "." + side) + "$")
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
