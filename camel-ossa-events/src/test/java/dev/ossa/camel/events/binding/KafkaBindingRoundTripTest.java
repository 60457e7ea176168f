package dev.ossa.camel.events.binding;

import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The Kafka round trip ({@link KafkaBindingRoundTrip}) on the broker in the test JVM: the tested path, on every
 * machine.
 */
@ExtendWith(EmbeddedKafkaBroker.class)
class KafkaBindingRoundTripTest extends KafkaBindingRoundTrip {

    @Override
    protected String bootstrapServers() {
        return EmbeddedKafkaBroker.bootstrapServers();
    }
}
