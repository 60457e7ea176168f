package dev.ossa.camel.events.benchmarks;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.IntFunction;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultMessage;
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
 * {@code kafka-vs-*}: events per second into a real broker, until the broker has acknowledged every one, and the CPU
 * microseconds each side spends per event ({@link CpuMeter}). Ours is a Camel route through {@code ossa-events} in
 * binary mode, batched; the peers are a plain {@code KafkaProducer} with the CloudEvents SDK's
 * {@code CloudEventSerializer} (binary mode too), a plain {@code KafkaProducer} sending bytes encoded beforehand, the
 * Camel floor (a route that batches records encoded beforehand and sends them through camel-kafka) and the
 * hand-written CloudEvents route (a route that builds each event with the CloudEvents Java SDK, batches and sends it
 * through camel-kafka with the SDK's serializer), both {@link CamelKafkaRoute}s. {@code kafka-unbatched-*} compares
 * ours unbatched ({@code batchSize=1}) with the Camel floor unbatched, both fed through {@code seda:} with
 * {@value #UNBATCHED_CONSUMERS} concurrent consumers, as a busy route would. All use the same {@code acks},
 * {@code linger.ms}, {@code batch.size} and no idempotence, each on its own topic of one partition.
 */
final class KafkaComparison {

    static final int EVENTS = 200_000;
    static final int UNBATCHED_EVENTS = 50_000;
    static final int UNBATCHED_CONSUMERS = 4;
    static final int OSSA_BATCH_SIZE = 1000;
    static final String ACKS = "1";
    static final int LINGER_MS = 5;
    static final int KAFKA_BATCH_BYTES = 128 * 1024;
    private static final int ROUNDS = 5;
    private static final int PRE_ENCODED_POOL = 1024;
    private static final List<String> TOPICS = List.of("bench-ours", "bench-sdk", "bench-preencoded",
            "bench-camel-floor", "bench-camel-cloudevents");
    private static final List<String> UNBATCHED_TOPICS = List.of("bench-ours-unbatched",
            "bench-camel-floor-unbatched");

    private final EmbeddedKafka kafka;
    private final CpuMeter cpu;

    KafkaComparison(EmbeddedKafka kafka) {
        this.kafka = kafka;
        this.cpu = CpuMeter.excludingThreadsAliveNow();
    }

    List<Comparison> run() throws Exception {
        List<String> topics = new ArrayList<>(TOPICS);
        topics.addAll(UNBATCHED_TOPICS);
        kafka.createTopics(topics.toArray(String[]::new));
        Map<String, Object> data = SampleEvent.data();
        Map<String, Object> headers = SampleEvent.headers();
        ObjectMapper mapper = JsonEventFormat.defaultMapper();
        CamelContext context = new DefaultCamelContext();
        List<Comparison> results = new ArrayList<>();
        try (KafkaProducer<String, CloudEvent> sdkProducer = new KafkaProducer<>(sdkProperties());
             KafkaProducer<byte[], byte[]> plainProducer = new KafkaProducer<>(plainProperties())) {
            RouteSide ours = RouteSide.start(context, "kafka", oursEndpoint("bench-ours", OSSA_BATCH_SIZE));
            List<PreEncoded> preEncoded = preEncode(mapper, data);
            IntFunction<Object> records = i -> record(context, preEncoded.get(i % preEncoded.size()));
            try (CamelKafkaRoute camelFloor = CamelKafkaRoute.batched(context, "camel-floor", exchange -> { },
                         camelKafkaEndpoint("bench-camel-floor", BYTES_VALUE), OSSA_BATCH_SIZE);
                 CamelKafkaRoute camelCloudEvents = CamelKafkaRoute.batched(context, "camel-cloudevents",
                         new SdkEventBuilder(mapper), camelKafkaEndpoint("bench-camel-cloudevents", SDK_VALUE),
                         OSSA_BATCH_SIZE)) {
                Alternation batched = new Alternation("kafka").cpu(cpu, EVENTS)
                        .side("ours", () -> ours.eventsPerSecond(EVENTS, data))
                        .side("sdk-java", () -> sendSdk(sdkProducer, mapper, data))
                        .side("preencoded", () -> sendPreEncoded(plainProducer, preEncoded))
                        .side("camel-floor", () -> camelFloor.eventsPerSecond(EVENTS, records, Map.of()))
                        .side("camel-cloudevents", () -> camelCloudEvents.eventsPerSecond(EVENTS, i -> data,
                                headers));
                Map<String, Double> rates = batched.run(ROUNDS, "events/s");
                Map<String, Double> cpuPerEvent = batched.cpuMedians();
                for (String peer : List.of("sdk-java", "preencoded", "camel-floor", "camel-cloudevents")) {
                    String name = "kafka-vs-" + peer;
                    results.add(Comparison.rate(name, rates.get("ours"), rates.get(peer), "events/s"));
                    results.add(Comparison.cost(name + "-cpu", cpuPerEvent.get("ours"), cpuPerEvent.get(peer),
                            "CPU us/event"));
                }
            }
            String seda = "seda:%s?concurrentConsumers=" + UNBATCHED_CONSUMERS + "&size=10000&blockWhenFull=true";
            RouteSide oursUnbatched = RouteSide.start(context, "kafka-unbatched", seda.formatted("ours-unbatched"),
                    oursEndpoint("bench-ours-unbatched", 1));
            try (CamelKafkaRoute floorUnbatched = CamelKafkaRoute.unbatched(context, "camel-floor-unbatched",
                    seda.formatted("camel-floor-unbatched"), KafkaComparison::listOfOne,
                    camelKafkaEndpoint("bench-camel-floor-unbatched", BYTES_VALUE))) {
                Alternation unbatched = new Alternation("kafka-unbatched").cpu(cpu, UNBATCHED_EVENTS)
                        .side("ours", () -> oursUnbatched.eventsPerSecond(UNBATCHED_EVENTS, data))
                        .side("camel-floor", () -> floorUnbatched.eventsPerSecond(UNBATCHED_EVENTS, records,
                                Map.of()));
                Map<String, Double> rates = unbatched.run(ROUNDS, "events/s");
                results.add(Comparison.rate("kafka-unbatched-vs-camel-floor", rates.get("ours"),
                        rates.get("camel-floor"), "events/s"));
                results.add(Comparison.cost("kafka-unbatched-vs-camel-floor-cpu", unbatched.cpuMedians().get("ours"),
                        unbatched.cpuMedians().get("camel-floor"), "CPU us/event"));
            }
            check(TOPICS, (long) (ROUNDS + 1) * EVENTS, mapper, data);
            check(UNBATCHED_TOPICS, (long) (ROUNDS + 1) * UNBATCHED_EVENTS, mapper, data);
            return results;
        } finally {
            context.stop();
        }
    }

    private void check(List<String> topics, long expected, ObjectMapper mapper, Map<String, Object> data)
            throws Exception {
        for (String topic : topics) {
            long records = kafka.records(topic);
            if (records != expected) {
                throw new IllegalStateException(topic + " holds " + records + " records, expected " + expected);
            }
            RecordJudge.check(topic, kafka.firstRecords(topic, 1000), mapper.valueToTree(data));
        }
    }

    /** Our side: binary mode, batches of {@code batchSize} (1: unbatched), the producer settings in the sink URI. */
    private String oursEndpoint(String topic, int batchSize) {
        String sink = "kafka:" + topic + "?brokers=" + kafka.bootstrapServers()
                      + "&requestRequiredAcks=" + ACKS + "&lingerMs=" + LINGER_MS + "&producerBatchSize="
                      + KAFKA_BATCH_BYTES + "&enableIdempotence=false";
        return "ossa-events:" + SampleEvent.TYPE + "?" + SampleEvent.endpointOptions() + "&mode=binary&batchSize="
               + batchSize + "&flushInterval=" + SampleEvent.FLUSH_INTERVAL_MS + "&sink=RAW(" + sink + ")";
    }

    private static final String BYTES_VALUE = "&batchWithIndividualHeaders=true"
                                              + "&valueSerializer=org.apache.kafka.common.serialization"
                                              + ".ByteArraySerializer";
    private static final String SDK_VALUE = "&valueSerializer=io.cloudevents.kafka.CloudEventSerializer";

    /** The same producer settings for a Camel route without {@code ossa-events}. */
    private String camelKafkaEndpoint(String topic, String valueOptions) {
        return "kafka:" + topic + "?brokers=" + kafka.bootstrapServers() + "&requestRequiredAcks=" + ACKS
               + "&lingerMs=" + LINGER_MS + "&producerBatchSize=" + KAFKA_BATCH_BYTES + "&enableIdempotence=false"
               + valueOptions;
    }

    /** A record message, as our Kafka binding makes one per event: the value, headers with their exact names. */
    private static Message record(CamelContext context, PreEncoded encoded) {
        Message record = new DefaultMessage(context) {
            @Override
            protected Map<String, Object> createHeaders() {
                return new LinkedHashMap<>();
            }
        };
        record.setBody(encoded.value());
        for (Header header : encoded.headers()) {
            record.setHeader(header.key(), header.value());
        }
        return record;
    }

    /** The unbatched floor sends each record message as a list of one, as our Kafka binding does. */
    private static void listOfOne(Exchange exchange) {
        Message message = exchange.getMessage();
        message.setBody(List.of(message.getBody()));
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
