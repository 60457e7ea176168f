package dev.ossa.camel.events.binding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.apache.camel.Exchange;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.ossa.camel.events.CapturedLog;
import dev.ossa.camel.events.CapturedStdout;
import dev.ossa.camel.events.OssaEventsConstants;
import dev.ossa.camel.events.RecordingSink;
import dev.ossa.camel.events.binding.JavaScriptSdkJudge.Reading;
import dev.ossa.camel.events.binding.JavaScriptSdkJudge.Verdict;

/**
 * Interop with the other language most CloudEvents consumers use: every case below is sent through every binding
 * and mode (HTTP structured, binary and batch to a real JDK HTTP server, Kafka structured and binary on the
 * in-JVM broker, stdout, {@code log:} and any other endpoint), then read by the CloudEvents JavaScript SDK and
 * validated against the official CloudEvents JSON schema ({@link JavaScriptSdkJudge}). Each reader must accept the
 * event and find in it exactly what the case meant.
 * <p>
 * To add a case, add an {@link InteropCase} to {@link #cases()}: how the exchange looks, and the attributes (and
 * data) every reader must find, as they appear in the JSON format.
 */
@ExtendWith(EmbeddedKafkaBroker.class)
class JavaScriptSdkInteropTest extends CamelTestSupport {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration WAIT = Duration.ofSeconds(30);
    /** The value, in {@link InteropCase#expected()}, of an attribute that no reader may find. */
    static final Object ABSENT = new Object() {
        @Override
        public String toString() {
            return "(absent)";
        }
    };

    /** Where the events go, and how the sink message is read. */
    enum Sink {
        HTTP_STRUCTURED, HTTP_BINARY, HTTP_BATCH, KAFKA_STRUCTURED, KAFKA_BINARY, STDOUT, LOG, OTHER;

        /** True where extension values travel as text, in headers. */
        boolean binary() {
            return this == HTTP_BINARY || this == KAFKA_BINARY;
        }
    }

    /**
     * One event to send.
     *
     * @param name     what the case shows
     * @param options  endpoint options added to the URI, e.g. {@code &agentId=planner}
     * @param headers  exchange headers
     * @param body     the exchange body
     * @param expected attributes as the JSON format writes them, plus {@code data} (a value Jackson writes) or
     *                 {@code data_base64}; an event without either must arrive without data; {@link #ABSENT} for an
     *                 attribute that must not be there
     * @param sdkLimit null when every reader must accept the event as meant; otherwise why the JavaScript SDK cannot
     *                 hold this valid event: the schema must still accept it and the message carry it as meant, and
     *                 the SDK must fail to read it as meant (should it ever succeed, the case says so)
     */
    record InteropCase(String name, String options, Map<String, Object> headers, Object body,
                       Map<String, Object> expected, String sdkLimit) {

        InteropCase(String name, String options, Map<String, Object> headers, Object body,
                    Map<String, Object> expected) {
            this(name, options, headers, body, expected, null);
        }

        @Override
        public String toString() {
            return name;
        }
    }

    static List<InteropCase> cases() {
        List<InteropCase> cases = new ArrayList<>();
        Map<String, Object> extensions = new LinkedHashMap<>();
        extensions.put("attempt", 2);
        extensions.put("cached", true);
        extensions.put("region", "eu-west");
        cases.add(new InteropCase("JSON data and every attribute",
                "&agentId=planner&interactionId=run-7&dataSchema=https://schemas.ossa.dev/tool-called.json",
                Map.of(OssaEventsConstants.SUBJECT, "search", OssaEventsConstants.TIME, "2026-03-01T09:30:00+02:00",
                        OssaEventsConstants.EXTENSIONS, extensions),
                Map.of("tool", "search", "hits", 3),
                expected("subject", "search", "time", "2026-03-01T09:30:00+02:00",
                        "dataschema", "https://schemas.ossa.dev/tool-called.json", "ossaagentid", "planner",
                        "ossainteractionid", "run-7", "attempt", 2, "cached", true, "region", "eu-west",
                        "datacontenttype", "application/json", "data", Map.of("tool", "search", "hits", 3))));
        cases.add(new InteropCase("UTF-8 text", "",
                Map.of(OssaEventsConstants.DATA_CONTENT_TYPE, "text/plain; charset=utf-8"),
                "héllo € 😀 日本 \"quoted\" 100%",
                expected("datacontenttype", "text/plain; charset=utf-8",
                        "data", "héllo € 😀 日本 \"quoted\" 100%")));
        byte[] bytes = new byte[256];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) i;
        }
        cases.add(new InteropCase("every byte value", "&dataContentType=application/octet-stream", Map.of(), bytes,
                expected("datacontenttype", "application/octet-stream",
                        "data_base64", Base64.getEncoder().encodeToString(bytes))));
        cases.add(new InteropCase("a subject that must be percent-encoded", "",
                Map.of(OssaEventsConstants.SUBJECT, "Euro € 😀 \"quoted\" 100%"), Map.of("n", 1),
                expected("subject", "Euro € 😀 \"quoted\" 100%", "data", Map.of("n", 1))));
        cases.add(new InteropCase("a datacontenttype the HTTP client would rewrite", "",
                Map.of(OssaEventsConstants.DATA_CONTENT_TYPE, "text/plain;charset=\"utf-8\""), "plain text",
                expected("datacontenttype", "text/plain;charset=\"utf-8\"", "data", "plain text")));
        cases.add(new InteropCase("no data", "", Map.of(), null, expected()));
        cases.add(new InteropCase("ISO-8859-1 text", "&dataContentType=RAW(text/plain; charset=iso-8859-1)", Map.of(),
                "café crème à la carte", expected("datacontenttype", "text/plain; charset=iso-8859-1",
                        "data", "café crème à la carte")));
        cases.add(new InteropCase("no data, a default content type", "&dataContentType=RAW(text/plain; charset=utf-8)",
                Map.of(), null, expected("datacontenttype", ABSENT)));
        cases.add(new InteropCase("a fraction of ten digits", "",
                Map.of(OssaEventsConstants.TIME, "2026-01-01T00:00:00.1234567890Z"), Map.of("n", 1),
                expected("time", "2026-01-01T00:00:00.1234567890Z", "data", Map.of("n", 1))));
        cases.add(new InteropCase("an offset of +23:59", "",
                Map.of(OssaEventsConstants.TIME, "2026-01-01T00:00:00+23:59"), Map.of("n", 1),
                expected("time", "2026-01-01T00:00:00+23:59", "data", Map.of("n", 1))));
        cases.add(new InteropCase("a leap second", "",
                Map.of(OssaEventsConstants.TIME, "2016-12-31T23:59:60Z"), Map.of("n", 1),
                expected("time", "2016-12-31T23:59:60Z", "data", Map.of("n", 1)),
                "a JavaScript Date has no leap second: the SDK refuses the event (Invalid time value) or, reading"
                + " HTTP and JSON with a content type, puts the time of reading in its place"));
        Map<String, Object> javaTime = new LinkedHashMap<>();
        javaTime.put("at", Instant.parse("2026-01-02T03:04:05.678Z"));
        javaTime.put("day", LocalDate.of(2026, 1, 2));
        javaTime.put("maybe", Optional.of("x"));
        cases.add(new InteropCase("Instant, LocalDate and Optional in a body", "", Map.of(), javaTime,
                expected("datacontenttype", "application/json",
                        "data", Map.of("at", "2026-01-02T03:04:05.678Z", "day", "2026-01-02", "maybe", "x"))));
        return cases;
    }

    static Stream<Arguments> casesAndSinks() {
        return cases().stream().flatMap(c -> Stream.of(Sink.values()).map(sink -> Arguments.of(c, sink)));
    }

    private static Map<String, Object> expected(Object... namesAndValues) {
        Map<String, Object> expected = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            expected.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return expected;
    }

    private final RecordingSink other = new RecordingSink("interop-other");
    private RecordingHttpServer server;

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return other;
    }

    @BeforeEach
    void nodeIsInstalled() {
        JavaScriptSdkJudge.assumeNode();
    }

    @ParameterizedTest(name = "{0} via {1}")
    @MethodSource("casesAndSinks")
    void theJavaScriptSdkAndTheJsonSchemaAcceptTheEventAsMeant(InteropCase c, Sink sink) throws Exception {
        Sent sent = send(c, sink);
        assertNull(sent.reading().error(), () -> "The message could not be read: " + sent.reading());
        assertMeant(c, sent.exchange(), sent.reading().only(), sink);
    }

    /** Every case in one batch: one HTTP request holding them all, or one Kafka record each, sent together. */
    @ParameterizedTest
    @EnumSource(value = Sink.class, names = { "HTTP_BATCH", "KAFKA_STRUCTURED", "KAFKA_BINARY" })
    void aBatchOfEveryCaseIsReadEventByEvent(Sink sink) throws Exception {
        List<InteropCase> cases = cases();
        String batching = "&batchSize=" + cases.size() + "&flushInterval=60000";
        List<Exchange> exchanges = new ArrayList<>();
        List<Verdict> verdicts;
        if (sink == Sink.HTTP_BATCH) {
            server = RecordingHttpServer.start();
            try {
                for (InteropCase c : cases) {
                    exchanges.add(sendTo(c, "RAW(" + server.url("/events") + ")",
                            "&mode=batch" + batching + c.options()));
                }
                RecordingHttpServer.RecordedRequest request = server.awaitRequests(1).get(0);
                Reading reading = JavaScriptSdkJudge.readHttp(request.firstValues(), request.body());
                assertNull(reading.error(), () -> "The batch could not be read: " + reading);
                verdicts = reading.events();
            } finally {
                server.close();
            }
        } else {
            String topic = EmbeddedKafkaBroker.newTopic("interop-batch", 1);
            String mode = sink == Sink.KAFKA_BINARY ? "binary" : "structured";
            for (InteropCase c : cases) {
                exchanges.add(sendTo(c, kafkaSink(topic), "&mode=" + mode + batching + c.options()));
            }
            verdicts = new ArrayList<>();
            for (Reading reading : JavaScriptSdkJudge.readKafka(EmbeddedKafkaBroker.read(topic, cases.size(), WAIT))) {
                verdicts.add(reading.only());
            }
        }
        assertEquals(cases.size(), verdicts.size(), () -> "events read: " + verdicts);
        for (int i = 0; i < cases.size(); i++) {
            assertMeant(cases.get(i), exchanges.get(i), verdicts.get(i), sink);
        }
    }

    /** The SDK and the schema accepted the event, and it carries what the case meant, as sent by {@code exchange}. */
    private static void assertMeant(InteropCase c, Exchange exchange, Verdict verdict, Sink sink) {
        if (c.sdkLimit() == null) {
            verdict.assertAccepted();
        } else {
            assertTrue(verdict.schemaValid(), () -> "The JSON schema refused the event: " + verdict);
        }
        Map<String, Object> expected = new LinkedHashMap<>(c.expected());
        expected.put("specversion", "1.0");
        expected.put("id", exchange.getMessage().getHeader(OssaEventsConstants.ID));
        expected.put("source", "/agents/interop");
        expected.put("type", "dev.ossa.interop.checked");
        expected.putIfAbsent("time", exchange.getMessage().getHeader(OssaEventsConstants.TIME));
        assertCarries(verdict.wire(), expected, sink, "what the message carries");
        if (c.sdkLimit() == null) {
            assertCarries(sdkView(verdict.sdkEvent(), sink), expected, sink, "what the JavaScript SDK read");
        } else if (verdict.sdkAccepted()) {
            AssertionError notAsMeant = null;
            try {
                assertCarries(sdkView(verdict.sdkEvent(), sink), expected, sink, "what the JavaScript SDK read");
            } catch (AssertionError e) {
                notAsMeant = e;
            }
            assertNotNull(notAsMeant, () -> "The JavaScript SDK now reads " + c + " as meant (" + c.sdkLimit()
                                            + " no longer holds): " + verdict);
        }
    }

    /** The exchange sent, and what the judge made of the one sink message it caused. */
    private record Sent(Exchange exchange, Reading reading) {
    }

    private Sent send(InteropCase c, Sink sink) throws Exception {
        String options = c.options();
        switch (sink) {
            case HTTP_STRUCTURED, HTTP_BINARY, HTTP_BATCH -> {
                String mode = sink == Sink.HTTP_BINARY ? "binary" : sink == Sink.HTTP_BATCH ? "batch" : "structured";
                server = RecordingHttpServer.start();
                try {
                    Exchange exchange = sendTo(c, "RAW(" + server.url("/events") + ")", "&mode=" + mode + options);
                    RecordingHttpServer.RecordedRequest request = server.onlyRequest();
                    return new Sent(exchange, JavaScriptSdkJudge.readHttp(request.firstValues(), request.body()));
                } finally {
                    server.close();
                }
            }
            case KAFKA_STRUCTURED, KAFKA_BINARY -> {
                String topic = EmbeddedKafkaBroker.newTopic("interop", 1);
                String mode = sink == Sink.KAFKA_BINARY ? "binary" : "structured";
                Exchange exchange = sendTo(c, kafkaSink(topic), "&mode=" + mode + options);
                ConsumerRecord<byte[], byte[]> record = EmbeddedKafkaBroker.read(topic, 1, WAIT).get(0);
                return new Sent(exchange, JavaScriptSdkJudge.readKafka(record));
            }
            case STDOUT -> {
                Exchange exchange;
                String text;
                try (CapturedStdout stdout = new CapturedStdout()) {
                    exchange = sendTo(c, "stdout", options);
                    text = stdout.text();
                }
                return new Sent(exchange, JavaScriptSdkJudge.readJson(text, null));
            }
            case LOG -> {
                try (CapturedLog log = new CapturedLog("interop")) {
                    Exchange exchange = sendTo(c, "RAW(log:interop?plain=true)", options);
                    return new Sent(exchange, JavaScriptSdkJudge.readJson(log.await(1).get(0), null));
                }
            }
            case OTHER -> {
                Exchange exchange = sendTo(c, other.uri(), options);
                RecordingSink.Received received = other.await(1).get(0);
                return new Sent(exchange, JavaScriptSdkJudge.readJson(received.text(),
                        (String) received.headers().get(Exchange.CONTENT_TYPE)));
            }
            default -> throw new IllegalArgumentException(sink.name());
        }
    }

    private static String kafkaSink(String topic) {
        return "RAW(kafka:" + topic + "?brokers=" + EmbeddedKafkaBroker.bootstrapServers() + ")";
    }

    private Exchange sendTo(InteropCase c, String sinkUri, String options) {
        Exchange exchange = template.send("ossa-events:dev.ossa.interop.checked?source=/agents/interop&sink=" + sinkUri
                                          + options, e -> {
                                              e.getIn().setHeaders(new LinkedHashMap<>(c.headers()));
                                              e.getIn().setBody(c.body());
                                          });
        assertNull(exchange.getException(), () -> "The send failed: " + exchange.getException());
        return exchange;
    }

    /**
     * The SDK's event, made comparable. The SDK normalises {@code time} to UTC milliseconds (compared as an instant);
     * it does not decode the percent-encoded {@code ce-} header values of HTTP binary mode (nor does the Java SDK),
     * so they are decoded here with {@link SdkEventReader}'s decoder; and from a Kafka binary record it gives text
     * data as bytes (a Buffer), decoded here in the charset of the content type.
     */
    private static JsonNode sdkView(JsonNode event, Sink sink) {
        ObjectNode view = event.deepCopy();
        JsonNode contentType = view.get("datacontenttype");
        if (sink == Sink.KAFKA_BINARY && view.has("data_base64") && contentType != null
            && MediaType.isText(contentType.asText())) {
            byte[] data = Base64.getDecoder().decode(view.remove("data_base64").asText());
            view.put("data", new String(data, MediaType.charset(contentType.asText())));
        }
        if (sink == Sink.HTTP_BINARY) {
            view.fields().forEachRemaining(field -> {
                if (field.getValue().isTextual() && !field.getKey().equals("data")) {
                    field.setValue(JSON.getNodeFactory().textNode(SdkEventReader.percentDecode(field.getValue()
                            .asText())));
                }
            });
        }
        return view;
    }

    /** Just enough of a media type for {@link #sdkView}: whether it is text, and its charset. */
    private static final class MediaType {

        static boolean isText(String contentType) {
            return contentType.trim().toLowerCase(Locale.ROOT).startsWith("text/");
        }

        static Charset charset(String contentType) {
            Matcher charset = Pattern.compile(";\\s*charset\\s*=\\s*\"?([^\";\\s]+)", Pattern.CASE_INSENSITIVE)
                    .matcher(contentType);
            return charset.find() ? Charset.forName(charset.group(1)) : StandardCharsets.UTF_8;
        }
    }

    private static void assertCarries(JsonNode event, Map<String, Object> expected, Sink sink, String what) {
        boolean sdk = what.contains("SDK");
        expected.forEach((name, value) -> {
            JsonNode actual = event.get(name);
            String where = what + ", attribute " + name + ": " + event;
            if (value == ABSENT) {
                assertFalse(event.has(name), where);
            } else if (name.equals("data") || name.equals("data_base64")) {
                assertEquals(JSON.valueToTree(value), actual, where);
            } else if (name.equals("time") && sdk) {
                assertEquals(instantInMillis(value.toString()), Instant.parse(actual.asText()), where);
            } else if (sink.binary()) {
                assertEquals(value.toString(), actual == null ? null : actual.asText(), where);
            } else {
                assertEquals(JSON.valueToTree(value), actual, where);
            }
        });
        if (!expected.containsKey("data")) {
            assertFalse(event.has("data"), () -> what + " has data, none was sent: " + event);
        }
        if (!expected.containsKey("data_base64")) {
            assertFalse(event.has("data_base64"), () -> what + " has data_base64, none was sent: " + event);
        }
    }

    /**
     * The instant of an RFC 3339 date-time, to the millisecond as the JavaScript SDK's {@code Date} holds it (a leap
     * second as the second after it, as POSIX time counts): read field by field, since {@code OffsetDateTime} takes
     * neither leap seconds, nor fractions beyond nanoseconds, nor offsets beyond 18 hours.
     */
    private static Instant instantInMillis(String time) {
        Matcher m = Pattern.compile("(\\d{4}-\\d{2}-\\d{2})[Tt](\\d{2}:\\d{2}):(\\d{2})(?:\\.(\\d+))?"
                                    + "(?:[Zz]|([+-])(\\d{2}):(\\d{2}))").matcher(time);
        if (!m.matches()) {
            throw new AssertionError("not an RFC 3339 date-time: " + time);
        }
        boolean leapSecond = m.group(3).equals("60");
        long millis = m.group(4) == null ? 0 : Long.parseLong((m.group(4) + "00").substring(0, 3));
        long offsetMinutes = m.group(5) == null ? 0 : (m.group(5).equals("-") ? -1 : 1)
                * (Long.parseLong(m.group(6)) * 60 + Long.parseLong(m.group(7)));
        return LocalDateTime.parse(m.group(1) + "T" + m.group(2) + ":" + (leapSecond ? "59" : m.group(3)))
                .toInstant(ZoneOffset.UTC).minus(Duration.ofMinutes(offsetMinutes))
                .plusSeconds(leapSecond ? 1 : 0).plusMillis(millis);
    }
}
