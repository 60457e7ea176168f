package dev.ossa.camel.events.dataformat;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;

/**
 * Runs {@code src/test/node/write-events.js}: the CloudEvents JavaScript SDK 10.0.0 writing events, an independent
 * writer. Installs the locked Node packages with {@code npm ci} when they are missing; a test that needs it is skipped
 * on a machine without Node.js.
 */
final class JavaScriptSdk {

    private static final File NODE_PROJECT = new File("src/test/node");

    private JavaScriptSdk() {
    }

    /**
     * @param kind   {@code http-binary}, {@code http-structured}, {@code kafka-binary} or {@code kafka-structured}
     * @param url    where HTTP kinds send, null for Kafka kinds
     * @param events a JSON array of event attribute objects
     * @return the script's output lines: the HTTP answers, or one Kafka message per line
     */
    static List<String> write(String kind, String url, String events) throws Exception {
        Assumptions.assumeTrue(nodeInstalled(), "Node.js is not installed: the JavaScript SDK cannot write");
        installIfMissing();
        ProcessBuilder builder = url == null ? new ProcessBuilder("node", "write-events.js", kind)
                : new ProcessBuilder("node", "write-events.js", kind, url);
        Process process = builder.directory(NODE_PROJECT).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        process.getOutputStream().write(events.getBytes(StandardCharsets.UTF_8));
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new AssertionError("node write-events.js " + kind + " failed: " + output);
        }
        return output.lines().toList();
    }

    private static boolean nodeInstalled() {
        try {
            Process node = new ProcessBuilder("node", "--version").redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return node.waitFor(30, TimeUnit.SECONDS) && node.exitValue() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    private static synchronized void installIfMissing() throws IOException, InterruptedException {
        if (new File(NODE_PROJECT, "node_modules/cloudevents").isDirectory()) {
            return;
        }
        Process npm = new ProcessBuilder("npm", "ci", "--no-audit", "--no-fund").directory(NODE_PROJECT)
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (!npm.waitFor(300, TimeUnit.SECONDS) || npm.exitValue() != 0) {
            throw new AssertionError("npm ci failed in " + NODE_PROJECT.getAbsolutePath());
        }
    }
}
