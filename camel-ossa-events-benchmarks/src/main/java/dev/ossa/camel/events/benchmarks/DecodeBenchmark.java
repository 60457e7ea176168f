package dev.ossa.camel.events.benchmarks;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultMessage;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import io.cloudevents.CloudEvent;
import io.cloudevents.http.HttpMessageFactory;
import io.cloudevents.kafka.KafkaMessageFactory;

import dev.ossa.camel.events.OssaEventsMode;
import dev.ossa.camel.events.binding.HttpBinding;
import dev.ossa.camel.events.binding.HttpMessageReader;
import dev.ossa.camel.events.binding.KafkaBinding;
import dev.ossa.camel.events.binding.KafkaRecordReader;
import dev.ossa.camel.events.binding.SinkHeaders;
import dev.ossa.camel.events.event.EventData;
import dev.ossa.camel.events.event.OssaCloudEvent;
import dev.ossa.camel.events.format.JsonEventFormat;
import dev.ossa.camel.events.format.JsonEventReader;

/**
 * One received event read and validated, per binding: HTTP binary and structured, Kafka binary and structured. The
 * messages are the sample event as our writers put it on the wire, made once. Ours reads the Camel message a consumer
 * gives (headers and body bytes) with the binding's reader; the peer reads the same headers and bytes with the
 * CloudEvents Java SDK's {@code HttpMessageFactory} and {@code KafkaMessageFactory} readers (structured through its
 * {@code JsonFormat}). Both end with an event whose data is ready to use.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class DecodeBenchmark {

    private CamelContext context;
    private HttpMessageReader httpReader;
    private KafkaRecordReader kafkaReader;
    private Wire httpBinary;
    private Wire httpStructured;
    private Wire kafkaBinary;
    private Wire kafkaStructured;

    /** One message as it arrives: for our reader, for the SDK's HTTP reader, for the SDK's Kafka reader. */
    private record Wire(Message message, byte[] body, Map<String, String> headers, ConsumerRecord<String, byte[]> record) {
    }

    @Setup
    public void setUp() throws IOException {
        context = new DefaultCamelContext();
        context.start();
        JsonEventFormat format = new JsonEventFormat(JsonEventFormat.defaultMapper());
        JsonEventReader json = new JsonEventReader(format.mapper());
        httpReader = new HttpMessageReader(json, format.mapper());
        kafkaReader = new KafkaRecordReader(json, format.mapper());
        OssaCloudEvent event = OssaCloudEvent.builder().id("5f0c6f1e-8a5b-4c3e-9d2a-1b7e4f6a9c10")
                .source(SampleEvent.SOURCE).type(SampleEvent.TYPE).subject(SampleEvent.SUBJECT)
                .time("2026-12-01T10:15:30.123456Z").dataContentType(SampleEvent.CONTENT_TYPE)
                .extension("ossaagentid", SampleEvent.AGENT_ID).extension("ossainteractionid", SampleEvent.INTERACTION_ID)
                .extension("ossatraceid", SampleEvent.TRACE_ID).extension("ossaspanid", SampleEvent.SPAN_ID)
                .data(new EventData.Json(format.mapper().valueToTree(SampleEvent.data()))).build();
        SinkHeaders none = new SinkHeaders(Map.of());
        httpBinary = http(new HttpBinding(format, OssaEventsMode.binary, none, "http://x"), event);
        httpStructured = http(new HttpBinding(format, OssaEventsMode.structured, none, "http://x"), event);
        kafkaBinary = kafka(new KafkaBinding(context, format, OssaEventsMode.binary, null, none, "kafka:x"), event);
        kafkaStructured = kafka(new KafkaBinding(context, format, OssaEventsMode.structured, null, none, "kafka:x"),
                event);
        check(oursHttpBinary(), sdkJavaHttpBinary());
        check(oursHttpStructured(), sdkJavaHttpStructured());
        check(oursKafkaBinary(), sdkJavaKafkaBinary());
        check(oursKafkaStructured(), sdkJavaKafkaStructured());
    }

    /** Both sides must read the whole sample event, data included, or the comparison measures nothing. */
    private static void check(Object ours, CloudEvent sdk) {
        OssaCloudEvent event = (OssaCloudEvent) ours;
        if (!event.getId().equals(sdk.getId()) || event.getDataJson() == null || sdk.getData() == null
            || !event.getDataJson().equals(JsonEventFormat.defaultMapper().valueToTree(SampleEvent.data()))) {
            throw new IllegalStateException("The two sides did not read the same event: " + event + " / " + sdk);
        }
    }

    /** The request as a server receives it: the binding's headers, and the body and content type of its entity. */
    private Wire http(HttpBinding binding, OssaCloudEvent event) throws IOException {
        Message written = new DefaultMessage(context);
        binding.writeEvent(event, written);
        Map<String, String> headers = new LinkedHashMap<>();
        Message message = new DefaultMessage(context);
        written.getHeaders().forEach((name, value) -> {
            if (!name.startsWith("Camel")) {
                headers.put(name, value.toString());
                message.setHeader(name, value.toString());
            }
        });
        HttpEntity entity = (HttpEntity) written.getBody();
        headers.put("content-type", entity.getContentType());
        message.setHeader(Exchange.CONTENT_TYPE, entity.getContentType());
        return new Wire(message, entity.getContent().readAllBytes(), headers, null);
    }

    private Wire kafka(KafkaBinding binding, OssaCloudEvent event) {
        Message written = new DefaultMessage(context);
        binding.writeEvent(event, written);
        Message record = (Message) ((Iterable<?>) written.getBody()).iterator().next(); // the records of one send
        RecordHeaders headers = new RecordHeaders();
        Message message = new DefaultMessage(context);
        record.getHeaders().forEach((name, value) -> {
            if (value instanceof byte[] bytes) {
                headers.add(name, bytes);
                message.setHeader(name, bytes);
            }
        });
        byte[] body = record.getBody(byte[].class);
        message.setHeader("CamelKafkaTopic", "events");
        return new Wire(message, body, null, new ConsumerRecord<>("events", 0, 0L, 0L, TimestampType.CREATE_TIME, 0,
                body.length, null, body, headers, java.util.Optional.empty()));
    }

    @TearDown
    public void tearDown() {
        context.stop();
    }

    @Benchmark
    public Object oursHttpBinary() {
        return httpReader.read(httpBinary.message(), httpBinary.body(), null);
    }

    @Benchmark
    public CloudEvent sdkJavaHttpBinary() {
        return HttpMessageFactory.createReader(httpBinary.headers(), httpBinary.body()).toEvent();
    }

    @Benchmark
    public Object oursHttpStructured() {
        return httpReader.read(httpStructured.message(), httpStructured.body(), null);
    }

    @Benchmark
    public CloudEvent sdkJavaHttpStructured() {
        return HttpMessageFactory.createReader(httpStructured.headers(), httpStructured.body()).toEvent();
    }

    @Benchmark
    public Object oursKafkaBinary() {
        return kafkaReader.read(kafkaBinary.message(), kafkaBinary.body(), null);
    }

    @Benchmark
    public CloudEvent sdkJavaKafkaBinary() {
        return KafkaMessageFactory.createReader(kafkaBinary.record()).toEvent();
    }

    @Benchmark
    public Object oursKafkaStructured() {
        return kafkaReader.read(kafkaStructured.message(), kafkaStructured.body(), null);
    }

    @Benchmark
    public CloudEvent sdkJavaKafkaStructured() {
        return KafkaMessageFactory.createReader(kafkaStructured.record()).toEvent();
    }

}
