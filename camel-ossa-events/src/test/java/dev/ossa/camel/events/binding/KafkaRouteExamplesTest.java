package dev.ossa.camel.events.binding;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Properties;

import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.KafkaMessageFactory;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.ossa.camel.events.OssaEventType;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The Kafka routes of src-docs/sink-kafka.adoc, in Java DSL and YAML DSL, run against the embedded broker with the
 * broker address and topic from property placeholders.
 */
@ExtendWith(EmbeddedKafkaBroker.class)
class KafkaRouteExamplesTest extends CamelTestSupport {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private String topic;

    @Override
    protected CamelContext createCamelContext() throws Exception {
        topic = EmbeddedKafkaBroker.newTopic("agent-events", 3);
        CamelContext camel = super.createCamelContext();
        Properties properties = new Properties();
        properties.setProperty("kafka.brokers", EmbeddedKafkaBroker.bootstrapServers());
        properties.setProperty("kafka.topic", topic);
        camel.getPropertiesComponent().setOverrideProperties(properties);
        return camel;
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:tool-called")
                        .to("ossa-events:" + OssaEventType.TOOL_CALLED
                            + "?source=/agents/planner&mode=binary&keyField=ossaagentid"
                            + "&batchSize=100&flushInterval=500"
                            + "&sink=RAW(kafka:{{kafka.topic}}?brokers={{kafka.brokers}}"
                            + "&requestRequiredAcks=all&compressionCodec=zstd&lingerMs=20)");
            }
        };
    }

    @Test
    void javaDslRouteSendsBinaryRecordsKeyedByAgent() throws Exception {
        for (String agent : List.of("planner", "coder", "planner")) {
            template.sendBodyAndHeader("direct:tool-called", "{\"tool\":\"search\"}", "CamelOssaAgentId", agent);
        }

        List<ConsumerRecord<byte[], byte[]>> records = EmbeddedKafkaBroker.read(topic, 3, WAIT);
        assertEquals(3, records.size());
        for (ConsumerRecord<byte[], byte[]> record : records) {
            CloudEvent event = KafkaMessageFactory.createReader(record).toEvent();
            assertEquals("dev.ossa.tool.called", event.getType());
            assertArrayEquals(((String) event.getExtension("ossaagentid")).getBytes(StandardCharsets.UTF_8),
                    record.key());
            assertArrayEquals("{\"tool\":\"search\"}".getBytes(StandardCharsets.UTF_8), record.value());
        }
    }

    @Test
    void yamlDslRouteSendsStructuredRecordsKeyedByAgent() throws Exception {
        PluginHelper.getRoutesLoader(context).loadRoutes(ResourceHelper.resolveMandatoryResource(context,
                "classpath:dev/ossa/camel/events/binding/kafka-sink-route.yaml"));
        template.sendBodyAndHeader("direct:tool-completed", "{\"hits\":3}", "CamelOssaAgentId", "planner");
        template.sendBodyAndHeader("direct:tool-completed", "{\"hits\":0}", "CamelOssaAgentId", "reviewer");

        List<ConsumerRecord<byte[], byte[]>> records = EmbeddedKafkaBroker.read(topic, 2, WAIT);
        assertEquals(2, records.size());
        for (ConsumerRecord<byte[], byte[]> record : records) {
            assertEquals("application/cloudevents+json; charset=utf-8",
                    new String(record.headers().lastHeader("content-type").value(), StandardCharsets.UTF_8));
            CloudEvent event = KafkaMessageFactory.createReader(record).toEvent();
            assertEquals("dev.ossa.tool.completed", event.getType());
            assertArrayEquals(((String) event.getExtension("ossaagentid")).getBytes(StandardCharsets.UTF_8),
                    record.key());
        }
    }
}
