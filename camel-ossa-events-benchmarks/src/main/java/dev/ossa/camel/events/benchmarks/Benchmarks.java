package dev.ossa.camel.events.benchmarks;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Runs every comparison in one process, writes {@code results.json} (an array of
 * {@code {"name", "ours", "peer", "unit", "ratio"}}) and prints a table.
 * <p>
 * Argument: {@code all} (default) or a comma-separated choice of {@code encode}, {@code decode}, {@code http},
 * {@code memory}, {@code persistent}, {@code kafka}. System property {@code benchmarks.output}: the results file (default
 * {@code target/results.json}).
 */
public final class Benchmarks {

    private static final List<String> ALL = List.of("encode", "decode", "http", "memory", "persistent", "kafka");

    private Benchmarks() {
    }

    public static void main(String[] args) throws Exception {
        Set<String> only = choice(args.length == 0 ? "all" : args[0]);
        Path output = Path.of(System.getProperty("benchmarks.output", "target/results.json"));
        long start = System.nanoTime();
        System.out.println("camel-ossa-events benchmarks: " + String.join(", ", only));
        System.out.println("machine: " + Runtime.getRuntime().availableProcessors() + " cores, "
                           + System.getProperty("java.vm.name") + " " + System.getProperty("java.version")
                           + ", load at start: " + load());
        List<Comparison> results = new ArrayList<>();
        if (only.contains("encode")) {
            section("encode");
            results.addAll(new EncodeComparison().run());
        }
        if (only.contains("decode")) {
            section("decode");
            results.addAll(new DecodeComparison().run());
        }
        if (only.contains("http") || only.contains("memory") || only.contains("persistent")) {
            try (CountingHttpServer server = CountingHttpServer.start()) {
                if (only.contains("http")) {
                    section("http");
                    results.addAll(new HttpComparison(server).run());
                }
                if (only.contains("memory")) {
                    section("memory");
                    results.addAll(new MemoryComparison(server).run());
                }
                if (only.contains("persistent")) {
                    section("persistent");
                    results.addAll(new PersistentComparison(server).run());
                }
            }
        }
        if (only.contains("kafka")) {
            section("kafka");
            try (EmbeddedKafka kafka = EmbeddedKafka.start()) {
                results.addAll(new KafkaComparison(kafka).run());
            }
        }
        ResultsReport.write(results, output);
        System.out.println();
        System.out.print(ResultsReport.table(results));
        System.out.printf("%nload at end: %s; took %.0f s; results in %s%n", load(),
                (System.nanoTime() - start) / 1e9, output.toAbsolutePath());
        System.exit(0);
    }

    private static void section(String name) {
        System.out.println(name + " (load: " + load() + ")");
    }

    private static Set<String> choice(String argument) {
        if (argument.isBlank() || argument.equals("all")) {
            return new LinkedHashSet<>(ALL);
        }
        Set<String> chosen = new LinkedHashSet<>(Arrays.asList(argument.split(",")));
        if (!ALL.containsAll(chosen)) {
            throw new IllegalArgumentException("Unknown benchmark in '" + argument + "': choose from " + ALL);
        }
        return chosen;
    }

    /** The load averages (1, 5, 15 minutes), as {@code uptime} shows them. */
    private static String load() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (IOException e) {
            return String.format("%.2f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        }
    }
}
