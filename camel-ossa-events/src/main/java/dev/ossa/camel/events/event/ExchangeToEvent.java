package dev.ossa.camel.events.event;

import java.net.URI;
import java.time.temporal.TemporalAccessor;
import java.util.Date;
import java.util.Map;
import java.util.UUID;

import org.apache.camel.Exchange;
import org.apache.camel.Message;

import dev.ossa.camel.events.OssaEventsConstants;

/**
 * Builds an event from an exchange. Each attribute comes from the exchange's headers first, then from its trace
 * context ({@link TraceContextSource}), then from the
 * endpoint's {@link EventDefaults} (endpoint options over component options), then from generated defaults: a random
 * UUID {@code id} and the current UTC {@code time}. A header of a type its attribute cannot take (a {@code byte[]}
 * subject, a Map type) is an error, never turned into text. The body becomes {@code data} through
 * {@link BodyToData}; the default {@code datacontenttype} applies only to an event with data, the header always.
 */
public final class ExchangeToEvent {

    private final EventDefaults defaults;
    private final BodyToData bodyToData;
    private final TraceContextSource traceContext;

    public ExchangeToEvent(EventDefaults defaults, BodyToData bodyToData) {
        this(defaults, bodyToData, TraceContextSource.NONE);
    }

    public ExchangeToEvent(EventDefaults defaults, BodyToData bodyToData, TraceContextSource traceContext) {
        this.defaults = defaults;
        this.bodyToData = bodyToData;
        this.traceContext = traceContext;
    }

    /**
     * @throws InvalidCloudEventException when the result breaks a CloudEvents rule, or a header has a type its
     *                                    attribute cannot take
     */
    public OssaCloudEvent toEvent(Exchange exchange) {
        Message in = exchange.getMessage();
        Object body = in.getBody();
        String contentType = text(in, OssaEventsConstants.DATA_CONTENT_TYPE, "datacontenttype");
        if (contentType == null && body != null) {
            contentType = defaults.dataContentType();
        }
        OssaCloudEvent.Builder builder = OssaCloudEvent.builder()
                .id(text(in, OssaEventsConstants.ID, "id"))
                .source(orDefault(uri(in, OssaEventsConstants.SOURCE, "source"), defaults.source()))
                .type(orDefault(text(in, OssaEventsConstants.TYPE, "type"), defaults.type()))
                .subject(orDefault(text(in, OssaEventsConstants.SUBJECT, "subject"), defaults.subject()))
                .time(time(in))
                .dataContentType(contentType)
                .dataSchema(orDefault(uri(in, OssaEventsConstants.DATA_SCHEMA, "dataschema"), defaults.dataSchema()));
        if (builder.id() == null) {
            builder.id(UUID.randomUUID().toString());
        }
        defaults.extensions().forEach(builder::extension);
        traceContext.addTo(exchange, builder::extension);
        Object extensions = in.getHeader(OssaEventsConstants.EXTENSIONS);
        if (extensions instanceof Map<?, ?> map) {
            map.forEach((name, value) -> builder.extension(extensionName(name), value));
        } else if (extensions != null) {
            throw new InvalidCloudEventException("extensions", "header " + OssaEventsConstants.EXTENSIONS
                    + " must be a Map<String, Object>, not a " + typeOf(extensions));
        }
        OssaEventsConstants.OSSA_EXTENSION_HEADERS.forEach((attribute, headerName) -> {
            String value = text(in, headerName, attribute);
            if (value != null) {
                builder.extension(attribute, value);
            }
        });
        try {
            builder.data(bodyToData.toData(body, contentType));
        } catch (InvalidCloudEventException e) {
            builder.build(); // an invalid attribute, e.g. the datacontenttype, is the cause to report
            throw e;
        }
        return builder.build();
    }

    private static String extensionName(Object name) {
        if (name instanceof String text) {
            return text;
        }
        throw new InvalidCloudEventException("extensions", "header " + OssaEventsConstants.EXTENSIONS + " has "
                + (name == null ? "a null key" : "a key of type " + typeOf(name) + ", " + QuotedInput.quote(name.toString()))
                + ": extension names are Strings of lower-case a-z and digits 0-9");
    }

    private static String time(Message in) {
        Object value = in.getHeader(OssaEventsConstants.TIME);
        if (value == null) {
            return Timestamps.now();
        }
        if (value instanceof CharSequence text) {
            return text.toString();
        }
        if (value instanceof TemporalAccessor || value instanceof Date) {
            try {
                return Timestamps.format(value);
            } catch (IllegalArgumentException e) {
                // named below
            }
        }
        throw new InvalidCloudEventException("time", "header " + OssaEventsConstants.TIME + " is a " + typeOf(value)
                + ", which is not a timestamp: use String (RFC 3339), Instant, OffsetDateTime, ZonedDateTime or Date");
    }

    private static String orDefault(String value, String fallback) {
        return value != null ? value : fallback;
    }

    /** A header that holds text: a String (any CharSequence), or a UUID for the id. */
    private static String text(Message in, String header, String attribute) {
        Object value = in.getHeader(header);
        if (value == null || value instanceof String) {
            return (String) value;
        }
        if (value instanceof CharSequence || value instanceof UUID && attribute.equals("id")) {
            return value.toString();
        }
        throw wrongType(header, attribute, value, attribute.equals("id") ? "String or UUID" : "String");
    }

    /** A header that holds a URI-reference: a String (any CharSequence) or a java.net.URI. */
    private static String uri(Message in, String header, String attribute) {
        Object value = in.getHeader(header);
        if (value == null || value instanceof String) {
            return (String) value;
        }
        if (value instanceof CharSequence || value instanceof URI) {
            return value.toString();
        }
        throw wrongType(header, attribute, value, "String or java.net.URI");
    }

    private static InvalidCloudEventException wrongType(String header, String attribute, Object value, String expected) {
        return new InvalidCloudEventException(attribute, "header " + header + " is a " + typeOf(value)
                + ", which is not turned into text: set it as a " + expected);
    }

    /** The Java type of a value as source code writes it, e.g. {@code byte[]} or {@code java.util.HashMap}. */
    private static String typeOf(Object value) {
        return value.getClass().getTypeName();
    }
}
