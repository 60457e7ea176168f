package dev.ossa.camel.events.binding;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;

import org.apache.camel.CamelExecutionException;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.KafkaMessageFactory;

import dev.ossa.camel.events.OssaEventsConstants;
import dev.ossa.camel.events.binding.RecordingHttpServer.RecordedRequest;
import dev.ossa.camel.events.event.InvalidCloudEventException;

/**
 * Text data in binary mode is sent in the charset its {@code datacontenttype} names, to a real HTTP server and a real
 * Kafka broker: judged on the raw bytes, and by the CloudEvents Java SDK decoding the data with the charset the
 * content type it read names. A charset the JVM does not know fails the exchange, naming {@code datacontenttype}.
 */
@ExtendWith(EmbeddedKafkaBroker.class)
class TextDataCharsetTest extends CamelTestSupport {

    private static final String TEXT = "café crème";

    private final RecordingHttpServer server;

    TextDataCharsetTest() throws IOException {
        server = RecordingHttpServer.start();
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    private String http(String mode, String contentType) {
        return "ossa-events:dev.ossa.tool.called?source=/agents/planner&mode=" + mode + "&sink=RAW("
               + server.url("/events") + ")&dataContentType=RAW(" + contentType + ")";
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "text/plain; charset=iso-8859-1 | 636166e9206372e86d65",
        "text/plain; charset=ISO-8859-1 | 636166e9206372e86d65",
        "text/plain;charset=\"iso-8859-1\" | 636166e9206372e86d65",
        "text/plain; charset=utf-8 | 636166c3a9206372c3a86d65",
        "text/plain | 636166c3a9206372c3a86d65",
        "text/plain; charset=utf-16be | 00630061006600e900200063007200e8006d0065" })
    void httpBinaryBodyIsTheTextInTheNamedCharset(String contentType, String hex) throws Exception {
        template.sendBody(http("binary", contentType), TEXT);

        RecordedRequest request = server.onlyRequest();
        byte[] expected = HexFormat.of().parseHex(hex);
        assertArrayEquals(expected, request.body(), () -> HexFormat.of().formatHex(request.body()));
        CloudEvent event = SdkEventReader.read(request);
        assertEquals(TEXT, new String(event.getData().toBytes(), charsetOf(event.getDataContentType())));
    }

    @Test
    void kafkaBinaryValueIsTheTextInTheNamedCharset() {
        String topic = EmbeddedKafkaBroker.newTopic("charset", 1);
        template.sendBody("ossa-events:dev.ossa.tool.called?source=/agents/planner&mode=binary"
                          + "&dataContentType=RAW(text/plain; charset=iso-8859-1)&sink=RAW(kafka:" + topic + "?brokers="
                          + EmbeddedKafkaBroker.bootstrapServers() + ")", TEXT);

        List<ConsumerRecord<byte[], byte[]>> records = EmbeddedKafkaBroker.read(topic, 1, Duration.ofSeconds(30));
        assertEquals(1, records.size());
        assertArrayEquals(TEXT.getBytes(StandardCharsets.ISO_8859_1), records.get(0).value());
        assertEquals("66e9", HexFormat.of().formatHex(records.get(0).value(), 2, 4));
        CloudEvent event = KafkaMessageFactory.createReader(records.get(0)).toEvent();
        assertEquals(TEXT, new String(event.getData().toBytes(), charsetOf(event.getDataContentType())));
    }

    @Test
    void structuredEventCarriesTheTextAsAJsonString() {
        template.sendBody(http("structured", "text/plain; charset=iso-8859-1"), TEXT);

        CloudEvent event = SdkEventReader.readJson(server.onlyRequest().body());
        assertEquals("text/plain; charset=iso-8859-1", event.getDataContentType());
        assertEquals(TEXT, new String(event.getData().toBytes(), StandardCharsets.UTF_8));
    }

    @Test
    void unknownCharsetFailsTheExchangeNamingDataContentType() {
        CamelExecutionException e = assertThrows(CamelExecutionException.class,
                () -> template.sendBodyAndHeader(http("binary", "text/plain"), TEXT,
                        OssaEventsConstants.DATA_CONTENT_TYPE, "text/plain; charset=x-klingon"));

        InvalidCloudEventException invalid = assertInstanceOf(InvalidCloudEventException.class, e.getCause());
        assertEquals("datacontenttype", invalid.getAttribute());
        assertTrue(invalid.getMessage().contains("charset 'x-klingon' is unknown"), invalid.getMessage());
        assertEquals(0, server.requests().size(), "nothing is sent");
    }

    @Test
    void unknownCharsetInTheOptionFailsEndpointCreation() {
        Exception e = assertThrows(Exception.class,
                () -> context.getEndpoint(http("binary", "text/plain; charset=x-klingon")));

        assertTrue(e.getMessage().contains("Invalid CloudEvent attribute 'datacontenttype': charset 'x-klingon'"),
                e.getMessage());
    }

    @Test
    void textTheCharsetCannotEncodeFailsTheExchangeNamingData() {
        CamelExecutionException e = assertThrows(CamelExecutionException.class,
                () -> template.sendBody(http("binary", "text/plain; charset=iso-8859-1"), "price: 5 €"));

        InvalidCloudEventException invalid = assertInstanceOf(InvalidCloudEventException.class, e.getCause());
        assertEquals("data", invalid.getAttribute());
        assertTrue(invalid.getMessage().contains("'€' (U+20AC) at index 9, which charset ISO-8859-1"),
                invalid.getMessage());
        assertEquals(0, server.requests().size(), "nothing is sent");
    }

    /** The charset a reader finds in the content type, by its own parsing: UTF-8 when none is named. */
    private static Charset charsetOf(String contentType) {
        for (String parameter : contentType.split(";")) {
            String[] pair = parameter.trim().split("=", 2);
            if (pair.length == 2 && pair[0].equalsIgnoreCase("charset")) {
                return Charset.forName(pair[1].replace("\"", ""));
            }
        }
        return StandardCharsets.UTF_8;
    }
}
