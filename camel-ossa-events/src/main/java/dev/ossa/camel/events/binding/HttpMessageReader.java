package dev.ossa.camel.events.binding;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

import org.apache.camel.Exchange;
import org.apache.camel.Message;

import dev.ossa.camel.events.event.InvalidBatchEventException;
import dev.ossa.camel.events.event.MalformedCloudEventException;
import dev.ossa.camel.events.event.ReceivedEventBuilder;
import dev.ossa.camel.events.format.JsonEventReader;

/**
 * Reads what {@link HttpBinding} writes, from any Camel HTTP consumer's message: structured
 * ({@code Content-Type: application/cloudevents+json}), batch ({@code application/cloudevents-batch+json}), or
 * binary (every {@code ce-<name>} header an attribute, its value percent-decoded per HTTP binding 3.1.3.2, header
 * names in any case; {@code Content-Type} the {@code datacontenttype}; the body the data).
 */
public final class HttpMessageReader implements MessageReader {

    static final String ATTRIBUTE_PREFIX = "ce-";

    private final JsonEventReader json;
    private final BinaryModeData binaryData;

    public HttpMessageReader(JsonEventReader json, com.fasterxml.jackson.databind.ObjectMapper mapper) {
        this.json = json;
        this.binaryData = new BinaryModeData(mapper);
    }

    @Override
    public Object read(Message message, byte[] body, Consumer<InvalidBatchEventException> onInvalid) {
        String contentType = headerText(Exchange.CONTENT_TYPE, message.getHeader(Exchange.CONTENT_TYPE));
        return switch (ContentTypes.of(Exchange.CONTENT_TYPE, contentType)) {
            case STRUCTURED -> json.readEvent(body);
            case BATCH -> json.readBatch(body, onInvalid);
            case BINARY -> readBinary(message, body, contentType);
        };
    }

    @Override
    public boolean isAttributeHeader(String name) {
        return name.regionMatches(true, 0, ATTRIBUTE_PREFIX, 0, ATTRIBUTE_PREFIX.length());
    }

    private Object readBinary(Message message, byte[] body, String contentType) {
        ReceivedEventBuilder event = new ReceivedEventBuilder();
        boolean specVersion = false;
        for (Map.Entry<String, Object> header : message.getHeaders().entrySet()) {
            String name = header.getKey();
            if (isAttributeHeader(name)) {
                String attribute = name.substring(ATTRIBUTE_PREFIX.length()).toLowerCase(Locale.ROOT);
                specVersion |= attribute.equals("specversion");
                event.attribute(attribute, HttpHeaderValues.decode(name, headerText(name, header.getValue())));
            }
        }
        if (!specVersion) {
            throw new MalformedCloudEventException("ce-specversion", "header missing: a binary-mode message has a"
                    + " ce-specversion header, a structured one Content-Type application/cloudevents+json"
                    + (contentType == null ? " (the message has no Content-Type)"
                            : " (Content-Type was '" + contentType + "')"));
        }
        event.attribute("datacontenttype", contentType);
        return event.data(binaryData.read(body, contentType)).build();
    }

    private static String headerText(String name, Object value) {
        if (value instanceof List<?> values) {
            if (values.size() != 1) {
                throw new MalformedCloudEventException(name, "appears " + values.size() + " times: expected once");
            }
            value = values.get(0);
        }
        return value == null ? null : value.toString();
    }
}
