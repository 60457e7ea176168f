package dev.ossa.camel.events.binding;

import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.camel.CamelContext;
import org.apache.camel.support.DefaultMessage;

/**
 * One Kafka record of a sink message. Its headers keep the exact case of their names, as Kafka header names are
 * case-sensitive: Camel's own header map would turn {@code content-type} into {@code Content-Type}, which CloudEvents
 * readers do not find.
 */
final class KafkaRecordMessage extends DefaultMessage {

    KafkaRecordMessage(CamelContext context) {
        super(context);
    }

    @Override
    protected Map<String, Object> createHeaders() {
        return new LinkedHashMap<>();
    }
}
