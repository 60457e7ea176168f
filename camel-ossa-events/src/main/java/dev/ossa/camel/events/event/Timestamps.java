package dev.ossa.camel.events.event;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Date;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * RFC 3339 timestamps: formatting Java time values and checking text.
 */
public final class Timestamps {

    private static final Pattern DATE_TIME = Pattern.compile(
            "(\\d{4}-\\d{2}-\\d{2})[Tt](\\d{2}:\\d{2})(:\\d{2})?(\\.\\d+)?(.*)");
    private static final Pattern OFFSET = Pattern.compile("[Zz]|[+-]\\d{2}:\\d{2}");

    private Timestamps() {
    }

    /** The current time in UTC, e.g. {@code 2026-11-25T14:04:00.123456Z}. */
    public static String now() {
        return Instant.now().toString();
    }

    /** Formats an Instant, OffsetDateTime, ZonedDateTime or Date as RFC 3339 with seconds and offset. */
    public static String format(Object value) {
        if (value instanceof Instant instant) {
            return instant.toString();
        }
        if (value instanceof Date date) {
            return date.toInstant().toString();
        }
        if (value instanceof OffsetDateTime odt) {
            return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(odt);
        }
        if (value instanceof ZonedDateTime zdt) {
            return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(zdt.toOffsetDateTime());
        }
        throw new IllegalArgumentException("not a timestamp: " + value.getClass().getName());
    }

    /**
     * Why {@code text} is not an RFC 3339 date-time, or null when it is one.
     */
    static String problem(String text) {
        Matcher m = DATE_TIME.matcher(text);
        if (!m.matches()) {
            return "expected yyyy-mm-ddThh:mm:ss with an offset";
        }
        if (m.group(3) == null) {
            return "seconds missing";
        }
        String offset = m.group(5);
        if (offset.isEmpty()) {
            return "offset missing (use Z or +hh:mm)";
        }
        if (!OFFSET.matcher(offset).matches()) {
            return "offset '" + offset + "' must be Z or +hh:mm / -hh:mm";
        }
        try {
            OffsetDateTime parsed = OffsetDateTime.parse(
                    m.group(1) + "T" + m.group(2) + m.group(3) + (m.group(4) == null ? "" : m.group(4))
                                                         + (offset.equalsIgnoreCase("z") ? "Z" : offset));
            if (parsed.getOffset().getTotalSeconds() > ZoneOffset.MAX.getTotalSeconds()) {
                return "offset out of range";
            }
            return null;
        } catch (DateTimeParseException e) {
            return "not a valid date or time of day";
        }
    }
}
