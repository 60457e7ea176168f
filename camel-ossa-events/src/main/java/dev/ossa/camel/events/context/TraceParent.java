package dev.ossa.camel.events.context;

/**
 * A valid W3C Trace Context {@code traceparent}: {@code <version>-<trace-id>-<parent-id>-<flags>}, lower-case hex,
 * trace id and parent id not all zeros. {@link #value()} is the header as it was given.
 *
 * @param traceId  32 hex digits
 * @param parentId 16 hex digits: the span of the caller
 * @param flags    2 hex digits ({@code 01}: sampled)
 * @param value    the whole header value
 */
public record TraceParent(String traceId, String parentId, String flags, String value) {

    /** The flags of a trace that a scope starts: sampled, so that tracing systems downstream keep it. */
    public static final String SAMPLED = "01";

    private static final int LENGTH = 55;

    /** A {@code traceparent} of version 00. */
    public static TraceParent of(String traceId, String parentId, String flags) {
        return new TraceParent(traceId, parentId, flags, "00-" + traceId + "-" + parentId + "-" + flags);
    }

    /**
     * Parses a header value; null when it is not a valid {@code traceparent}. Version {@code 00} is exactly 55
     * characters; a higher version (not {@code ff}) may carry more after a {@code -}, which is kept in {@link #value()}
     * and otherwise ignored, as W3C Trace Context asks. A {@code byte[]} value (a Kafka record header) is UTF-8 text.
     */
    public static TraceParent parse(Object header) {
        String text = HeaderText.of(header);
        if (text == null) {
            return null;
        }
        String value = text.strip();
        if (value.length() < LENGTH || value.charAt(2) != '-' || value.charAt(35) != '-' || value.charAt(52) != '-') {
            return null;
        }
        String version = value.substring(0, 2);
        if (!isHex(version) || version.equals("ff")) {
            return null;
        }
        if (version.equals("00") ? value.length() != LENGTH : value.length() > LENGTH && value.charAt(LENGTH) != '-') {
            return null;
        }
        String traceId = value.substring(3, 35);
        String parentId = value.substring(36, 52);
        String flags = value.substring(53, 55);
        if (!isTraceId(traceId) || !isSpanId(parentId) || !isHex(flags)) {
            return null;
        }
        return new TraceParent(traceId, parentId, flags, value);
    }

    /** 32 lower-case hex digits, not all zeros. */
    public static boolean isTraceId(String id) {
        return id != null && id.length() == 32 && isHex(id) && !isZeros(id);
    }

    /** 16 lower-case hex digits, not all zeros. */
    public static boolean isSpanId(String id) {
        return id != null && id.length() == 16 && isHex(id) && !isZeros(id);
    }

    private static boolean isHex(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) {
                return false;
            }
        }
        return true;
    }

    private static boolean isZeros(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) != '0') {
                return false;
            }
        }
        return true;
    }
}
