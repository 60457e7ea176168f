package dev.ossa.camel.events.event;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * RFC 3339 timestamps: formatting Java time values and checking text.
 */
public final class Timestamps {

    private static final Pattern DATE_TIME = Pattern.compile(
            "(\\d{4})-(\\d{2})-(\\d{2})[Tt](\\d{2}):(\\d{2})(?::(\\d{2}))?(\\.\\d+)?(.*)", Pattern.DOTALL);
    private static final Pattern OFFSET = Pattern.compile("[Zz]|([+-])(\\d{2}):(\\d{2})");
    private static final int MINUTES_PER_DAY = 24 * 60;
    private static final int LAST_MINUTE = 23 * 60 + 59;

    private static volatile SecondText lastSecond;

    private Timestamps() {
    }

    /** The current time in UTC, e.g. {@code 2026-11-25T14:04:00.123456Z}. */
    public static String now() {
        return formatInstant(Instant.now());
    }

    /**
     * The same text as {@link Instant#toString()}: the date and time to the second (kept for the current second,
     * so written once per second), then the fraction in groups of three digits as needed, then {@code Z}.
     */
    static String formatInstant(Instant instant) {
        long epochSecond = instant.getEpochSecond();
        SecondText second = lastSecond;
        if (second == null || second.epochSecond != epochSecond) {
            String whole = Instant.ofEpochSecond(epochSecond).toString();
            second = new SecondText(epochSecond, whole.substring(0, whole.length() - 1));
            lastSecond = second;
        }
        int nano = instant.getNano();
        if (nano == 0) {
            return second.text + 'Z';
        }
        int digits = nano % 1_000_000 == 0 ? 3 : nano % 1000 == 0 ? 6 : 9;
        int fraction = digits == 3 ? nano / 1_000_000 : digits == 6 ? nano / 1000 : nano;
        char[] tail = new char[digits + 2];
        tail[0] = '.';
        for (int i = digits; i >= 1; i--) {
            tail[i] = (char) ('0' + fraction % 10);
            fraction /= 10;
        }
        tail[digits + 1] = 'Z';
        return new StringBuilder(second.text.length() + tail.length).append(second.text).append(tail).toString();
    }

    /** The text of one whole second, without its {@code Z}. */
    private record SecondText(long epochSecond, String text) {
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
     * Why {@code text} is not an RFC 3339 {@code date-time}, or null when it is one. Every RFC 3339 date-time is
     * accepted: a fraction of any length, a leap second ({@code 23:59:60} in UTC), offsets from {@code -23:59} to
     * {@code +23:59}.
     */
    static String problem(String text) {
        return isCommonValidForm(text) ? null : problemByParsing(text);
    }

    /**
     * True when {@code text} is {@code yyyy-mm-ddThh:mm:ss}, an optional fraction, then {@code Z} or
     * {@code +hh:mm}/{@code -hh:mm}, with every field in range and no leap second: the form nearly every event has,
     * checked without regular expressions or allocation. Whatever it accepts, {@link #problemByParsing} accepts too;
     * anything else goes there for the verdict and the message.
     */
    static boolean isCommonValidForm(String text) {
        int length = text.length();
        if (length < 20 || text.charAt(4) != '-' || text.charAt(7) != '-' || text.charAt(10) != 'T'
            || text.charAt(13) != ':' || text.charAt(16) != ':') {
            return false;
        }
        int year = digits(text, 0, 4);
        int month = digits(text, 5, 2);
        int day = digits(text, 8, 2);
        int hour = digits(text, 11, 2);
        int minute = digits(text, 14, 2);
        int second = digits(text, 17, 2);
        if (year < 0 || month < 1 || month > 12 || day < 1 || day > lengthOfMonth(year, month) || hour < 0
            || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) {
            return false;
        }
        int i = 19;
        if (text.charAt(i) == '.') {
            int fractionEnd = i + 1;
            while (fractionEnd < length && isDigit(text.charAt(fractionEnd))) {
                fractionEnd++;
            }
            if (fractionEnd == i + 1) {
                return false;
            }
            i = fractionEnd;
        }
        if (i == length - 1) {
            return text.charAt(i) == 'Z';
        }
        if (i != length - 6 || text.charAt(i) != '+' && text.charAt(i) != '-' || text.charAt(i + 3) != ':') {
            return false;
        }
        int offsetHours = digits(text, i + 1, 2);
        int offsetMinutes = digits(text, i + 4, 2);
        return offsetHours >= 0 && offsetHours <= 23 && offsetMinutes >= 0 && offsetMinutes <= 59;
    }

    /** The value of {@code count} ASCII digits at {@code from}, or -1 when one is not a digit. */
    private static int digits(String text, int from, int count) {
        int value = 0;
        for (int i = from; i < from + count; i++) {
            char c = text.charAt(i);
            if (!isDigit(c)) {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static int lengthOfMonth(int year, int month) {
        return switch (month) {
            case 2 -> year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28;
            case 4, 6, 9, 11 -> 30;
            default -> 31;
        };
    }

    /**
     * The full check of RFC 3339 section 5.6 {@code date-time}, with a message saying what is wrong. It checks the
     * fields itself: Java time types know neither leap seconds, nor fractions beyond nanoseconds, nor offsets beyond
     * 18 hours, which RFC 3339 all allows.
     */
    static String problemByParsing(String text) {
        Matcher m = DATE_TIME.matcher(text);
        if (!m.matches()) {
            return "expected yyyy-mm-ddThh:mm:ss with an offset";
        }
        if (m.group(6) == null) {
            return "seconds missing";
        }
        String offset = m.group(8);
        if (offset.isEmpty()) {
            return "offset missing (use Z or +hh:mm)";
        }
        Matcher offsetMatch = OFFSET.matcher(offset);
        if (!offsetMatch.matches()) {
            return "offset " + QuotedInput.quote(offset) + " must be Z or +hh:mm / -hh:mm";
        }
        int year = Integer.parseInt(m.group(1));
        int month = Integer.parseInt(m.group(2));
        int day = Integer.parseInt(m.group(3));
        int hour = Integer.parseInt(m.group(4));
        int minute = Integer.parseInt(m.group(5));
        int second = Integer.parseInt(m.group(6));
        if (month < 1 || month > 12 || day < 1 || day > lengthOfMonth(year, month) || hour > 23 || minute > 59
            || second > 60) {
            return "not a valid date or time of day";
        }
        int offsetMinutes = 0;
        if (offsetMatch.group(1) != null) {
            int offsetHours = Integer.parseInt(offsetMatch.group(2));
            int minutes = Integer.parseInt(offsetMatch.group(3));
            if (offsetHours > 23 || minutes > 59) {
                return "offset " + offset + " out of range (-23:59 to +23:59)";
            }
            offsetMinutes = (offsetMatch.group(1).equals("-") ? -1 : 1) * (offsetHours * 60 + minutes);
        }
        if (second == 60 && Math.floorMod(hour * 60 + minute - offsetMinutes, MINUTES_PER_DAY) != LAST_MINUTE) {
            return "a leap second (seconds 60) is only valid at 23:59:60 UTC";
        }
        return null;
    }
}
