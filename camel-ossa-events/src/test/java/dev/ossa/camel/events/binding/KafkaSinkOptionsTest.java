package dev.ossa.camel.events.binding;

import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Kafka sink options that cannot work fail endpoint creation with a message that says why. No broker is contacted.
 */
class KafkaSinkOptionsTest extends CamelTestSupport {

    private static final String SINK = "RAW(kafka:events?brokers=127.0.0.1:9092";

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
