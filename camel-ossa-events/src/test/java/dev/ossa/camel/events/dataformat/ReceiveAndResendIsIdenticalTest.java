package dev.ossa.camel.events.dataformat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.ossa.camel.events.binding.EmbeddedKafkaBroker;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Relay without change: events an {@code ossa-events} endpoint sends over real HTTP and Kafka are received with the
 * data format and sent on by another {@code ossa-events} endpoint whose options differ; the second message on the
 * wire is identical to the first (body bytes, CloudEvents headers, Kafka key).
 */
@ExtendWith(EmbeddedKafkaBroker.class)
class ReceiveAndResendIsIdenticalTest extends ReceivingRoutes {

    /** Options of the relaying endpoint that would change the event if they applied to it. */
    private static final String RELAY_OPTIONS = "source=/relay&subject=relayed&agentId=relay"
            + "&extensions.region=eu&dataContentType=RAW(text/csv)";

    private final List<Map<String, String>> firstHeaders = Collections.synchronizedList(new ArrayList<>());
    private final List<byte[]> firstBodies = Collections.synchronizedList(new ArrayList<>());

    /** The events the emitter tests send: JSON, text and binary data, none, every attribute, every extension type. */
    private void emitEvents(String uri) {
        template.sendBodyAndHeaders(uri, Map.of("tool", "search", "hits", 3, "score", 0.25),
                Map.of("CamelCloudEventID", "rt-1", "CamelCloudEventSubject", "Büro € 😀 \"q\" 100%",
                        "CamelCloudEventTime", "2026-03-01T10:15:30.5+01:00",
                        "CamelCloudEventSchemaURL", "https://schemas.ossa.dev/tool-called.json",
                        "CamelOssaAgentId", "planner", "CamelOssaTraceId", "4bf92f3577b34da6a3ce929d0e0e4736",
                        "CamelCloudEventExtensions", Map.of("attempt", 2, "retry", true, "partitionkey", "planner")));
        template.sendBodyAndHeaders(uri, "plain text, ünïcode",
                Map.of("CamelCloudEventID", "rt-2", "CamelCloudEventDataContentType", "text/plain; charset=utf-8"));
        template.sendBodyAndHeaders(uri, new byte[] { 0, 1, 2, (byte) 0xFF },
                Map.of("CamelCloudEventID", "rt-3", "CamelCloudEventDataContentType", "application/octet-stream"));
        template.sendBodyAndHeaders(uri, null, Map.of("CamelCloudEventID", "rt-4"));
        template.sendBodyAndHeaders(uri, "{\"big\":12345678901234567890.10}", Map.of("CamelCloudEventID", "rt-5"));
    }

    @ParameterizedTest
    @ValueSource(strings = { "structured", "binary", "batch" })
    void overHttpTheRelayedRequestIsIdenticalToTheFirst(String mode) throws Exception {
        MockEndpoint second = getMockEndpoint("mock:second");
        second.expectedMessageCount(5);
        String base = eventsUrl().replace("/events", "");
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("platform-http:/first-" + mode).process(this::recordFirst)
                        .unmarshal().custom("ossa-events")
                        .split(body()).to("ossa-events:relayed?" + RELAY_OPTIONS + "&mode=" + mode + "&sink="
                                + base + "/second-" + mode)
                        .end().setBody(constant("relayed"));
                from("platform-http:/second-" + mode).convertBodyTo(byte[].class).to("mock:second")
                        .setBody(constant("ok"));
            }

            private void recordFirst(Exchange exchange) {
                firstHeaders.add(cloudEventHeaders(exchange));
                firstBodies.add(exchange.getMessage().getBody(byte[].class));
            }
        });

        emitEvents("ossa-events:dev.ossa.tool.called?source=/agents/planner&mode=" + mode + "&sink=" + base
                + "/first-" + mode);

        second.assertIsSatisfied();
        for (int i = 0; i < 5; i++) {
            Exchange relayed = second.getExchanges().get(i);
            assertEquals(firstHeaders.get(i), cloudEventHeaders(relayed), mode + " event " + i);
            assertArrayEquals(firstBodies.get(i), relayed.getMessage().getBody(byte[].class),
                    mode + " event " + i + ": " + new String(firstBodies.get(i), StandardCharsets.UTF_8));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = { "structured", "binary" })
    void overKafkaTheRelayedRecordIsIdenticalToTheFirst(String mode) throws Exception {
        String first = EmbeddedKafkaBroker.newTopic("first-" + mode, 1);
        String second = EmbeddedKafkaBroker.newTopic("second-" + mode, 1);
        String brokers = "&brokers=" + EmbeddedKafkaBroker.bootstrapServers();
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(KafkaRecords.consumer(first)).unmarshal().custom("ossa-events")
                        .to("ossa-events:relayed?" + RELAY_OPTIONS + "&mode=" + mode + "&sink=kafka:" + second
                                + "?" + brokers.substring(1));
            }
        });

        emitEvents("ossa-events:dev.ossa.tool.called?source=/agents/planner&mode=" + mode + "&sink=kafka:" + first
                + "?" + brokers.substring(1));

        List<ConsumerRecord<byte[], byte[]>> sent = EmbeddedKafkaBroker.read(first, 5, Duration.ofSeconds(60));
        List<ConsumerRecord<byte[], byte[]>> relayed = EmbeddedKafkaBroker.read(second, 5, Duration.ofSeconds(60));
        assertEquals(5, relayed.size());
        for (int i = 0; i < 5; i++) {
            assertArrayEquals(sent.get(i).key(), relayed.get(i).key(), mode + " key " + i);
            assertArrayEquals(sent.get(i).value(), relayed.get(i).value(), mode + " value " + i);
            assertEquals(headers(sent.get(i)), headers(relayed.get(i)), mode + " headers " + i);
        }
    }

    /** Content-Type and every ce- header, names in lower case. */
    private static Map<String, String> cloudEventHeaders(Exchange exchange) {
        Map<String, String> headers = new TreeMap<>();
        exchange.getMessage().getHeaders().forEach((name, value) -> {
            String lower = name.toLowerCase();
            if (lower.startsWith("ce-") || lower.equals("content-type")) {
                headers.put(lower, String.valueOf(value));
            }
        });
        return headers;
    }

    private static Map<String, String> headers(ConsumerRecord<byte[], byte[]> record) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (Header header : record.headers()) {
            headers.put(header.key(), new String(header.value(), StandardCharsets.UTF_8));
        }
        return headers;
    }
}
