package dev.ossa.camel.events.dataformat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.spi.DataFormat;
import org.apache.camel.spi.Configurer;
import org.apache.camel.spi.DataFormatName;
import org.apache.camel.spi.annotations.Dataformat;
import org.apache.camel.support.service.ServiceSupport;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.ossa.camel.events.binding.HttpMessageReader;
import dev.ossa.camel.events.binding.KafkaRecordReader;
import dev.ossa.camel.events.binding.MessageReader;
import dev.ossa.camel.events.event.InvalidBatchEventException;
import dev.ossa.camel.events.event.OssaCloudEvent;
import dev.ossa.camel.events.format.JsonEventFormat;
import dev.ossa.camel.events.format.JsonEventReader;

/**
 * The {@code ossa-events} data format: a Camel route reads OSSA CloudEvents from any HTTP or Kafka consumer with
 * {@code unmarshal().custom("ossa-events")}, and writes them with {@code marshal().custom("ossa-events")}.
 * <p>
 * Unmarshal reads the message the way its binding describes it (see {@link HttpMessageReader} and
 * {@link KafkaRecordReader}) and validates every event with the rules used on send. The body becomes the
 * {@link OssaCloudEvent}, or for a batch a {@code List<OssaCloudEvent>}; for a single event the
 * {@code CamelCloudEvent*} and {@code CamelOssa*} headers carry its attributes and the {@code ce-}/{@code ce_}
 * headers it was read from are removed. A message that breaks a rule fails the exchange with an
 * {@code InvalidCloudEventException} naming the attribute and the rule.
 * <p>
 * Marshal writes an {@code OssaCloudEvent} as structured JSON ({@code application/cloudevents+json}) and a list of
 * them as a batch ({@code application/cloudevents-batch+json}), and sets {@code Content-Type}.
 */
@Dataformat("ossa-events")
@Configurer
public class OssaEventsDataFormat extends ServiceSupport implements DataFormat, DataFormatName {

    /** The name Camel finds this data format by. */
    public static final String NAME = "ossa-events";
    /**
     * Header set when {@code splitInvalid} is on and a batch had invalid events: a
     * {@code List<InvalidBatchEventException>}, each with the event's index, attribute and rule.
     */
    public static final String INVALID_EVENTS = "CamelOssaInvalidEvents";

    /** camel-kafka's topic header: {@code CamelKafkaTopic} from Camel 4.19, {@code kafka.TOPIC} before. */
    private static final List<String> KAFKA_TOPIC_HEADERS = List.of("CamelKafkaTopic", "kafka.TOPIC");

    private final ObjectMapper mapper = JsonEventFormat.defaultMapper();
    private final JsonEventFormat format = new JsonEventFormat(mapper);
    private final JsonEventReader jsonReader = new JsonEventReader(mapper);
    private final MessageReader httpReader = new HttpMessageReader(jsonReader, mapper);
    private final MessageReader kafkaReader = new KafkaRecordReader(jsonReader, mapper);

    private String binding = "auto";
    private boolean splitInvalid;
    private boolean pretty;

    @Override
    public String getDataFormatName() {
        return NAME;
    }

    public String getBinding() {
        return binding;
    }

    /**
     * The binding to read: {@code http} ({@code ce-} headers, percent-decoded), {@code kafka} ({@code ce_} headers
     * as UTF-8 bytes), or {@code auto} (the default): Kafka when the message came from camel-kafka or has
     * {@code ce_} headers, HTTP otherwise. Structured and batch messages read the same in both.
     */
    public void setBinding(String binding) {
        String lower = binding == null ? "" : binding.trim().toLowerCase(Locale.ROOT);
        if (!List.of("auto", "http", "kafka").contains(lower)) {
            throw new IllegalArgumentException("Option binding of the ossa-events data format must be auto, http or"
                    + " kafka; was '" + binding + "'");
        }
        this.binding = lower;
    }

    public boolean isSplitInvalid() {
        return splitInvalid;
    }

    /**
     * For batches: false (the default) fails the whole batch on its first invalid event, naming its index; true keeps
     * the valid events in the body and puts the invalid ones, each with its index and rule, in the
     * {@value #INVALID_EVENTS} header.
     */
    public void setSplitInvalid(boolean splitInvalid) {
        this.splitInvalid = splitInvalid;
    }

    public boolean isPretty() {
        return pretty;
    }

    /** Marshal writes pretty-printed JSON instead of compact JSON. */
    public void setPretty(boolean pretty) {
        this.pretty = pretty;
    }

    @Override
    public Object unmarshal(Exchange exchange, InputStream stream) throws Exception {
        return unmarshal(exchange, (Object) stream);
    }

    @Override
    public Object unmarshal(Exchange exchange, Object body) throws Exception {
        Message message = exchange.getMessage();
        MessageReader reader = readerFor(message);
        List<InvalidBatchEventException> invalid = splitInvalid ? new ArrayList<>() : null;
        Object result = reader.read(message, bytes(exchange, body), invalid == null ? null : invalid::add);
        message.getHeaders().keySet().removeIf(reader::isAttributeHeader);
        if (result instanceof OssaCloudEvent event) {
            EventHeaders.set(event, message);
        } else if (invalid != null && !invalid.isEmpty()) {
            message.setHeader(INVALID_EVENTS, invalid);
        }
        return result;
    }

    @Override
    public void marshal(Exchange exchange, Object graph, OutputStream stream) throws Exception {
        if (graph instanceof OssaCloudEvent event) {
            stream.write(format.event(event, pretty));
            exchange.getMessage().setHeader(Exchange.CONTENT_TYPE, JsonEventFormat.EVENT_CONTENT_TYPE);
        } else if (graph instanceof List<?> list && list.stream().allMatch(OssaCloudEvent.class::isInstance)) {
            @SuppressWarnings("unchecked")
            List<OssaCloudEvent> events = (List<OssaCloudEvent>) list;
            stream.write(format.batch(events, pretty));
            exchange.getMessage().setHeader(Exchange.CONTENT_TYPE, JsonEventFormat.BATCH_CONTENT_TYPE);
        } else {
            throw new IllegalArgumentException("The ossa-events data format marshals an OssaCloudEvent or a"
                    + " List<OssaCloudEvent>, not " + (graph == null ? "null" : "a " + graph.getClass().getName())
                    + ": to make an event from any body, send it to an ossa-events endpoint");
        }
    }

    private MessageReader readerFor(Message message) {
        return switch (binding) {
            case "http" -> httpReader;
            case "kafka" -> kafkaReader;
            default -> cameFromKafka(message) ? kafkaReader : httpReader;
        };
    }

    private boolean cameFromKafka(Message message) {
        for (String topic : KAFKA_TOPIC_HEADERS) {
            if (message.getHeader(topic) != null) {
                return true;
            }
        }
        return message.getHeaders().keySet().stream().anyMatch(kafkaReader::isAttributeHeader);
    }

    private static byte[] bytes(Exchange exchange, Object body) throws Exception {
        if (body == null || body instanceof byte[]) {
            return (byte[]) body;
        }
        if (body instanceof String text) {
            return text.getBytes(StandardCharsets.UTF_8);
        }
        if (body instanceof InputStream in) {
            return in.readAllBytes();
        }
        return exchange.getContext().getTypeConverter().mandatoryConvertTo(byte[].class, exchange, body);
    }

    @Override
    protected void doStart() throws Exception {
        // nothing to open: the readers and the format hold no resources
    }

    @Override
    protected void doStop() throws Exception {
        // nothing to close
    }
}
