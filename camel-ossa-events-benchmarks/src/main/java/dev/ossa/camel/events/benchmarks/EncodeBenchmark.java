package dev.ossa.camel.events.benchmarks;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import io.cloudevents.core.format.EventFormat;
import io.cloudevents.jackson.JsonFormat;

import dev.ossa.camel.events.OssaEventsConstants;
import dev.ossa.camel.events.event.BodyToData;
import dev.ossa.camel.events.event.EventDefaults;
import dev.ossa.camel.events.event.ExchangeToEvent;
import dev.ossa.camel.events.format.JsonEventFormat;

/**
 * One structured JSON event: built, validated and written. {@link #ours()} is the component's path from an exchange
 * (what {@code ossa-events:} does for each message); {@link #sdkJava()} is the CloudEvents Java SDK's builder plus
 * {@code JsonFormat.serialize}. Both make a fresh id and time per event.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class EncodeBenchmark {

    private CamelContext context;
    private Exchange exchange;
    private ExchangeToEvent exchangeToEvent;
    private JsonEventFormat format;
    private Map<String, Object> data;
    private ObjectMapper sdkDataMapper;
    private EventFormat sdkFormat;

    @Setup
    public void setUp() {
        context = new DefaultCamelContext();
        context.start();
        format = new JsonEventFormat(JsonEventFormat.defaultMapper());
        EventDefaults defaults = new EventDefaults(SampleEvent.TYPE, SampleEvent.SOURCE, SampleEvent.SUBJECT, null,
                SampleEvent.CONTENT_TYPE, Map.of(OssaEventsConstants.AGENT_ID_ATTRIBUTE, SampleEvent.AGENT_ID));
        exchangeToEvent = new ExchangeToEvent(defaults, new BodyToData(format.mapper()));
        data = SampleEvent.data();
        exchange = new DefaultExchange(context);
        exchange.getIn().setHeaders(new HashMap<>(SampleEvent.headers()));
        exchange.getIn().setBody(data);
        sdkDataMapper = JsonEventFormat.defaultMapper();
        sdkFormat = new JsonFormat();
    }

    @TearDown
    public void tearDown() {
        context.stop();
    }

    @Benchmark
    public byte[] ours() {
        return format.event(exchangeToEvent.toEvent(exchange), false);
    }

    @Benchmark
    public byte[] sdkJava() {
        return sdkFormat.serialize(SampleEvent.sdkEvent(sdkDataMapper, data));
    }
}
