package dev.ossa.camel.events.springboot;

import java.util.ArrayList;
import java.util.List;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.format.EventFormat;
import io.cloudevents.core.provider.EventFormatProvider;
import io.cloudevents.jackson.JsonFormat;

/** The events the collector took, read by the CloudEvents Java SDK: an independent reader of what was sent. */
final class CollectedEvents {

    private static final EventFormat JSON = EventFormatProvider.getInstance().resolveFormat(JsonFormat.CONTENT_TYPE);

    private CollectedEvents() {
    }

    /** The events of type {@code type}, each from a structured-mode request. */
    static List<CloudEvent> ofType(HttpCollector collector, String type) {
        List<CloudEvent> events = new ArrayList<>();
        for (HttpCollector.Request request : collector.requests()) {
            CloudEvent event = JSON.deserialize(request.body());
            if (type.equals(event.getType())) {
                events.add(event);
            }
        }
        return events;
    }
}
