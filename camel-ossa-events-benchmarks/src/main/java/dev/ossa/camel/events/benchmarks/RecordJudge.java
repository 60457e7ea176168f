package dev.ossa.camel.events.benchmarks;

import java.io.IOException;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.KafkaMessageFactory;

import dev.ossa.camel.events.OssaEventsConstants;

/**
 * Checks, with the CloudEvents SDK as the reader, that records of a benchmark topic are the sample event: every side
 * must have sent the same thing for the comparison to mean anything.
 */
final class RecordJudge {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private RecordJudge() {
    }

    static void check(String topic, List<ConsumerRecord<byte[], byte[]>> records, JsonNode expectedData)
            throws IOException {
        if (records.isEmpty()) {
            throw new IllegalStateException(topic + ": no records to check");
        }
        Set<String> ids = new HashSet<>();
        for (ConsumerRecord<byte[], byte[]> record : records) {
            CloudEvent event = KafkaMessageFactory.createReader(record).toEvent();
            Map<String, Object> expected = Map.of(
                    "type", SampleEvent.TYPE, "source", SampleEvent.SOURCE, "subject", SampleEvent.SUBJECT,
                    "datacontenttype", SampleEvent.CONTENT_TYPE,
                    OssaEventsConstants.AGENT_ID_ATTRIBUTE, SampleEvent.AGENT_ID,
                    OssaEventsConstants.INTERACTION_ID_ATTRIBUTE, SampleEvent.INTERACTION_ID,
                    OssaEventsConstants.TRACE_ID_ATTRIBUTE, SampleEvent.TRACE_ID,
                    OssaEventsConstants.SPAN_ID_ATTRIBUTE, SampleEvent.SPAN_ID);
            expected.forEach((name, value) -> {
                Object actual = name.startsWith("ossa") ? event.getExtension(name) : event.getAttribute(name);
                if (!Objects.equals(String.valueOf(actual), value)) {
                    throw new IllegalStateException(topic + ": attribute " + name + " is " + actual + ", expected "
                                                    + value);
                }
            });
            if (event.getTime() == null || event.getData() == null
                || !MAPPER.readTree(event.getData().toBytes()).equals(expectedData)) {
                throw new IllegalStateException(topic + ": record without time or with other data: " + event);
            }
            ids.add(event.getId());
        }
        if (ids.size() != records.size()) {
            throw new IllegalStateException(topic + ": " + (records.size() - ids.size()) + " repeated ids");
        }
        System.out.printf("  %-22s %s: %d records read back by the CloudEvents SDK, all the sample event%n", "kafka",
                topic, records.size());
    }
}
