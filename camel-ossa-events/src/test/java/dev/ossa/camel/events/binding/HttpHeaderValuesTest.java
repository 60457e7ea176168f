package dev.ossa.camel.events.binding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Percent-encoding of {@code ce-} header values per the CloudEvents HTTP binding, section 3.1.3.2. Tab and the other
 * control characters are checked here only: the event validator rejects them in attribute values, so they never
 * reach a request.
 */
class HttpHeaderValuesTest {

    /** What an encoded value may hold: U+0021 to U+007E except '"' and '%', and upper-case %XY triplets. */
    private static final Pattern ENCODED = Pattern.compile("(?:[\\x21\\x23-\\x24\\x26-\\x7E]|%[0-9A-F]{2})*");

    @Test
    void encodesTheSpecExampleWithEuroSignAndEmojiAsUtf8Bytes() {
        assertEquals("Euro%20%E2%82%AC%20%F0%9F%98%80", HttpHeaderValues.encode("Euro € 😀"));
    }

    @ParameterizedTest(name = "[{index}] U+{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "0020 | %20",
            "0022 | %22",
            "0025 | %25",
            "0009 | %09",
            "0000 | %00",
            "000A | %0A",
            "001F | %1F",
            "007F | %7F",
            "0080 | %C2%80",
            "00A0 | %C2%A0",
            "00E9 | %C3%A9",
            "00FF | %C3%BF",
            "20AC | %E2%82%AC",
            "FFFD | %EF%BF%BD",
            "1F600 | %F0%9F%98%80",
            "10FFFF | %F4%8F%BF%BF" })
    void encodesEachCharacterThatMustBeEncodedAsUpperCaseUtf8Triplets(String codePoint, String expected) {
        String value = Character.toString(Integer.parseInt(codePoint, 16));
        assertEquals(expected, HttpHeaderValues.encode(value));
        assertEquals("a" + expected + "b", HttpHeaderValues.encode("a" + value + "b"));
    }

    @Test
    void encodesSpaceQuotePercentTabAndNonAsciiInsideText() {
        assertEquals("say%20%22hi%22%20to%20100%25%09caf%C3%A9%20%E2%82%AC5",
                HttpHeaderValues.encode("say \"hi\" to 100%\tcafé €5"));
    }

    @Test
    void leavesEveryOtherPrintableAsciiCharacterAsItIs() {
        StringBuilder printable = new StringBuilder();
        for (char c = 0x21; c <= 0x7E; c++) {
            if (c != '"' && c != '%') {
                printable.append(c);
            }
        }
        assertEquals(printable.toString(), HttpHeaderValues.encode(printable.toString()));
    }

    @ParameterizedTest
    @CsvSource({
            "2026-01-01T12:00:00Z",
            "2026-01-01T12:00:00+02:00",
            "2026-01-01T12:00:00.123456789-05:30",
            "https://example.com/schemas/tool?v=1&x=a+b",
            "urn:ossa:agent:planner" })
    void leavesTimesAndUrisWithPlusAndColonUnchanged(String value) {
        assertEquals(value, HttpHeaderValues.encode(value));
    }

    @Test
    void encodesASurrogatePairAsOneCharacterNotAsTwoHalves() {
        String grinning = "\uD83D\uDE00";
        assertEquals("%F0%9F%98%80", HttpHeaderValues.encode(grinning));
    }

    @Test
    void encodesARawPercentOnceSoThatAlreadyEncodedLookingTextSurvivesTheRoundTrip() {
        assertEquals("%2520", HttpHeaderValues.encode("%20"));
        assertEquals("100%25%20sure", HttpHeaderValues.encode("100% sure"));
        assertEquals("%25E2%2582%25AC", HttpHeaderValues.encode("%E2%82%AC"));
    }

    @Test
    void decodingTheEncodedValueGivesBackTheOriginalText() {
        for (String value : List.of("Euro € 😀", "say \"hi\"", "100% sure", "%20", "tab\there", "ünïcödé ✓ 𝄞",
                "2026-01-01T12:00:00+02:00", "", "a+b=c&d")) {
            String encoded = HttpHeaderValues.encode(value);
            assertTrue(ENCODED.matcher(encoded).matches(), () -> "Not a valid encoded value: " + encoded);
            assertEquals(value, SdkEventReader.percentDecode(encoded));
        }
    }
}
