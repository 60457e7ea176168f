package dev.ossa.camel.events.binding;

import java.nio.charset.StandardCharsets;

/**
 * Percent-encoding of {@code ce-} header values, as the CloudEvents HTTP binding (3.1.3.2) requires: space,
 * double quote, percent and every character outside U+0021 to U+007E become upper-case {@code %XY} of their UTF-8
 * bytes; a surrogate pair is one character. Each value is encoded once, from its raw text.
 */
public final class HttpHeaderValues {

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private HttpHeaderValues() {
    }

    public static String encode(String value) {
        int first = firstToEncode(value);
        if (first < 0) {
            return value;
        }
        StringBuilder out = new StringBuilder(value.length() + 16);
        out.append(value, 0, first);
        int i = first;
        while (i < value.length()) {
            int codePoint = value.codePointAt(i);
            int width = Character.charCount(codePoint);
            if (mustEncode(codePoint)) {
                for (byte b : value.substring(i, i + width).getBytes(StandardCharsets.UTF_8)) {
                    out.append('%').append(HEX[(b >> 4) & 0xF]).append(HEX[b & 0xF]);
                }
            } else {
                out.append((char) codePoint);
            }
            i += width;
        }
        return out.toString();
    }

    private static int firstToEncode(String value) {
        for (int i = 0; i < value.length(); i++) {
            if (mustEncode(value.charAt(i))) {
                return i;
            }
        }
        return -1;
    }

    private static boolean mustEncode(int codePoint) {
        return codePoint <= 0x20 || codePoint >= 0x7F || codePoint == '"' || codePoint == '%';
    }
}
