package dev.ossa.camel.events.binding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;

import org.apache.camel.Exchange;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.ossa.camel.events.OssaEventsConstants;

/**
 * Every RFC 3339 date-time is accepted and reaches a real HTTP server exactly as given, judged on the raw bytes: the
 * {@code time} member of the structured JSON and the {@code ce-time} header of a binary request. (The CloudEvents
 * Java SDK cannot be the judge here: it parses {@code time} into an {@code OffsetDateTime}, which holds none of these.)
 */
class TimesGoOutAsGivenTest extends CamelTestSupport {

    private final RecordingHttpServer server;

    TimesGoOutAsGivenTest() throws IOException {
        server = RecordingHttpServer.start();
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    private String endpoint(String mode) {
        return "ossa-events:dev.ossa.tool.called?source=/agents/planner&mode=" + mode + "&sink=RAW("
               + server.url("/events") + ")";
    }

    @ParameterizedTest
    @ValueSource(strings = { "2016-12-31T23:59:60Z", "2016-12-31T15:59:60.25-08:00", "2026-01-01T00:00:00.1234567890Z",
        "2026-01-01T00:00:00+23:59", "2026-01-01T00:00:00-19:00" })
    void structuredJsonCarriesTheTimeAsGiven(String time) throws Exception {
        Exchange sent = template.send(endpoint("structured"), exchange -> {
            exchange.getMessage().setHeader(OssaEventsConstants.TIME, time);
            exchange.getMessage().setBody("{}");
        });

        assertNull(sent.getException());
        assertEquals(time, new ObjectMapper().readTree(server.onlyRequest().body()).get("time").asText());
        assertEquals(time, sent.getMessage().getHeader(OssaEventsConstants.TIME));
    }

    @ParameterizedTest
    @ValueSource(strings = { "2016-12-31T23:59:60Z", "2026-01-01T00:00:00.1234567890Z", "2026-01-01T00:00:00+23:59" })
    void binaryCeTimeHeaderCarriesTheTimeAsGiven(String time) {
        Exchange sent = template.send(endpoint("binary"), exchange -> {
            exchange.getMessage().setHeader(OssaEventsConstants.TIME, time);
            exchange.getMessage().setBody("{}");
        });

        assertNull(sent.getException());
        assertEquals(time, server.onlyRequest().header("ce-time"));
    }
}
