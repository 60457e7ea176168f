package dev.ossa.camel.events.event;

import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every invalid case of the CloudEvents 1.0.2 spec that the builder must refuse, each with an exception naming the
 * attribute and the rule.
 */
class InvalidEventsAreRejectedTest {

    static OssaCloudEvent.Builder valid() {
        return OssaCloudEvent.builder().id("1").source("/agents/planner").type("dev.ossa.agent.started")
                .time("2018-04-05T17:31:00Z").dataContentType("application/json");
    }

    static Stream<Arguments> invalidCases() {
        return Stream.of(
                invalid("extension name with upper case", b -> b.extension("MyExt", "x"),
                        "MyExt", "has upper-case letters"),
                invalid("extension name with underscore", b -> b.extension("my_ext", "x"),
                        "my_ext", "contains '_' (U+005F): attribute names use only lower-case a-z and digits 0-9"),
                invalid("extension name with dot", b -> b.extension("my.ext", "x"),
                        "my.ext", "contains '.' (U+002E): attribute names use only lower-case a-z and digits 0-9"),
                invalid("empty extension name", b -> b.extension("", "x"),
                        "extension", "must not be empty"),
                invalid("context attribute as extension", b -> b.extension("subject", "x"),
                        "subject", "is a CloudEvents context attribute, not an extension"),
                invalid("time without seconds", b -> b.time("2018-04-05T18:31Z"),
                        "time", "'2018-04-05T18:31Z' is not RFC 3339: seconds missing"),
                invalid("time with a short offset", b -> b.time("2018-04-05T18:31:00+05"),
                        "time", "offset '+05' must be Z or +hh:mm / -hh:mm"),
                invalid("time without offset", b -> b.time("2018-04-05T18:31:00"),
                        "time", "offset missing"),
                invalid("time that is no date", b -> b.time("2018-02-30T18:31:00Z"),
                        "time", "not a valid date or time of day"),
                invalid("time as a date only", b -> b.time("2018-04-05"),
                        "time", "'2018-04-05' is not RFC 3339: expected yyyy-mm-ddThh:mm:ss with an offset"),
                invalid("time with a leap second that is not at 23:59:60 UTC",
                        b -> b.time("2016-12-31T12:30:60Z"), "time", "only valid at 23:59:60 UTC"),
                invalid("time with a leap second at 23:59:60 local time, not UTC",
                        b -> b.time("2016-12-31T23:59:60+01:00"), "time", "only valid at 23:59:60 UTC"),
                invalid("time with an offset of 24 hours", b -> b.time("2016-12-31T12:00:00+24:00"),
                        "time", "offset +24:00 out of range (-23:59 to +23:59)"),
                invalid("time with offset minutes beyond 59", b -> b.time("2016-12-31T12:00:00-05:60"),
                        "time", "offset -05:60 out of range"),
                invalid("time with a fraction point but no digits", b -> b.time("2016-12-31T12:00:00.Z"),
                        "time", "must be Z or +hh:mm"),
                invalid("source with a non-ASCII character (an IRI)", b -> b.source("/agents/ñandú"),
                        "source", "contains the non-ASCII character 'ñ' (U+00F1) at index 8; percent-encode it as"
                                  + " UTF-8 (%C3%B1)"),
                invalid("dataschema with a non-ASCII character", b -> b.dataSchema("https://example.com/schémas/1"),
                        "dataschema", "contains the non-ASCII character 'é' (U+00E9) at index 23; percent-encode"),
                invalid("source with an emoji", b -> b.source("urn:agent:😀"),
                        "source", "'😀' (U+1F600) at index 10; percent-encode it as UTF-8 (%F0%9F%98%80)"),
                invalid("datacontenttype with an unknown charset", b -> b.dataContentType("text/plain; charset=klingon"),
                        "datacontenttype", "charset 'klingon' is unknown or not supported by this JVM"),
                invalid("datacontenttype with an invalid charset name", b -> b.dataContentType("text/plain;charset=\"@@\""),
                        "datacontenttype", "charset '@@' is unknown or not supported"),
                invalid("relative dataschema", b -> b.dataSchema("/schemas/tool.json"),
                        "dataschema", "'/schemas/tool.json' is not an absolute URI: a scheme is required"),
                invalid("empty dataschema", b -> b.dataSchema(""),
                        "dataschema", "must not be empty"),
                invalid("datacontenttype without subtype", b -> b.dataContentType("xyz"),
                        "datacontenttype", "'xyz' is not an RFC 2046 media type"),
                invalid("datacontenttype with a broken parameter", b -> b.dataContentType("text/plain; charset"),
                        "datacontenttype", "is not an RFC 2046 media type"),
                invalid("empty id", b -> b.id(""), "id", "must not be empty"),
                invalid("missing id", b -> b.id(null), "id", "is required"),
                invalid("empty type", b -> b.type(""), "type", "must not be empty"),
                invalid("missing type", b -> b.type(null), "type", "is required"),
                invalid("empty subject", b -> b.subject(""), "subject", "must not be empty"),
                invalid("missing source", b -> b.source(null), "source", "is required"),
                invalid("empty source", b -> b.source(""), "source", "must not be empty"),
                invalid("source that is not a URI-reference", b -> b.source("/agents/my planner"),
                        "source", "is not a URI-reference (RFC 3986)"),
                invalid("control character in subject", b -> b.subject("tool\u0007call"),
                        "subject", "contains control character U+0007 at index 4"),
                invalid("newline in id", b -> b.id("a\nb"),
                        "id", "contains control character U+000A at index 1"),
                invalid("DEL in type", b -> b.type("dev.ossa\u007f"),
                        "type", "contains control character U+007F"),
                invalid("C1 control in an extension value", b -> b.extension("note", "a\u0085b"),
                        "note", "contains control character U+0085"),
                invalid("unpaired high surrogate in subject", b -> b.subject("x\uD83D"),
                        "subject", "contains an unpaired surrogate U+D83D at index 1"),
                invalid("unpaired low surrogate in an extension", b -> b.extension("ossaagentid", "\uDE00x"),
                        "ossaagentid", "contains an unpaired surrogate U+DE00 at index 0"),
                invalid("integer extension above 32 bits", b -> b.extension("count", 2_147_483_648L),
                        "count", "integer value 2147483648 is outside the 32-bit range"),
                invalid("integer extension below 32 bits", b -> b.extension("count", -2_147_483_649L),
                        "count", "integer value -2147483649 is outside the 32-bit range"),
                invalid("extension value without a CloudEvents type", b -> b.extension("ratio", 0.5d),
                        "ratio", "has no CloudEvents type"));
    }

    private static Arguments invalid(String name, UnaryOperator<OssaCloudEvent.Builder> change, String attribute,
                                     String rule) {
        return Arguments.of(name, change, attribute, rule);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidCases")
    void builderRefusesTheEventNamingAttributeAndRule(String name, UnaryOperator<OssaCloudEvent.Builder> change,
                                                      String attribute, String rule) {
        InvalidCloudEventException e = assertThrows(InvalidCloudEventException.class,
                () -> change.apply(valid()).build());
        assertEquals(attribute, e.getAttribute());
        assertTrue(e.getMessage().contains("'" + attribute + "'"), e.getMessage());
        assertTrue(e.getMessage().contains(rule), () -> "expected the rule '" + rule + "' in: " + e.getMessage());
    }

    @Test
    void theValidStartingPointIsAccepted() {
        assertEquals("1", valid().build().getId());
    }
}
