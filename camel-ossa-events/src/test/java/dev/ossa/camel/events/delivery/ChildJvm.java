package dev.ossa.camel.events.delivery;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A separate JVM on the test's class path, running {@link CrashingEmitter}; its output goes to a log file that
 * failures quote.
 */
final class ChildJvm {

    private final Process process;
    private final Path log;

    private ChildJvm(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    static ChildJvm start(Path log, String... arguments) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new java.util.ArrayList<>(List.of(java, "-Xmx256m", "-cp",
                System.getProperty("java.class.path"), CrashingEmitter.class.getName()));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        return new ChildJvm(process, log);
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** SIGKILL on Linux: no shutdown hook, no flush, nothing runs after it. */
    int kill9() throws InterruptedException {
        process.destroyForcibly();
        return process.waitFor();
    }

    int awaitExit(long seconds) throws InterruptedException {
        if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("The child JVM did not exit within " + seconds + " s:\n" + output());
        }
        return process.exitValue();
    }

    /** The number the child printed after {@code label}, e.g. {@code recovered 120}; -1 when it printed none. */
    long printed(String label) throws IOException {
        for (String line : Files.readAllLines(log)) {
            if (line.startsWith(label + " ")) {
                return Long.parseLong(line.substring(label.length() + 1).split(" ")[0]);
            }
        }
        return -1;
    }

    String output() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return "(no output: " + e + ")";
        }
    }
}
