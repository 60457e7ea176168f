package dev.ossa.camel.events.event;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The fast paths of {@link Timestamps} agree with the JDK: the allocation-free check of the common timestamp form with
 * the full check (regular expressions and the JDK's RFC 3339 parser) on valid, boundary and mutated timestamps, and
 * the formatting of the current time with {@link Instant#toString()}.
 */
class TimestampsFastPathTest {

    private static final String[] BOUNDARIES = {
            "2024-02-29T00:00:00Z", "2023-02-29T00:00:00Z", "1900-02-29T00:00:00Z", "2000-02-29T00:00:00Z",
            "2026-04-31T00:00:00Z", "2026-12-31T23:59:59Z", "2026-13-01T00:00:00Z", "2026-00-10T00:00:00Z",
            "2026-01-00T00:00:00Z", "2026-01-01T24:00:00Z", "2026-01-01T23:60:00Z", "2026-01-01T23:59:60Z",
            "0000-01-01T00:00:00Z", "9999-12-31T23:59:59.999999999Z", "2026-01-01T00:00:00.1234567890Z",
            "2026-01-01T00:00:00.Z", "2026-01-01T00:00:00+18:00", "2026-01-01T00:00:00+18:01",
            "2026-01-01T00:00:00+19:00", "2026-01-01T00:00:00-00:00", "2026-01-01T00:00:00+05:60",
            "2026-01-01T00:00:00+0530", "2026-01-01T00:00:00+05", "2026-01-01t00:00:00z", "2026-01-01T00:00Z",
            "2026-01-01T00:00:00", "2026-01-01 00:00:00Z", "+2026-01-01T00:00:00Z", "2026-1-01T00:00:00Z",
            "2026-01-01T00:00:00ZZ", "2026-01-01T00:00:00.5+01:00x", "2026-01-01T00:00:00\u0661Z",
            "\u0662026-01-01T00:00:00Z", "2026-01-01T00:00:00.\u0661Z", "2026-01-01T00:00:00+23:59",
            "2026-01-01T00:00:00-24:00", "2026-01-01T00:00:00+23:60", "2016-12-31T23:59:60.999Z", "2016-12-31T22:59:60Z",
            "2016-12-31T23:59:61Z", "2016-12-31T18:59:60-05:00", "2016-12-31T00:00:60+00:01", "2016-12-31T23:59:60-00:00",
            "2026-01-01T00:00:00.000000000000000000000001Z", ""};

    @Test
    void fastCheckAcceptsTheCommonForms() {
        assertTrue(Timestamps.isCommonValidForm(Instant.now().toString()));
        assertTrue(Timestamps.isCommonValidForm("2026-01-01T12:00:00+05:30"));
        assertTrue(Timestamps.isCommonValidForm("2026-01-01T12:00:00.123-08:00"));
        assertNull(Timestamps.problem("2024-02-29T23:59:59.5Z"));
        assertTrue(Timestamps.isCommonValidForm("2026-01-01T12:00:00.1234567890123Z"), "a fraction of any length");
        assertTrue(Timestamps.isCommonValidForm("2026-01-01T12:00:00+23:59"), "an offset up to 23:59");
        assertNull(Timestamps.problem("2016-12-31T23:59:60Z"), "a leap second, checked by the full check");
    }

    @Test
    void fastAndFullChecksGiveTheSameVerdictAndMessage() {
        List<String> candidates = new ArrayList<>(List.of(BOUNDARIES));
        Random random = new Random(42);
        for (int i = 0; i < 2000; i++) {
            String valid = randomTimestamp(random);
            candidates.add(valid);
            candidates.add(mutate(valid, random));
            candidates.add(mutate(mutate(valid, random), random));
        }
        int acceptedByFastCheck = 0;
        for (String text : candidates) {
            String full = Timestamps.problemByParsing(text);
            if (Timestamps.isCommonValidForm(text)) {
                acceptedByFastCheck++;
                assertNull(full, () -> "the fast check accepts '" + text + "' but the full check says: " + full);
            }
            assertEquals(full, Timestamps.problem(text), () -> "verdicts differ for '" + text + "'");
        }
        assertTrue(acceptedByFastCheck > 2000, "the fast check should take most valid timestamps");
    }

    @Test
    void currentTimeIsWrittenAsInstantWritesIt() {
        Random random = new Random(7);
        List<Instant> instants = new ArrayList<>(List.of(Instant.EPOCH, Instant.ofEpochSecond(-1, 999_999_999),
                Instant.parse("9999-12-31T23:59:59.999999999Z"), Instant.parse("+10000-01-01T00:00:00.001Z"),
                Instant.parse("-0001-06-30T12:00:00.000100Z"), Instant.parse("2026-11-25T14:04:00.120Z")));
        for (int i = 0; i < 5000; i++) {
            long second = 1_700_000_000L + random.nextInt(4);
            int nano = switch (random.nextInt(4)) {
                case 0 -> 0;
                case 1 -> random.nextInt(1000) * 1_000_000;
                case 2 -> random.nextInt(1_000_000) * 1000;
                default -> random.nextInt(1_000_000_000);
            };
            instants.add(Instant.ofEpochSecond(second, nano));
        }
        for (Instant instant : instants) {
            assertEquals(instant.toString(), Timestamps.formatInstant(instant));
        }
        String now = Timestamps.now();
        assertEquals(Instant.parse(now).toString(), now);
    }

    private static String randomTimestamp(Random random) {
        long seconds = random.nextLong(253402300799L);
        int offsetMinutes = (random.nextInt(145) - 72) * 15;
        OffsetDateTime time = Instant.ofEpochSecond(seconds, random.nextInt(3) == 0 ? 0 : random.nextInt(1_000_000_000))
                .atOffset(ZoneOffset.ofTotalSeconds(offsetMinutes * 60));
        return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(time);
    }

    private static String mutate(String text, Random random) {
        if (text.isEmpty()) {
            return text;
        }
        char[] alphabet = "0123456789:-+.TtZz 9".toCharArray();
        StringBuilder mutated = new StringBuilder(text);
        int at = random.nextInt(text.length());
        switch (random.nextInt(3)) {
            case 0 -> mutated.setCharAt(at, alphabet[random.nextInt(alphabet.length)]);
            case 1 -> mutated.deleteCharAt(at);
            default -> mutated.insert(at, alphabet[random.nextInt(alphabet.length)]);
        }
        return mutated.toString();
    }
}
