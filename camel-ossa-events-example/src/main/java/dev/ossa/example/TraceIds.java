package dev.ossa.example;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.UUID;

/**
 * New ids for a workflow run, in the W3C Trace Context format that tracing systems expect: a 32 hex digit trace id and
 * 16 hex digit span ids. The routes call it as the bean {@code traceIds}.
 */
public class TraceIds {

    private final SecureRandom random = new SecureRandom();

    /** The id of one run of the workflow, shared by all its events ({@code ossainteractionid}). */
    public String newInteractionId() {
        return "run-" + UUID.randomUUID();
    }

    /** A trace id: 16 random bytes as 32 lower-case hex digits ({@code ossatraceid}). */
    public String newTraceId() {
        return randomHex(16);
    }

    /** A span id: 8 random bytes as 16 lower-case hex digits ({@code ossaspanid}). */
    public String newSpanId() {
        return randomHex(8);
    }

    private String randomHex(int bytes) {
        byte[] value = new byte[bytes];
        random.nextBytes(value);
        return HexFormat.of().formatHex(value);
    }
}
