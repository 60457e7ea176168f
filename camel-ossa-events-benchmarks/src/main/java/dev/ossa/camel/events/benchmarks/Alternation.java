package dev.ossa.camel.events.benchmarks;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs the sides of a comparison in turn, A, B, A, B ..., so that the machine's drift favours neither, after one
 * unmeasured warm-up round; each side's result is the median of its measured rounds.
 */
final class Alternation {

    /** One side: a run that returns its measurement. */
    @FunctionalInterface
    interface Side {
        double run() throws Exception;
    }

    private final Map<String, Side> sides = new LinkedHashMap<>();
    private final String comparison;

    Alternation(String comparison) {
        this.comparison = comparison;
    }

    Alternation side(String name, Side side) {
        sides.put(name, side);
        return this;
    }

    /** Runs one warm-up round and {@code rounds} measured rounds; returns each side's median. */
    Map<String, Double> run(int rounds, String unit) throws Exception {
        Map<String, List<Double>> measured = new LinkedHashMap<>();
        for (int round = 0; round <= rounds; round++) {
            for (Map.Entry<String, Side> side : sides.entrySet()) {
                double value = side.getValue().run();
                String label = round == 0 ? "warm-up" : "round " + round;
                System.out.printf("  %-22s %-10s %-9s %,14.1f %s%n", comparison, side.getKey(), label, value, unit);
                if (round > 0) {
                    measured.computeIfAbsent(side.getKey(), k -> new ArrayList<>()).add(value);
                }
            }
        }
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
