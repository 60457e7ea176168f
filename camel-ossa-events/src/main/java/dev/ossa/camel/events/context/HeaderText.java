package dev.ossa.camel.events.context;

import java.nio.charset.StandardCharsets;

/** A trace header's value as text: a String as it is, {@code byte[]} (Kafka record headers) as UTF-8, else null. */
final class HeaderText {

    private HeaderText() {
    }

    static String of(Object header) {
        if (header instanceof String text) {
            return text;
        }
        return header instanceof byte[] bytes ? new String(bytes, StandardCharsets.UTF_8) : null;
    }
}
