package dev.ossa.camel.events.dataformat;

import java.util.Map;

import org.apache.camel.Message;

import dev.ossa.camel.events.OssaEventsConstants;
import dev.ossa.camel.events.event.OssaCloudEvent;

/**
 * Puts a received event's attributes in the headers an {@code ossa-events} endpoint reads them from: the
 * {@code CamelCloudEvent*} headers, {@code CamelCloudEventExtensions} (every extension) and the {@code CamelOssa*}
 * headers of OSSA's extensions. An attribute the event lacks leaves no header.
 */
final class EventHeaders {

    private EventHeaders() {
    }

    static void set(OssaCloudEvent event, Message message) {
        set(message, OssaEventsConstants.ID, event.getId());
        set(message, OssaEventsConstants.SOURCE, event.getSource());
        set(message, OssaEventsConstants.TYPE, event.getType());
        set(message, OssaEventsConstants.SUBJECT, event.getSubject());
        set(message, OssaEventsConstants.TIME, event.getTime());
        set(message, OssaEventsConstants.DATA_CONTENT_TYPE, event.getDataContentType());
        set(message, OssaEventsConstants.DATA_SCHEMA, event.getDataSchema());
        set(message, OssaEventsConstants.EXTENSIONS, event.getExtensions().isEmpty() ? null : event.getExtensions());
        for (Map.Entry<String, String> ossa : OssaEventsConstants.OSSA_EXTENSION_HEADERS.entrySet()) {
            set(message, ossa.getValue(), event.getExtension(ossa.getKey()));
        }
    }

    private static void set(Message message, String header, Object value) {
        if (value == null) {
            message.removeHeader(header);
        } else {
            message.setHeader(header, value);
        }
    }
}
