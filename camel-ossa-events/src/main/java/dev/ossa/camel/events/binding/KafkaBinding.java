package dev.ossa.camel.events.binding;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;

import org.apache.camel.CamelContext;
import org.apache.camel.Message;
import org.apache.camel.support.DefaultMessage;
import org.apache.camel.util.URISupport;

import dev.ossa.camel.events.OssaEventsConstants;
import dev.ossa.camel.events.OssaEventsMode;
import dev.ossa.camel.events.event.OssaCloudEvent;
import dev.ossa.camel.events.format.JsonEventFormat;

/**
 * The CloudEvents Kafka binding for {@code kafka:} sinks, sent by Camel's Kafka producer. Every header value is
 * written as UTF-8 bytes.
 * <ul>
 * <li>binary: the value is the data bytes, {@code content-type} from {@code datacontenttype} (for an event without
 * data, an empty value and no {@code content-type}), every other attribute in a {@code ce_<name>} header;</li>
 * <li>structured: the value is the JSON event, {@code content-type: application/cloudevents+json;
 * charset=utf-8}.</li>
 * </ul>
 * The record key is the value of {@code keyField}; unset, the {@code partitionkey} extension; otherwise none.
 * <p>
 * The sink message's body is always a list of record messages, one per event (a single event is a list of one), that
 * camel-kafka sends as that many records with their own headers ({@code batchWithIndividualHeaders=true}). Each
 * record message keeps its header names exactly as written: Kafka header names are case-sensitive, and Camel's usual
 * header map would turn {@code content-type} into {@code Content-Type}, which CloudEvents readers do not look for.
 * <p>
 * A send that fails (broker down or slow, topic missing) is a {@link SinkDeliveryException} that names the sink and
 * Kafka's reason, raised once camel-kafka's own timeouts ({@code maxBlockMs}, {@code deliveryTimeoutMs}) have passed.
 * Once one record of a message has failed, the rest of the message is not handed to Kafka in that attempt (see
 * {@link RecordsUntilFailure}): an attempt with the broker down costs one {@code maxBlockMs}, not one per record.
 */
public final class KafkaBinding implements SinkBinding {

    /**
     * camel-kafka's header for the record key ({@code KafkaConstants.KEY}), under both of its names: {@code kafka.KEY}
     * up to Camel 4.18.2, {@code CamelKafkaKey} since 4.18.3 and 4.21. camel-kafka reads the one its version knows and
     * forwards neither to the record (its header filter drops both prefixes in every version).
     */
    static final List<String> KAFKA_KEY_HEADERS = List.of("CamelKafkaKey", "kafka.KEY");
    /** The content type header of the CloudEvents Kafka binding, in lower case as the binding spells it. */
    static final String CONTENT_TYPE_HEADER = "content-type";
    /** The prefix of the attribute headers of the binary mode. */
    static final String ATTRIBUTE_PREFIX = "ce_";

    private final CamelContext context;
    private final JsonEventFormat format;
    private final OssaEventsMode mode;
    private final String keyField;
    private final SinkHeaders sinkHeaders;
    private final String sinkForErrors;

    public KafkaBinding(CamelContext context, JsonEventFormat format, OssaEventsMode mode, String keyField,
                        SinkHeaders sinkHeaders, String sinkUri) {
        this.context = context;
        this.format = format;
        this.mode = mode;
        this.keyField = keyField != null ? keyField : OssaEventsConstants.PARTITION_KEY_ATTRIBUTE;
        this.sinkHeaders = sinkHeaders;
        this.sinkForErrors = URISupport.sanitizeUri(sinkUri);
    }

    @Override
    public void writeEvent(OssaCloudEvent event, Message message) {
        writeBatch(List.of(event), message);
    }

    @Override
    public void writeBatch(List<OssaCloudEvent> events, Message message) {
        List<Message> records = new ArrayList<>(events.size());
        for (OssaCloudEvent event : events) {
            records.add(record(event));
        }
        message.setBody(new RecordsUntilFailure(records, message.getExchange()));
    }

    @Override
    public boolean writesBatches() {
        return true;
    }

    @Override
    public Exception describeFailure(Exception failure) {
        if (failure instanceof InterruptedException) {
            return failure;
        }
        Throwable reason = failure instanceof ExecutionException && failure.getCause() != null
                ? failure.getCause() : failure;
        String text = reason.toString();
        if (text.endsWith(".")) {
            text = text.substring(0, text.length() - 1);
        }
        String hint = reason.getClass().getSimpleName().equals("TimeoutException")
                ? ". Check that the brokers are reachable and the topic exists; the sink URI's maxBlockMs,"
                  + " requestTimeoutMs and deliveryTimeoutMs bound how long a send waits"
                : "";
        return new SinkDeliveryException("Kafka sink " + sinkForErrors + " did not take the records: " + text + hint,
                failure);
    }

    private Message record(OssaCloudEvent event) {
        Message record = new RecordMessage(context);
        if (mode == OssaEventsMode.binary) {
            record.setBody(format.dataBytes(event));
            if (event.getData() != null && event.getDataContentType() != null) {
                record.setHeader(CONTENT_TYPE_HEADER, utf8(event.getDataContentType()));
            }
            event.forEachAttribute((name, value) -> {
                if (!name.equals("datacontenttype")) {
                    record.setHeader(ATTRIBUTE_PREFIX + name, utf8(value.toString()));
                }
            });
        } else {
            record.setBody(format.event(event, false));
            record.setHeader(CONTENT_TYPE_HEADER, utf8(JsonEventFormat.EVENT_CONTENT_TYPE));
        }
        Object key = event.getAttribute(keyField);
        if (key != null) {
            KAFKA_KEY_HEADERS.forEach(name -> record.setHeader(name, key.toString()));
        }
        sinkHeaders.applyTo(record, value -> value instanceof byte[] ? value : utf8(value.toString()));
        return record;
    }

    private static byte[] utf8(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }

    /** A message for one Kafka record, whose header names stay exactly as written. */
    private static final class RecordMessage extends DefaultMessage {

        RecordMessage(CamelContext context) {
            super(context);
        }

        @Override
        protected Map<String, Object> createHeaders() {
            return new LinkedHashMap<>();
        }
    }
}
