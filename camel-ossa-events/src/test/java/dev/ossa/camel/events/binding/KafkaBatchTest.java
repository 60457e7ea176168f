package dev.ossa.camel.events.binding;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.KafkaMessageFactory;
import org.apache.camel.Exchange;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.ossa.camel.events.OssaEventsConstants;
import dev.ossa.camel.events.OssaEventsEndpoint;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * Batched delivery to a real broker: a batch of N events is N records, each with its own headers and key.
 */
@ExtendWith(EmbeddedKafkaBroker.class)
class KafkaBatchTest extends CamelTestSupport {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Test
    void hundredTwentyEventsInBatchesOfFiftyAreHundredTwentyRecordsWithDistinctIdsInSendOrder() throws Exception {
        String topic = EmbeddedKafkaBroker.newTopic("batch-120", 1);
        String uri = endpoint(topic, "structured") + "&batchSize=50&flushInterval=1000";
        List<String> sent = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            Exchange exchange = template.send(uri, e -> e.getIn().setBody(Map.of("seq", 1)));
            assertNull(exchange.getException());
            sent.add(exchange.getMessage().getHeader(OssaEventsConstants.ID, String.class));
        }

        List<ConsumerRecord<byte[], byte[]>> records = EmbeddedKafkaBroker.read(topic, 120, WAIT);
        assertEquals(120, records.size());
        List<String> received = new ArrayList<>();
        for (ConsumerRecord<byte[], byte[]> record : records) {
            received.add(KafkaMessageFactory.createReader(record).toEvent().getId());
        }
        assertEquals(120, new HashSet<>(received).size(), "distinct ids");
        assertEquals(sent, received, "one partition keeps the send order");

        OssaEventsEndpoint endpoint = context.getEndpoint(uri, OssaEventsEndpoint.class);
        awaitCount(120, endpoint::getEventsDelivered, "events delivered");
        assertEquals(0, endpoint.getEventsPending());
        assertEquals(0, endpoint.getEventsFailed());
    }

    @Test
    void everyRecordOfABinaryBatchCarriesItsOwnCeHeadersAndKey() throws Exception {
        String topic = EmbeddedKafkaBroker.newTopic("batch-binary", 3);
        String uri = endpoint(topic, "binary") + "&batchSize=10&flushInterval=1000&keyField=ossaagentid";
        List<String> agents = List.of("planner", "coder", "reviewer");
        for (int i = 0; i < 30; i++) {
            template.sendBodyAndHeader(uri, "{\"seq\":" + i + "}", "CamelOssaAgentId", agents.get(i % 3));
        }

        List<ConsumerRecord<byte[], byte[]>> records = EmbeddedKafkaBroker.read(topic, 30, WAIT);
        assertEquals(30, records.size());
        HashSet<String> ids = new HashSet<>();
        for (ConsumerRecord<byte[], byte[]> record : records) {
            CloudEvent event = KafkaMessageFactory.createReader(record).toEvent();
            ids.add(event.getId());
            assertArrayEquals(event.getId().getBytes(StandardCharsets.UTF_8),
                    record.headers().lastHeader("ce_id").value());
            assertArrayEquals(((String) event.getExtension("ossaagentid")).getBytes(StandardCharsets.UTF_8),
                    record.key());
            assertEquals("application/json", new String(record.headers().lastHeader("content-type").value(),
                    StandardCharsets.UTF_8));
            assertEquals("dev.ossa.tool.completed", event.getType());
        }
        assertEquals(30, ids.size(), "distinct ids");
    }

    @Test
    void stoppingTheContextSendsTheUnfilledBatchToKafka() throws Exception {
        String topic = EmbeddedKafkaBroker.newTopic("batch-stop", 1);
        String uri = endpoint(topic, "structured") + "&batchSize=50&flushInterval=60000";
        for (int i = 0; i < 7; i++) {
            template.sendBody(uri, Map.of("seq", i));
        }

        context.stop();

        assertEquals(7, EmbeddedKafkaBroker.read(topic, 7, WAIT).size());
    }

    private static String endpoint(String topic, String mode) {
        return "ossa-events:dev.ossa.tool.completed?source=/agents&mode=" + mode
               + "&sink=RAW(kafka:" + topic + "?brokers=" + EmbeddedKafkaBroker.bootstrapServers() + ")";
    }

    private static void awaitCount(long expected, LongSupplier count, String what) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (count.getAsLong() != expected && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertEquals(expected, count.getAsLong(), what);
    }
}
