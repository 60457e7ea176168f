package dev.ossa.camel.events.delivery;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Polls a condition until it holds or a generous deadline passes; a test's only way to wait.
 */
final class Deadline {

    private Deadline() {
    }

    static void await(BooleanSupplier condition, Duration timeout, Supplier<String> whatIsMissing) {
        long end = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("Timed out after " + timeout.toMillis() + " ms: " + whatIsMissing.get());
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("Interrupted while waiting", e);
            }
        }
    }
}
