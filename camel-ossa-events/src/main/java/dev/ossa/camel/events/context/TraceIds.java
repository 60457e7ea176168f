package dev.ossa.camel.events.context;

import java.util.concurrent.ThreadLocalRandom;

/** Random W3C trace ids (32 lower-case hex digits) and span ids (16), never all zeros. */
final class TraceIds {

    private TraceIds() {
    }

    static String newTraceId() {
        return hex(nonZero()) + hex(ThreadLocalRandom.current().nextLong());
    }

    static String newSpanId() {
        return hex(nonZero());
    }

    private static long nonZero() {
        long value;
        do {
            value = ThreadLocalRandom.current().nextLong();
        } while (value == 0);
        return value;
    }

    private static String hex(long value) {
        String digits = Long.toHexString(value);
        return "0".repeat(16 - digits.length()) + digits;
    }
}
