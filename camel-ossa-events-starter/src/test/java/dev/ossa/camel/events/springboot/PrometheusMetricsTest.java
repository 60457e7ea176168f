package dev.ossa.camel.events.springboot;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.camel.CamelExecutionException;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code /actuator/prometheus}, scraped over real HTTP, shows the component's meters with the right values after N
 * events, tagged with the sink and the event type.
 */
class PrometheusMetricsTest extends SpringBootAppTest {

    private static final String TYPE = "test.metrics";
    private static final int EVENTS = 4;

    @Test
    void countersTimerAndGaugeCountTheEventsSent() {
        for (int i = 0; i < EVENTS; i++) {
            send(TYPE, Map.of("n", i));
        }
        assertThrows(CamelExecutionException.class, () -> template.sendBodyAndHeaders("direct:events", "{}",
                Map.of("CamelCloudEventType", TYPE, "CamelCloudEventSubject", "")), "an empty subject is invalid");
        await(EVENTS + " events delivered", () -> CollectedEvents.ofType(COLLECTOR, TYPE).size() == EVENTS);
        String sink = COLLECTOR.url("/events");
        await("the delivered counter reads " + EVENTS,
                () -> value(scrape(), "ossa_events_delivered_total", sink, TYPE) == EVENTS);

        String scrape = scrape();
        assertEquals(EVENTS, value(scrape, "ossa_events_accepted_total", sink, TYPE), scrape);
        assertEquals(EVENTS, value(scrape, "ossa_events_delivered_total", sink, TYPE), scrape);
        assertEquals(0, value(scrape, "ossa_events_failed_total", sink, TYPE), scrape);
        assertEquals(0, value(scrape, "ossa_events_dead_lettered_total", sink, TYPE), scrape);
        assertEquals(0, value(scrape, "ossa_events_pending", sink, TYPE), scrape);
        assertEquals(EVENTS, value(scrape, "ossa_events_delivery_seconds_count", sink, TYPE), scrape);
        assertTrue(value(scrape, "ossa_events_delivery_seconds_sum", sink, TYPE) > 0, scrape);
        assertEquals(1, value(scrape, "ossa_events_rejected_total", sink, "dev.ossa.tool.called"),
                "a rejected event counts under its endpoint's type: " + scrape);
    }

    private String scrape() {
        var response = get("/actuator/prometheus");
        assertEquals(200, response.statusCode(), response.body());
        return response.body();
    }

    /** The value of the sample {@code name{sink=...,type=...}}; fails when there is none. */
    private static double value(String scrape, String name, String sink, String type) {
        Pattern sample = Pattern.compile("^" + Pattern.quote(name) + "\\{([^}]*)} (\\S+)$", Pattern.MULTILINE);
        Matcher matcher = sample.matcher(scrape);
        while (matcher.find()) {
            String labels = matcher.group(1);
            if (labels.contains("sink=\"" + sink + "\"") && labels.contains("type=\"" + type + "\"")) {
                return Double.parseDouble(matcher.group(2));
            }
        }
        throw new AssertionError("No sample " + name + " for sink " + sink + " and type " + type + " in:\n" + scrape);
    }
}
