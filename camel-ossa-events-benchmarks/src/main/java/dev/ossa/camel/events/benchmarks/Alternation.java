package dev.ossa.camel.events.benchmarks;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs the sides of a comparison in turn, A, B, A, B ..., so that the machine's drift favours neither, after one
 * unmeasured warm-up round; each side's result is the median of its measured rounds. With a {@link CpuMeter}, each
 * run's CPU microseconds per event are measured too, and their medians kept beside.
 */
final class Alternation {

    /** One side: a run that returns its measurement. */
    @FunctionalInterface
    interface Side {
        double run() throws Exception;
    }

    private final Map<String, Side> sides = new LinkedHashMap<>();
    private final String comparison;
    private final Map<String, Double> cpuMedians = new LinkedHashMap<>();
    private CpuMeter cpu;
    private long eventsPerRun;

    Alternation(String comparison) {
        this.comparison = comparison;
    }

    Alternation side(String name, Side side) {
        sides.put(name, side);
        return this;
    }

    /** Measures the CPU time of every run of {@code eventsPerRun} events with {@code meter}. */
    Alternation cpu(CpuMeter meter, long eventsPerRun) {
        this.cpu = meter;
        this.eventsPerRun = eventsPerRun;
        return this;
    }

    /** Each side's median CPU microseconds per event, after {@link #run}, when a meter was given. */
    Map<String, Double> cpuMedians() {
        return cpuMedians;
    }

    /** Runs one warm-up round and {@code rounds} measured rounds; returns each side's median. */
    Map<String, Double> run(int rounds, String unit) throws Exception {
        Map<String, List<Double>> measured = new LinkedHashMap<>();
        Map<String, List<Double>> cpuMeasured = new LinkedHashMap<>();
        for (int round = 0; round <= rounds; round++) {
            for (Map.Entry<String, Side> side : sides.entrySet()) {
                long cpuStart = cpu != null ? cpu.cpuNanos() : 0;
                double value = side.getValue().run();
                String label = round == 0 ? "warm-up" : "round " + round;
                System.out.printf("  %-22s %-18s %-9s %,14.1f %s", comparison, side.getKey(), label, value, unit);
                if (cpu != null) {
                    double micros = cpu.microsPerEvent(cpuStart, eventsPerRun);
                    System.out.printf(", %6.2f CPU us/event", micros);
                    if (round > 0) {
                        cpuMeasured.computeIfAbsent(side.getKey(), k -> new ArrayList<>()).add(micros);
                    }
                }
                System.out.println();
                if (round > 0) {
                    measured.computeIfAbsent(side.getKey(), k -> new ArrayList<>()).add(value);
                }
            }
        }
        cpuMeasured.forEach((name, values) -> cpuMedians.put(name, median(values)));
        Map<String, Double> medians = new LinkedHashMap<>();
        measured.forEach((name, values) -> medians.put(name, median(values)));
        return medians;
    }

    static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        sorted.sort(null);
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    }
}
