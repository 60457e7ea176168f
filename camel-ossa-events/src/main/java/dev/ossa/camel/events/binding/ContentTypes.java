package dev.ossa.camel.events.binding;

import java.util.Locale;

/**
 * Which CloudEvents mode a message's content type declares: a structured event, a batch, or (any other type, or
 * none) binary mode, where the content type is the data's.
 */
enum ContentTypes {
    STRUCTURED, BATCH, BINARY;

    private static final String EVENT_FORMAT_PREFIX = "application/cloudevents+";
    private static final String BATCH_FORMAT_PREFIX = "application/cloudevents-batch+";

    /**
     * @param header the header's name, for the message
     * @throws dev.ossa.camel.events.event.MalformedCloudEventException for an event format other than JSON
     */
    static ContentTypes of(String header, String contentType) {
        if (contentType == null) {
            return BINARY;
        }
        int semicolon = contentType.indexOf(';');
        String essence = (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).trim()
                .toLowerCase(Locale.ROOT);
        if (essence.startsWith(EVENT_FORMAT_PREFIX)) {
            requireJson(header, essence, EVENT_FORMAT_PREFIX);
            return STRUCTURED;
        }
        if (essence.startsWith(BATCH_FORMAT_PREFIX)) {
            requireJson(header, essence, BATCH_FORMAT_PREFIX);
            return BATCH;
        }
        return BINARY;
    }

    private static void requireJson(String header, String essence, String prefix) {
        if (!essence.substring(prefix.length()).equals("json")) {
            throw new dev.ossa.camel.events.event.MalformedCloudEventException(header, "event format '" + essence
                    + "' is not supported: only " + prefix + "json is read");
        }
    }
}
