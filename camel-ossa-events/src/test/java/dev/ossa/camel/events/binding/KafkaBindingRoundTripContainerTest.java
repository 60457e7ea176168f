package dev.ossa.camel.events.binding;

import org.apache.kafka.common.utils.AppInfoParser;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.kafka.KafkaContainer;

/**
 * The Kafka round trip ({@link KafkaBindingRoundTrip}) on a broker in a container: the official {@code apache/kafka}
 * image, of the same version as the Kafka client on the class path. Runs where a Docker engine answers; elsewhere
 * JUnit reports it as skipped, and the broker in the test JVM ({@link KafkaBindingRoundTripTest}) is the tested path.
 */
@Testcontainers(disabledWithoutDocker = true)
class KafkaBindingRoundTripContainerTest extends KafkaBindingRoundTrip {

    @Container
    private static final KafkaContainer KAFKA = new KafkaContainer("apache/kafka:" + AppInfoParser.getVersion());

    @Override
    protected String bootstrapServers() {
        return KAFKA.getBootstrapServers();
    }
}
