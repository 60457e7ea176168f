package dev.ossa.example;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.format.EventFormat;
import io.cloudevents.core.provider.EventFormatProvider;
import io.cloudevents.http.HttpMessageFactory;
import io.cloudevents.jackson.JsonFormat;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;

/**
 * Reads the CloudEvents of one HTTP request with the CloudEvents Java SDK, whatever the sender's mode: structured
 * ({@code application/cloudevents+json}), batch ({@code application/cloudevents-batch+json}, a JSON array) or binary
 * (the data in the body, the attributes in {@code ce-} headers). The body becomes the list of events, and the
 * {@value #RECEIVED_AS} header names the mode.
 */
public final class CloudEventsRequestReader implements Processor {

    /** Header set by this reader: {@code structured}, {@code binary} or {@code batch}. */
    public static final String RECEIVED_AS = "ReceivedAs";

    private static final String BATCH_CONTENT_TYPE = "application/cloudevents-batch+json";
    private static final String STRUCTURED_CONTENT_TYPE = "application/cloudevents+json";

    private final ObjectMapper mapper = new ObjectMapper();
    private final EventFormat json = EventFormatProvider.getInstance().resolveFormat(JsonFormat.CONTENT_TYPE);

    @Override
    public void process(Exchange exchange) throws Exception {
        Message in = exchange.getIn();
        byte[] body = in.getBody(byte[].class);
        String contentType = in.getHeader(Exchange.CONTENT_TYPE, "", String.class).toLowerCase(Locale.ROOT);
        List<CloudEvent> events = new ArrayList<>();
        if (contentType.startsWith(BATCH_CONTENT_TYPE)) {
            for (JsonNode event : mapper.readTree(body)) {
                events.add(json.deserialize(mapper.writeValueAsBytes(event)));
            }
            in.setHeader(RECEIVED_AS, "batch");
        } else {
            events.add(HttpMessageFactory.createReader(cloudEventHeaders(in), body).toEvent());
            in.setHeader(RECEIVED_AS, contentType.startsWith(STRUCTURED_CONTENT_TYPE) ? "structured" : "binary");
        }
        in.setBody(events);
    }

    /**
     * {@code Content-Type} and the {@code ce-} headers, names in lower case, values percent-decoded as the HTTP
     * binding requires (the SDK leaves that to the caller).
     */
    private static Map<String, String> cloudEventHeaders(Message in) {
        Map<String, String> headers = new HashMap<>();
        in.getHeaders().forEach((name, value) -> {
            String lower = name.toLowerCase(Locale.ROOT);
            if (lower.equals("content-type")) {
                headers.put(lower, value.toString());
            } else if (lower.startsWith("ce-")) {
                headers.put(lower, percentDecode(value.toString()));
            }
        });
        return headers;
    }

    private static String percentDecode(String value) {
        return URLDecoder.decode(value.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    /** One line for the log: mode, type, id, the OSSA extensions and the data. */
    public static String describe(CloudEvent event, String receivedAs) {
        String data = event.getData() == null ? "" : new String(event.getData().toBytes(), StandardCharsets.UTF_8);
        return receivedAs + " " + event.getType() + " id=" + event.getId() + " agent="
               + event.getExtension("ossaagentid") + " interaction=" + event.getExtension("ossainteractionid")
               + " trace=" + event.getExtension("ossatraceid") + " span=" + event.getExtension("ossaspanid")
               + (event.getSubject() == null ? "" : " subject=" + event.getSubject()) + " data=" + data;
    }
}
