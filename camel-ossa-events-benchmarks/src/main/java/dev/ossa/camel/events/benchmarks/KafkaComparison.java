package dev.ossa.camel.events.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.CloudEventSerializer;

import dev.ossa.camel.events.format.JsonEventFormat;

/**
 * {@code kafka-vs-sdk-java} and {@code kafka-vs-preencoded}: events per second into a real broker, until the broker
 * has acknowledged every one. Ours is a Camel route through {@code ossa-events} in binary mode, batched; the peers are
 * a plain {@code KafkaProducer} with the CloudEvents SDK's {@code CloudEventSerializer} (binary mode too), and a plain
 * {@code KafkaProducer} sending bytes encoded beforehand. {@code kafka-vs-camel-floor} adds, for explanation, a Camel
 * route that batches records encoded beforehand and sends them through camel-kafka ({@link CamelFloorSide}). All use
 * the same {@code acks}, {@code linger.ms}, {@code batch.size} and no idempotence, each on its own topic of one
 * partition.
 */
final class KafkaComparison {

    static final int EVENTS = 200_000;
    static final int OSSA_BATCH_SIZE = 1000;
    static final String ACKS = "1";
    static final int LINGER_MS = 5;
    static final int KAFKA_BATCH_BYTES = 128 * 1024;
    private static final int ROUNDS = 5;
    private static final int PRE_ENCODED_POOL = 1024;

    private final EmbeddedKafka kafka;

    KafkaComparison(EmbeddedKafka kafka) {
        this.kafka = kafka;
    }

    List<Comparison> run() throws Exception {
        kafka.createTopics("bench-ours", "bench-sdk", "bench-preencoded", "bench-camel-floor");
        Map<String, Object> data = SampleEvent.data();
        ObjectMapper mapper = JsonEventFormat.defaultMapper();
        CamelContext context = new DefaultCamelContext();
        try (KafkaProducer<String, CloudEvent> sdkProducer = new KafkaProducer<>(sdkProperties());
             KafkaProducer<byte[], byte[]> plainProducer = new KafkaProducer<>(plainProperties())) {
            RouteSide ours = RouteSide.start(context, "kafka", oursEndpoint());
            List<PreEncoded> preEncoded = preEncode(mapper, data);
            CamelFloorSide camelFloor = new CamelFloorSide(context, camelFloorEndpoint(), OSSA_BATCH_SIZE, preEncoded);
            Map<String, Double> rates = new Alternation("kafka")
                    .side("ours", () -> ours.eventsPerSecond(EVENTS, data))
                    .side("sdk-java", () -> sendSdk(sdkProducer, mapper, data))
                    .side("preencoded", () -> sendPreEncoded(plainProducer, preEncoded))
                    .side("camel-floor", () -> camelFloor.eventsPerSecond(EVENTS))
                    .run(ROUNDS, "events/s");
            camelFloor.close();
            long expected = (long) (ROUNDS + 1) * EVENTS;
            for (String topic : List.of("bench-ours", "bench-sdk", "bench-preencoded", "bench-camel-floor")) {
                long records = kafka.records(topic);
                if (records != expected) {
                    throw new IllegalStateException(topic + " holds " + records + " records, expected " + expected);
                }
                RecordJudge.check(topic, kafka.firstRecords(topic, 1000), mapper.valueToTree(data));
            }
            return List.of(
                    Comparison.rate("kafka-vs-sdk-java", rates.get("ours"), rates.get("sdk-java"), "events/s"),
                    Comparison.rate("kafka-vs-preencoded", rates.get("ours"), rates.get("preencoded"),
                            "events/s"),
                    Comparison.rate("kafka-vs-camel-floor", rates.get("ours"), rates.get("camel-floor"),
                            "events/s"));
        } finally {
            context.stop();
        }
    }

    /** Our side: binary mode, batches of {@value #OSSA_BATCH_SIZE}, the producer settings in the sink URI. */
    private String oursEndpoint() {
        String sink = "kafka:bench-ours?brokers=" + kafka.bootstrapServers()
                      + "&requestRequiredAcks=" + ACKS + "&lingerMs=" + LINGER_MS + "&producerBatchSize="
                      + KAFKA_BATCH_BYTES + "&enableIdempotence=false";
        return "ossa-events:" + SampleEvent.TYPE + "?" + SampleEvent.endpointOptions() + "&mode=binary&batchSize="
               + OSSA_BATCH_SIZE + "&flushInterval=1000&sink=RAW(" + sink + ")";
    }

    /** The same producer settings for the Camel floor, which sends records encoded beforehand. */
    private String camelFloorEndpoint() {
        return "kafka:bench-camel-floor?brokers=" + kafka.bootstrapServers() + "&requestRequiredAcks=" + ACKS
               + "&lingerMs=" + LINGER_MS + "&producerBatchSize=" + KAFKA_BATCH_BYTES + "&enableIdempotence=false"
               + "&batchWithIndividualHeaders=true"
               + "&valueSerializer=org.apache.kafka.common.serialization.ByteArraySerializer";
    }

    private Properties commonProperties() {
        Properties properties = new Properties();
        properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        properties.put(ProducerConfig.ACKS_CONFIG, ACKS);
        properties.put(ProducerConfig.LINGER_MS_CONFIG, LINGER_MS);
        properties.put(ProducerConfig.BATCH_SIZE_CONFIG, KAFKA_BATCH_BYTES);
        properties.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, false);
        return properties;
    }

    private Properties sdkProperties() {
        Properties properties = commonProperties();
        properties.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        properties.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, CloudEventSerializer.class);
        return properties;
    }

    private Properties plainProperties() {
        Properties properties = commonProperties();
        properties.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        properties.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        return properties;
    }

    /** The SDK's way: build each event, let {@code CloudEventSerializer} write it, flush to wait for every ack. */
    private static double sendSdk(KafkaProducer<String, CloudEvent> producer, ObjectMapper mapper,
                                  Map<String, Object> data) {
        Acks acks = new Acks();
        long start = System.nanoTime();
        for (int i = 0; i < EVENTS; i++) {
            producer.send(new ProducerRecord<>("bench-sdk", SampleEvent.sdkEvent(mapper, data)), acks::done);
        }
        producer.flush();
        double rate = EVENTS / ((System.nanoTime() - start) / 1e9);
        acks.check(EVENTS);
        return rate;
    }

    /** The limit of the broker path: bytes and headers encoded beforehand, only sent here. */
    private static double sendPreEncoded(KafkaProducer<byte[], byte[]> producer, List<PreEncoded> pool) {
        Acks acks = new Acks();
        long start = System.nanoTime();
        for (int i = 0; i < EVENTS; i++) {
            PreEncoded event = pool.get(i % pool.size());
            producer.send(new ProducerRecord<>("bench-preencoded", null, null, null, event.value(),
                    new RecordHeaders(event.headers())), acks::done);
        }
        producer.flush();
        double rate = EVENTS / ((System.nanoTime() - start) / 1e9);
        acks.check(EVENTS);
        return rate;
    }

    /** Distinct events encoded in binary mode by the SDK's serializer, before any clock starts. */
    private static List<PreEncoded> preEncode(ObjectMapper mapper, Map<String, Object> data) {
        List<PreEncoded> pool = new ArrayList<>(PRE_ENCODED_POOL);
        try (CloudEventSerializer serializer = new CloudEventSerializer()) {
            serializer.configure(Map.of(), false);
            for (int i = 0; i < PRE_ENCODED_POOL; i++) {
                RecordHeaders headers = new RecordHeaders();
                byte[] value = serializer.serialize("bench-preencoded", headers,
                        SampleEvent.sdkEvent(mapper, data));
                pool.add(new PreEncoded(value, headers.toArray()));
            }
        }
        return pool;
    }

    record PreEncoded(byte[] value, Header[] headers) {
    }

    /** Counts the broker's answers to one run's sends and keeps the first failure. */
    private static final class Acks {
        private final AtomicLong acknowledged = new AtomicLong();
        private final AtomicReference<Exception> failure = new AtomicReference<>();

        void done(Object metadata, Exception exception) {
            if (exception != null) {
                failure.compareAndSet(null, exception);
            } else {
                acknowledged.incrementAndGet();
            }
        }

        void check(long expected) {
            if (failure.get() != null) {
                throw new IllegalStateException("The broker refused a record", failure.get());
            }
            if (acknowledged.get() != expected) {
                throw new IllegalStateException(acknowledged.get() + " records acknowledged, expected " + expected);
            }
        }
    }
}
