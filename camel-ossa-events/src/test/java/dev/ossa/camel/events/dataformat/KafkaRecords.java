package dev.ossa.camel.events.dataformat;

import java.util.Map;

import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

import dev.ossa.camel.events.binding.EmbeddedKafkaBroker;

/** Writes records to the embedded broker with a plain producer, and reads topics with a camel-kafka route. */
final class KafkaRecords {

    private KafkaRecords() {
    }

    /** Sends one record as given and waits for the broker's acknowledgement. */
    static void send(ProducerRecord<byte[], byte[]> record) throws Exception {
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, EmbeddedKafkaBroker.bootstrapServers()),
                new ByteArraySerializer(), new ByteArraySerializer())) {
            producer.send(record).get();
        }
    }

    /** The camel-kafka consumer URI of a topic, from its beginning, values as bytes (binary data stays intact). */
    static String consumer(String topic) {
        return "kafka:" + topic + "?brokers=" + EmbeddedKafkaBroker.bootstrapServers()
                + "&groupId=" + topic + "-readers&autoOffsetReset=earliest&pollTimeoutMs=200"
                + "&valueDeserializer=org.apache.kafka.common.serialization.ByteArrayDeserializer";
    }

    /** Adds a route that reads {@code topic} with the ossa-events data format into {@code to}. */
    static void readInto(CamelContext context, String topic, String to) throws Exception {
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(consumer(topic)).unmarshal().custom("ossa-events").to(to);
            }
        });
    }
}
