package dev.ossa.camel.events.binding;

import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

import org.apache.camel.Exchange;
import org.apache.camel.Message;

import dev.ossa.camel.events.event.InvalidBatchEventException;
import dev.ossa.camel.events.event.MalformedCloudEventException;
import dev.ossa.camel.events.format.JsonEventReader;

/**
 * Reads what {@link HttpBinding} writes, from any Camel HTTP consumer's message: structured
 * ({@code Content-Type: application/cloudevents+json}), batch ({@code application/cloudevents-batch+json}), or
 * binary (every {@code ce-<name>} header an attribute, its value percent-decoded per HTTP binding 3.1.3.2, header
 * names in any case; {@code Content-Type} the {@code datacontenttype}; the body the data).
 */
public final class HttpMessageReader implements MessageReader {

    static final String ATTRIBUTE_PREFIX = "ce-";

    /** {@code ce-} headers, names in any case, values percent-decoded. */
    private static final BinaryModeReader.AttributeHeaders HEADERS = new BinaryModeReader.AttributeHeaders() {
        @Override
        public String attribute(String header) {
            return header.regionMatches(true, 0, ATTRIBUTE_PREFIX, 0, ATTRIBUTE_PREFIX.length())
                    ? header.substring(ATTRIBUTE_PREFIX.length()).toLowerCase(Locale.ROOT) : null;
        }

        @Override
        public String value(String header, Object value) {
            return HttpHeaderValues.decode(header, headerText(header, value));
        }

        @Override
        public String specVersionHeader() {
            return "ce-specversion";
        }

        @Override
        public String contentTypeHeader() {
            return Exchange.CONTENT_TYPE;
        }
    };

    private final JsonEventReader json;
    private final BinaryModeReader binaryMode;

    public HttpMessageReader(JsonEventReader json, com.fasterxml.jackson.databind.ObjectMapper mapper) {
        this.json = json;
        this.binaryMode = new BinaryModeReader(mapper);
    }

    @Override
    public Object read(Message message, byte[] body, Consumer<InvalidBatchEventException> onInvalid) {
        String contentType = headerText(Exchange.CONTENT_TYPE, message.getHeader(Exchange.CONTENT_TYPE));
        return switch (ContentTypes.of(Exchange.CONTENT_TYPE, contentType)) {
            case STRUCTURED -> json.readEvent(body);
            case BATCH -> json.readBatch(body, onInvalid);
            case BINARY -> binaryMode.read(message, body, contentType, HEADERS);
        };
    }

    @Override
    public boolean isAttributeHeader(String name) {
        return HEADERS.attribute(name) != null;
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
