package dev.ossa.camel.events.event;

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
 * UUID {@code id} and the current UTC {@code time}. The body becomes {@code data} through {@link BodyToData}; a body
 * that is an event already is delivered as it is.
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
     * A body that is an {@link OssaCloudEvent} already (a received event, relayed) is that event, unchanged: headers
     * and endpoint options do not overwrite it.
     *
     * @throws InvalidCloudEventException when the result breaks a CloudEvents rule
     */
    public OssaCloudEvent toEvent(Exchange exchange) {
        Message in = exchange.getMessage();
        if (in.getBody() instanceof OssaCloudEvent event) {
            return event;
        }
        String contentType = header(in, OssaEventsConstants.DATA_CONTENT_TYPE, defaults.dataContentType());
        OssaCloudEvent.Builder builder = OssaCloudEvent.builder()
                .id(header(in, OssaEventsConstants.ID, null))
                .source(header(in, OssaEventsConstants.SOURCE, defaults.source()))
                .type(header(in, OssaEventsConstants.TYPE, defaults.type()))
                .subject(header(in, OssaEventsConstants.SUBJECT, defaults.subject()))
                .time(time(in))
                .dataContentType(contentType)
                .dataSchema(header(in, OssaEventsConstants.DATA_SCHEMA, defaults.dataSchema()));
        if (builder.id() == null) {
            builder.id(UUID.randomUUID().toString());
        }
        defaults.extensions().forEach(builder::extension);
        traceContext.addTo(exchange, builder::extension);
        Object extensions = in.getHeader(OssaEventsConstants.EXTENSIONS);
        if (extensions instanceof Map<?, ?> map) {
            map.forEach((name, value) -> builder.extension(String.valueOf(name), value));
        } else if (extensions != null) {
            throw new InvalidCloudEventException("extensions", "header " + OssaEventsConstants.EXTENSIONS
                    + " must be a Map<String, Object>, not a " + extensions.getClass().getName());
        }
        OssaEventsConstants.OSSA_EXTENSION_HEADERS.forEach((attribute, headerName) -> {
            String value = stringHeader(in, headerName);
            if (value != null) {
                builder.extension(attribute, value);
            }
        });
        try {
            builder.data(bodyToData.toData(in.getBody(), contentType));
        } catch (InvalidCloudEventException e) {
            builder.build(); // an invalid attribute, e.g. the datacontenttype, is the cause to report
            throw e;
        }
        return builder.build();
    }

    private static String time(Message in) {
        Object value = in.getHeader(OssaEventsConstants.TIME);
        if (value == null) {
            return Timestamps.now();
        }
        if (value instanceof TemporalAccessor || value instanceof Date) {
            try {
                return Timestamps.format(value);
            } catch (IllegalArgumentException e) {
                throw new InvalidCloudEventException("time", "a " + value.getClass().getName()
                        + " is not a timestamp: use String (RFC 3339), Instant, OffsetDateTime, ZonedDateTime or Date");
            }
        }
        return value.toString();
    }

    private static String header(Message in, String name, String fallback) {
        String value = stringHeader(in, name);
        return value != null ? value : fallback;
    }

    private static String stringHeader(Message in, String name) {
        Object value = in.getHeader(name);
        return value == null ? null : value.toString();
    }
}
