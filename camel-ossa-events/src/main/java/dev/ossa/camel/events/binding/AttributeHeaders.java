package dev.ossa.camel.events.binding;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The {@code ce_<name>} headers of Kafka's binary mode, made without repeating work for every record: each header name
 * is made once per attribute name, and the UTF-8 bytes of an attribute's value are reused while the value stays the
 * same from one event to the next (an endpoint's {@code source}, {@code type}, {@code subject}, agent id). {@code id}
 * and {@code time} change with every event and are encoded each time. Kafka copies header values into its own buffer
 * and changes none, so records may share these arrays. Thread-safe; at most {@value #MAX_NAMES} attribute names are
 * remembered.
 */
final class AttributeHeaders {

    static final int MAX_NAMES = 256;

    private final Map<String, String> names = new ConcurrentHashMap<>();
    private final Map<String, Encoded> lastValues = new ConcurrentHashMap<>();

    /** {@code ce_<attribute>}. */
    String name(String attribute) {
        String name = names.get(attribute);
        if (name == null) {
            name = KafkaBinding.ATTRIBUTE_PREFIX + attribute;
            if (names.size() < MAX_NAMES) {
                names.put(attribute, name);
            }
        }
        return name;
    }

    /** The UTF-8 bytes of {@code value}; callers must not change them. */
    byte[] value(String attribute, String value) {
        Encoded last = lastValues.get(attribute);
        if (last != null && last.text().equals(value)) {
            return last.bytes();
        }
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        if (!attribute.equals("id") && !attribute.equals("time")
            && (last != null || lastValues.size() < MAX_NAMES)) {
            lastValues.put(attribute, new Encoded(value, bytes));
        }
        return bytes;
    }

    private record Encoded(String text, byte[] bytes) {
    }
}
