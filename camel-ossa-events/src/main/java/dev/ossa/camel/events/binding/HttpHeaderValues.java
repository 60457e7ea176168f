package dev.ossa.camel.events.binding;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

import dev.ossa.camel.events.event.MalformedCloudEventException;

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

    /**
     * Reverses {@link #encode}: every {@code %XY} (hex digits of either case) is a byte, every other character stands
     * for itself, and the bytes must be UTF-8.
     *
     * @param header the header's name, for the message
     * @throws MalformedCloudEventException when a {@code %} is not followed by two hex digits, or the decoded bytes
     *                                      are not UTF-8
     */
    public static String decode(String header, String value) {
        int percent = value.indexOf('%');
        if (percent < 0) {
            return value;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(value.length());
        bytes.writeBytes(value.substring(0, percent).getBytes(StandardCharsets.UTF_8));
        for (int i = percent; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c != '%') {
                int width = Character.charCount(value.codePointAt(i));
                bytes.writeBytes(value.substring(i, i + width).getBytes(StandardCharsets.UTF_8));
                i += width - 1;
                continue;
            }
            int high = i + 2 < value.length() ? hex(value.charAt(i + 1)) : -1;
            int low = high >= 0 ? hex(value.charAt(i + 2)) : -1;
            if (low < 0) {
                throw new MalformedCloudEventException(header, "bad percent-encoding at index " + i
                        + ": '%' must be followed by two hex digits (HTTP binding 3.1.3.2)");
            }
            bytes.write(high << 4 | low);
            i += 2;
        }
        String text = StrictUtf8.decodeOrNull(bytes.toByteArray());
        if (text == null) {
            throw new MalformedCloudEventException(header, "is not UTF-8 once percent-decoded: '" + value + "'");
        }
        return text;
    }

    private static int hex(char c) {
        return c >= '0' && c <= '9' ? c - '0' : c >= 'A' && c <= 'F' ? c - 'A' + 10 : c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
    }
}
