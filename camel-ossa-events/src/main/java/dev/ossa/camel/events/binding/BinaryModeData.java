package dev.ossa.camel.events.binding;

import java.util.Locale;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.ossa.camel.events.event.BodyToData;
import dev.ossa.camel.events.event.EventData;
import dev.ossa.camel.events.event.MediaTypes;

/**
 * The {@code data} of a binary-mode message (HTTP or Kafka), read back from the body and the content type the way
 * the writers put it there: no body is no data; with a JSON content type, well-formed JSON
 * is a JSON value; {@code text/*} in UTF-8 is text; anything else is the bytes themselves.
 */
final class BinaryModeData {

    private final BodyToData bodyToData;

    BinaryModeData(ObjectMapper mapper) {
        this.bodyToData = new BodyToData(mapper);
    }

    EventData read(byte[] body, String contentType) {
        if (body == null || body.length == 0) {
            return null;
        }
        EventData data = bodyToData.toData(body, contentType);
        if (data instanceof EventData.Binary && isUtf8Text(contentType)) {
            String text = StrictUtf8.decodeOrNull(body);
            if (text != null) {
                return new EventData.Text(text);
            }
        }
        return data;
    }

    /** {@code text/*} without a charset or with UTF-8; JSON is not text here (it is read as JSON). */
    private static boolean isUtf8Text(String contentType) {
        if (contentType == null || MediaTypes.isJson(contentType)) {
            return false;
        }
        String lower = contentType.toLowerCase(Locale.ROOT).replace(" ", "");
        return lower.startsWith("text/") && (!lower.contains("charset=") || lower.contains("charset=utf-8")
                || lower.contains("charset=\"utf-8\""));
    }
}
