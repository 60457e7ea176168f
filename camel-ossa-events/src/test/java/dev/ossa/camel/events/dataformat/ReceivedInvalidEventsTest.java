package dev.ossa.camel.events.dataformat;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import dev.ossa.camel.events.event.InvalidCloudEventException;
import dev.ossa.camel.events.event.OssaCloudEvent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The CloudEvents spec's invalid cases (those of the compliance page) received over real HTTP, structured and binary:
 * each is refused with exactly the message the same event gets when it is sent.
 */
class ReceivedInvalidEventsTest extends ReceivingRoutes {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Marks an attribute to leave out of the message. */
    private static final Object ABSENT = new Object();

    static Stream<Arguments> invalidCases() {
        return Stream.of(
                invalid("extension name with upper case", "MyExt", "x", b -> b.extension("MyExt", "x"), false),
                invalid("extension name with underscore", "my_ext", "x", b -> b.extension("my_ext", "x"), true),
                invalid("extension name with dot", "my.ext", "x", b -> b.extension("my.ext", "x"), true),
                invalid("time without seconds", "time", "2018-04-05T18:31Z", b -> b.time("2018-04-05T18:31Z"), true),
                invalid("time with a short offset", "time", "2018-04-05T18:31:00+05",
                        b -> b.time("2018-04-05T18:31:00+05"), true),
                invalid("time without offset", "time", "2018-04-05T18:31:00", b -> b.time("2018-04-05T18:31:00"), true),
                invalid("time that is no date", "time", "2018-02-30T18:31:00Z", b -> b.time("2018-02-30T18:31:00Z"),
                        true),
                invalid("time as a date only", "time", "2018-04-05", b -> b.time("2018-04-05"), true),
                invalid("relative dataschema", "dataschema", "/schemas/tool.json",
                        b -> b.dataSchema("/schemas/tool.json"), true),
                invalid("empty dataschema", "dataschema", "", b -> b.dataSchema(""), true),
                invalid("datacontenttype without subtype", "datacontenttype", "xyz", b -> b.dataContentType("xyz"),
                        false),
                invalid("empty id", "id", "", b -> b.id(""), true),
                invalid("missing id", "id", ABSENT, b -> b.id(null), true),
                invalid("empty type", "type", "", b -> b.type(""), true),
                invalid("missing type", "type", ABSENT, b -> b.type(null), true),
                invalid("empty subject", "subject", "", b -> b.subject(""), true),
                invalid("missing source", "source", ABSENT, b -> b.source(null), true),
                invalid("empty source", "source", "", b -> b.source(""), true),
                invalid("source that is not a URI-reference", "source", "/agents/my planner",
                        b -> b.source("/agents/my planner"), true),
                invalid("control character in subject", "subject", "tool\u0007call", b -> b.subject("tool\u0007call"),
                        true),
                invalid("newline in id", "id", "a\nb", b -> b.id("a\nb"), true),
                invalid("C1 control in an extension value", "note", "a\u0085b", b -> b.extension("note", "a\u0085b"),
                        true),
                invalid("unpaired high surrogate in subject", "subject", "x\uD83D", b -> b.subject("x\uD83D"), false),
                invalid("integer extension above 32 bits", "count", 2_147_483_648L,
                        b -> b.extension("count", 2_147_483_648L), false));
    }

    private static Arguments invalid(String name, String attribute, Object value,
                                     UnaryOperator<OssaCloudEvent.Builder> change, boolean binaryToo) {
        return Arguments.of(name, attribute, value, change, binaryToo);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidCases")
    void refusedOnReceiptWithTheMessageItGetsOnSend(String name, String attribute, Object value,
                                                    UnaryOperator<OssaCloudEvent.Builder> change, boolean binaryToo)
            throws Exception {
        String onSend = assertThrows(InvalidCloudEventException.class, () -> change.apply(validBuilder()).build())
                .getMessage();
        Map<String, Object> attributes = validAttributes();
        if (value == ABSENT) {
            attributes.remove(attribute);
        } else {
            attributes.put(attribute, value);
        }

        HttpResponse<String> structured = post(Map.of("Content-Type", "application/cloudevents+json"),
                JSON.writeValueAsBytes(attributes));
        assertEquals(400, structured.statusCode(), name);
        assertEquals(onSend, structured.body(), "structured: " + name);

        if (binaryToo) {
            Map<String, String> headers = new LinkedHashMap<>();
            attributes.forEach((n, v) -> headers.put("ce-" + n, percentEncode(v.toString())));
            headers.put("Content-Type", (String) attributes.remove("datacontenttype"));
            headers.remove("ce-datacontenttype");
            HttpResponse<String> binary = post(headers, "{}".getBytes(StandardCharsets.UTF_8));
            assertEquals(400, binary.statusCode(), name);
            assertEquals(onSend, binary.body(), "binary: " + name);
        }
    }

    private static OssaCloudEvent.Builder validBuilder() {
        return OssaCloudEvent.builder().id("1").source("/agents/planner").type("dev.ossa.agent.started")
                .time("2018-04-05T17:31:00Z").dataContentType("application/json");
    }

    private static Map<String, Object> validAttributes() {
        Map<String, Object> attributes = new LinkedHashMap<>();
        attributes.put("specversion", "1.0");
        attributes.put("id", "1");
        attributes.put("source", "/agents/planner");
        attributes.put("type", "dev.ossa.agent.started");
        attributes.put("time", "2018-04-05T17:31:00Z");
        attributes.put("datacontenttype", "application/json");
        return attributes;
    }

    /** HTTP binding 3.1.3.2, written here apart from the code under test. */
    private static String percentEncode(String value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xFF;
            if (c <= 0x20 || c >= 0x7F || c == '"' || c == '%') {
                out.writeBytes(String.format("%%%02X", c).getBytes(StandardCharsets.US_ASCII));
            } else {
                out.write(c);
            }
        }
        return out.toString(StandardCharsets.US_ASCII);
    }
}
