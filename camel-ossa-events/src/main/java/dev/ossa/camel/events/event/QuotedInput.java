package dev.ossa.camel.events.event;

/**
 * Quotes a value that came from the caller in an error message, so that the message stays one short, honest line:
 * control characters are escaped ({@code \n}, {@code \r}, {@code \t}, others as {@code \}{@code uXXXX}) so no input can
 * forge a log line, and a value longer than {@value #MAX_QUOTED} characters is cut, saying how long it was.
 */
public final class QuotedInput {

    /** The most characters of a value a message quotes. */
    public static final int MAX_QUOTED = 120;

    private QuotedInput() {
    }

    /** The value in single quotes, escaped and cut, e.g. {@code 'ab\ncd'} or {@code 'aaa...' (52428800 characters)}. */
    public static String quote(String value) {
        return quote(value, MAX_QUOTED);
    }

    /** The value in single quotes, escaped, and cut after {@code max} characters. */
    public static String quote(String value, int max) {
        if (value == null) {
            return "null";
        }
        int shown = Math.min(value.length(), max);
        if (shown > 0 && Character.isHighSurrogate(value.charAt(shown - 1)) && shown < value.length()) {
            shown--;
        }
        StringBuilder out = new StringBuilder(shown + 32).append('\'');
        for (int i = 0; i < shown; i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c <= 0x1F || c >= 0x7F && c <= 0x9F || c == '\u2028' || c == '\u2029') {
                        out.append(String.format("\\u%04X", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('\'');
        if (shown < value.length()) {
            out.setLength(out.length() - 1);
            out.append("...' (").append(value.length()).append(" characters)");
        }
        return out.toString();
    }
}
