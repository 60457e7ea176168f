package dev.ossa.camel.events.benchmarks;

import java.net.URI;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.core.data.PojoCloudEventData;

import dev.ossa.camel.events.OssaEventsConstants;

/**
 * The event every comparison sends, on both sides: the same attributes, a fresh id and time per event, and the same
 * data of about 300 bytes of JSON. Our side takes the static attributes from endpoint options and the per-interaction
 * ids from exchange headers, as a route would; the peer sets them all on the CloudEvents SDK's builder.
 */
final class SampleEvent {

    static final String TYPE = "dev.ossa.tool.called";
    static final String SOURCE = "/agents/planner";
    static final String SUBJECT = "search-flights";
    static final String CONTENT_TYPE = "application/json";
    static final String AGENT_ID = "planner";
    static final String INTERACTION_ID = "int-7f3c9a2e-5d41";
    static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
    static final String SPAN_ID = "00f067aa0ba902b7";

    /**
     * The {@code flushInterval} of every batched side (and the Aggregator's completion interval of the Camel routes):
     * longer than any run, so that every batch completes by size (each run's event count is a multiple of the batch
     * size) and no run's last batch waits for the interval's next tick.
     */
    static final long FLUSH_INTERVAL_MS = 60_000;

    private static final URI SOURCE_URI = URI.create(SOURCE);

    private SampleEvent() {
    }

    /** The data: a tool call with its arguments, about 300 bytes as JSON. */
    static Map<String, Object> data() {
        Map<String, Object> arguments = new LinkedHashMap<>();
        arguments.put("origin", "AMS");
        arguments.put("destination", "SFO");
        arguments.put("departure", "2026-12-01");
        arguments.put("return", "2026-12-12");
        arguments.put("passengers", 2);
        arguments.put("cabin", "economy");
        arguments.put("maxStops", 1);
        arguments.put("flexibleDates", true);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("tool", "search_flights");
        data.put("callId", "call_8f14e45fceea167a5a36dedd4bea2543");
        data.put("arguments", arguments);
        data.put("attempt", 1);
        data.put("timeoutMs", 30000);
        data.put("tags", List.of("travel", "booking", "planner"));
        data.put("note", "Find the cheapest round trip with at most one stop");
        return data;
    }

    /** Our side's endpoint options: the attributes that stay the same for every event of the endpoint. */
    static String endpointOptions() {
        return "source=" + SOURCE + "&subject=" + SUBJECT + "&agentId=" + AGENT_ID;
    }

    /** Our side's exchange headers: the ids of the interaction, trace and span the event belongs to. */
    static Map<String, Object> headers() {
        Map<String, Object> headers = new LinkedHashMap<>();
        headers.put(OssaEventsConstants.INTERACTION_ID, INTERACTION_ID);
        headers.put(OssaEventsConstants.TRACE_ID, TRACE_ID);
        headers.put(OssaEventsConstants.SPAN_ID, SPAN_ID);
        return headers;
    }

    /** The peer: the same event built with the CloudEvents Java SDK, its data written by {@code mapper}. */
    static CloudEvent sdkEvent(ObjectMapper mapper, Map<String, Object> data) {
        return CloudEventBuilder.v1()
                .withId(UUID.randomUUID().toString())
                .withSource(SOURCE_URI)
                .withType(TYPE)
                .withSubject(SUBJECT)
                .withTime(OffsetDateTime.now(ZoneOffset.UTC))
                .withDataContentType(CONTENT_TYPE)
                .withExtension(OssaEventsConstants.AGENT_ID_ATTRIBUTE, AGENT_ID)
                .withExtension(OssaEventsConstants.INTERACTION_ID_ATTRIBUTE, INTERACTION_ID)
                .withExtension(OssaEventsConstants.TRACE_ID_ATTRIBUTE, TRACE_ID)
                .withExtension(OssaEventsConstants.SPAN_ID_ATTRIBUTE, SPAN_ID)
                .withData(PojoCloudEventData.wrap(data, mapper::writeValueAsBytes))
                .build();
    }
}
