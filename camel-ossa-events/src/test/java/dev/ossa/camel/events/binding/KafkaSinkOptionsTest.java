package dev.ossa.camel.events.binding;

import org.apache.camel.Endpoint;
import org.apache.camel.Producer;
import org.apache.camel.component.kafka.KafkaConfiguration;
import org.apache.camel.component.kafka.KafkaEndpoint;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Producer options in the sink URI reach camel-kafka as written, and Kafka sink options that cannot work fail
 * endpoint creation with a message that says why. No broker is contacted.
 */
class KafkaSinkOptionsTest extends CamelTestSupport {

    private static final String SINK = "RAW(kafka:events?brokers=127.0.0.1:9092";

    @Test
    void producerOptionsInTheSinkUriReachTheKafkaProducerIncludingANestedRawJaasConfig() throws Exception {
        String jaas = "org.apache.kafka.common.security.plain.PlainLoginModule required username=\"agent\""
                      + " password=\"s3cr&t+%=\";";
        String uri = "ossa-events:dev.ossa.agent.started?source=/a&sink=RAW(kafka:agent-events"
                     + "?brokers=127.0.0.1:9092&requestRequiredAcks=all&compressionCodec=zstd&enableIdempotence=true"
                     + "&lingerMs=20&securityProtocol=SASL_PLAINTEXT&saslMechanism=PLAIN&saslJaasConfig=RAW(" + jaas
                     + "))";
        Endpoint endpoint = context.getEndpoint(uri);
        Producer producer = endpoint.createProducer();
        producer.start();
        try {
            assertFalse(endpoint.toString().contains("s3cr"), endpoint.toString());
            KafkaConfiguration kafka = context.getEndpoints().stream()
                    .filter(KafkaEndpoint.class::isInstance).map(e -> ((KafkaEndpoint) e).getConfiguration())
                    .findFirst().orElseThrow();
            assertEquals("agent-events", kafka.getTopic());
            assertEquals("all", kafka.getRequestRequiredAcks());
            assertEquals("zstd", kafka.getCompressionCodec());
            assertEquals(true, kafka.isEnableIdempotence());
            assertEquals(20, kafka.getLingerMs());
            assertEquals("SASL_PLAINTEXT", kafka.getSecurityProtocol());
            assertEquals("PLAIN", kafka.getSaslMechanism());
            assertEquals(jaas, kafka.getSaslJaasConfig());
            assertEquals("org.apache.kafka.common.serialization.ByteArraySerializer", kafka.getValueSerializer());
            assertEquals(true, kafka.isBatchWithIndividualHeaders());
        } finally {
            producer.stop();
        }
    }

    @Test
    void modeBatchWithAKafkaSinkFailsEndpointCreation() {
        String message = creationFailure("ossa-events:dev.ossa.agent.started?source=/a&mode=batch&batchSize=10&sink="
                                         + SINK + ")");
        assertTrue(message.contains("mode=batch has no Kafka binding"), message);
        assertTrue(message.contains("one event per record"), message);
    }

    @ParameterizedTest
    @ValueSource(strings = { "useIterator=false", "batchWithIndividualHeaders=false" })
    void sinkOptionsThatWouldDropRecordHeadersFailEndpointCreation(String option) {
        String message = creationFailure("ossa-events:dev.ossa.agent.started?source=/a&sink=" + SINK + "&" + option
                                         + ")");
        assertTrue(message.contains("Kafka sink option " + option + " is not supported"), message);
    }

    @ParameterizedTest
    @ValueSource(strings = { "ossaAgentId", "agent_id", "" })
    void keyFieldThatIsNoAttributeNameFailsEndpointCreation(String keyField) {
        String message = creationFailure("ossa-events:dev.ossa.agent.started?source=/a&keyField=" + keyField
                                         + "&sink=" + SINK + ")");
        assertTrue(message.contains("Option keyField must be a CloudEvents attribute name"), message);
        assertTrue(message.contains("was '" + keyField + "'"), message);
    }

    private String creationFailure(String uri) {
        Exception e = assertThrows(Exception.class, () -> context.getEndpoint(uri));
        StringBuilder messages = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            messages.append(t.getMessage()).append('\n');
        }
        return messages.toString();
    }
}
