package dev.ossa.camel.events.event;

import java.net.URI;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.Base64;
import java.util.Date;

/**
 * Maps extension values to the CloudEvents type system: String, Integer (32 bits) and Boolean stay as they are;
 * URI, URI-reference and Timestamp become their text; Binary becomes base64 text.
 */
final class ExtensionValues {

    private ExtensionValues() {
    }

    static Object normalise(String name, Object value) {
        if (value instanceof String || value instanceof Boolean || value instanceof Integer) {
            return value;
        }
        if (value instanceof Long || value instanceof Short || value instanceof Byte) {
            long number = ((Number) value).longValue();
            if (number < Integer.MIN_VALUE || number > Integer.MAX_VALUE) {
                throw new InvalidCloudEventException(name,
                        "integer value " + number + " is outside the 32-bit range of the CloudEvents Integer type");
            }
            return (int) number;
        }
        if (value instanceof URI || value instanceof CharSequence) {
            return value.toString();
        }
        if (value instanceof Instant || value instanceof OffsetDateTime || value instanceof ZonedDateTime
                || value instanceof Date) {
            return Timestamps.format(value);
        }
        if (value instanceof byte[] bytes) {
            return Base64.getEncoder().encodeToString(bytes);
        }
        throw new InvalidCloudEventException(name, "value of type " + value.getClass().getTypeName()
                + " has no CloudEvents type: use String, Integer, Boolean, URI, a timestamp or byte[]");
    }
}
