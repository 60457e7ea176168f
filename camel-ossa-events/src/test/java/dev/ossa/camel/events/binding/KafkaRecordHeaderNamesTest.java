package dev.ossa.camel.events.binding;

import java.util.List;
import java.util.Map;

import org.apache.camel.CamelContext;
import org.apache.camel.Message;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.ossa.camel.events.OssaEventsMode;
import dev.ossa.camel.events.event.EventData;
import dev.ossa.camel.events.event.OssaCloudEvent;
import dev.ossa.camel.events.format.JsonEventFormat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Kafka header names are case-sensitive and the CloudEvents Kafka binding names them {@code content-type} and
 * {@code ce_<name>}: each record carries exactly these names (Camel's own header map would write
 * {@code Content-Type}), one event as a list of one record, a batch as one record per event.
 */
class KafkaRecordHeaderNamesTest {

    private final CamelContext context = new DefaultCamelContext();
    private final KafkaBinding binding = new KafkaBinding(context, new JsonEventFormat(JsonEventFormat.defaultMapper()),
            OssaEventsMode.binary, null, new SinkHeaders(Map.of("X-Tenant", "acme")));

    @AfterEach
    void stop() {
        context.stop();
    }

    @Test
    void oneEventIsOneRecordWithExactHeaderNames() {
        Message message = new DefaultMessage(context);
        binding.writeEvent(event("1"), message);
        List<Message> records = records(message);
        assertEquals(1, records.size());
        assertExactNames(records.get(0));
    }

    @Test
    void everyRecordOfABatchHasExactHeaderNames() {
        Message message = new DefaultMessage(context);
        binding.writeBatch(List.of(event("1"), event("2")), message);
        List<Message> records = records(message);
        assertEquals(2, records.size());
        records.forEach(KafkaRecordHeaderNamesTest::assertExactNames);
        assertEquals("2", new String((byte[]) records.get(1).getHeaders().get("ce_id")));
    }

    private static void assertExactNames(Message record) {
        assertTrue(record.getHeaders().containsKey("content-type"), () -> record.getHeaders().keySet().toString());
        assertFalse(record.getHeaders().containsKey("Content-Type"), () -> record.getHeaders().keySet().toString());
        assertTrue(record.getHeaders().keySet().containsAll(List.of("ce_specversion", "ce_id", "ce_source", "ce_type",
                "ce_ossaagentid", "X-Tenant")), () -> record.getHeaders().keySet().toString());
        assertEquals("application/json", new String((byte[]) record.getHeaders().get("content-type")));
    }

    @SuppressWarnings("unchecked")
    private static List<Message> records(Message message) {
        return (List<Message>) message.getBody();
    }

    private static OssaCloudEvent event(String id) {
        return OssaCloudEvent.builder().id(id).source("/agents/planner").type("dev.ossa.tool.called")
                .dataContentType("application/json").extension("ossaagentid", "planner")
                .data(new EventData.Json(Map.of("a", 1))).build();
    }
}
