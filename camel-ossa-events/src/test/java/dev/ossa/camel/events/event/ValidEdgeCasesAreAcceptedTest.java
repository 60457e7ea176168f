package dev.ossa.camel.events.event;

import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The valid edge cases of the CloudEvents 1.0.2 spec that strict validation must still accept.
 */
class ValidEdgeCasesAreAcceptedTest {

    private static OssaCloudEvent.Builder valid() {
        return InvalidEventsAreRejectedTest.valid();
    }

    @Test
    void extensionNameLongerThanTwentyCharacters() {
        String name = "abcdefghijklmnopqrst1";
        assertEquals(21, name.length());
        assertEquals("x", valid().extension(name, "x").build().getExtension(name));
    }

    @ParameterizedTest
    @ValueSource(strings = { "/a/b", "urn:ossa:agent:planner", "https://example.com/agents/planner", "planner",
        "mailto:ops@example.com", "/agents/%C3%B1and%C3%BA" })
    void sourceAsAnyUriReference(String source) {
        assertEquals(source, valid().source(source).build().getSource());
    }

    @ParameterizedTest
    @ValueSource(strings = { "2018-04-05T17:31:00.1Z", "2018-04-05T17:31:00.123456789Z", "2018-04-05T17:31:00-08:00",
        "2018-04-05T17:31:00.25-03:30", "2018-04-05T17:31:00+05:45", "2018-04-05t17:31:00z",
        "2016-12-31T23:59:59+00:00", "2016-12-31T23:59:60Z", "2016-12-31T23:59:60.5Z", "2016-12-31t23:59:60z",
        "2016-12-31T15:59:60-08:00", "2017-01-01T05:29:60+05:30", "2018-04-05T17:31:00.1234567890Z",
        "2018-04-05T17:31:00.000000000000000000001+01:00", "2018-04-05T17:31:00+23:59", "2018-04-05T17:31:00-23:59",
        "2018-04-05T17:31:00+19:00", "2018-04-05T17:31:00-00:00" })
    void timeWithFractionalSecondsAndAnyFullOffset(String time) {
        assertEquals(time, valid().time(time).build().getTime());
    }

    @Test
    void vendorJsonMediaTypeWithParameters() {
        String type = "application/vnd.x+json; charset=utf-8";
        assertEquals(type, valid().dataContentType(type).build().getDataContentType());
        assertTrue(MediaTypes.isJson(type));
    }

    @ParameterizedTest
    @ValueSource(strings = { "text/plain; charset=iso-8859-1", "text/plain;charset=\"utf-8\"", "text/csv; CHARSET=UTF-16",
        "application/json; charset=windows-1252", "text/plain; format=flowed; charset=US-ASCII" })
    void mediaTypesWithASupportedCharset(String type) {
        assertEquals(type, valid().dataContentType(type).build().getDataContentType());
    }

    @ParameterizedTest
    @ValueSource(strings = { "application/json", "text/json", "application/cloudevents+json",
        "APPLICATION/JSON;charset=UTF-8", "application/vnd.x+json; charset=utf-8" })
    void jsonMediaTypesAreRecognised(String type) {
        assertTrue(MediaTypes.isJson(type), type);
    }

    @ParameterizedTest
    @ValueSource(strings = { "text/plain", "application/octet-stream", "application/jsonx", "application/xml",
        "application/json-seq" })
    void otherMediaTypesAreNotJson(String type) {
        assertTrue(MediaTypes.isValid(type), type);
        assertTrue(!MediaTypes.isJson(type), type);
    }

    @ParameterizedTest
    @MethodSource("nonAsciiSubjects")
    void nonAsciiSubjects(String subject) {
        assertEquals(subject, valid().subject(subject).build().getSubject());
    }

    static Stream<String> nonAsciiSubjects() {
        return Stream.of("Überprüfung", "天気を調べる", "Euro € 😀", "café au lait", "\u00a0nbsp");
    }

    @Test
    void integerExtensionsAtTheEdgesOf32Bits() {
        OssaCloudEvent event = valid().extension("max", Integer.MAX_VALUE).extension("min", Integer.MIN_VALUE)
                .extension("small", 7L).build();
        assertEquals(Integer.MAX_VALUE, event.getExtension("max"));
        assertEquals(Integer.MIN_VALUE, event.getExtension("min"));
        assertEquals(7, event.getExtension("small"));
    }

    @Test
    void onlyTheRequiredAttributes() {
        OssaCloudEvent event = OssaCloudEvent.builder().id("x").source("/s").type("t").build();
        assertEquals(null, event.getTime());
        assertEquals(null, event.getDataContentType());
        assertEquals(null, event.getSubject());
    }
}
