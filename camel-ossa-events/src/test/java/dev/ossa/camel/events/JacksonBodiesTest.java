package dev.ossa.camel.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.apache.camel.Exchange;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;

import dev.ossa.camel.events.event.InvalidCloudEventException;

/**
 * Bodies Jackson writes badly by default: Java time and {@code Optional} values become ISO-8601 text and plain
 * values, a POJO without properties fails naming its class instead of becoming {@code {}}, and the {@code objectMapper}
 * option writes bodies with the application's own mapper. Judged by the CloudEvents Java SDK reading what the sink
 * received.
 */
class JacksonBodiesTest extends CamelTestSupport {

    private final RecordingSink sink = new RecordingSink("sink");

    /** A POJO with no getters and no public fields. */
    public static final class Opaque {
        @SuppressWarnings("unused")
        private final String secret = "s";
    }

    /** A POJO whose property name the application's mapper writes in snake case. */
    public static final class ToolCall {
        public String toolName = "weather.lookup";
        public Instant calledAt = Instant.parse("2026-01-02T03:04:05.678Z");
    }

    @Override
    protected RoutesBuilder[] createRouteBuilders() {
        context.getRegistry().bind("snakeMapper", new ObjectMapper().findAndRegisterModules()
                .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .disable(com.fasterxml.jackson.databind.SerializationFeature.WRITE_DATES_AS_TIMESTAMPS));
        context.getRegistry().bind("plainMapper", new ObjectMapper());
        return new RoutesBuilder[] { sink, new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:default").to(ossaEvents(""));
                from("direct:snake").to(ossaEvents("&objectMapper=#snakeMapper"));
                from("direct:plain").to(ossaEvents("&objectMapper=#plainMapper"));
            }
        } };
    }

    private String ossaEvents(String options) {
        return "ossa-events:" + OssaEventType.STATE_UPDATED + "?source=/agents/planner&sink=" + sink.uri() + options;
    }

    @Test
    void javaTimeAndOptionalValuesAreIsoTextAndPlainValues() throws Exception {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("at", Instant.parse("2026-01-02T03:04:05.678Z"));
        body.put("day", LocalDate.of(2026, 1, 2));
        body.put("when", OffsetDateTime.parse("2026-01-02T03:04:05+05:30"));
        body.put("took", Duration.ofMillis(1500));
        body.put("maybe", Optional.of("x"));
        body.put("none", Optional.empty());

        template.sendBody("direct:default", body);

        JsonNode data = CloudEventsJudge.data(CloudEventsJudge.event(sink.await(1).get(0).body()));
        assertEquals(CloudEventsJudge.JACKSON.readTree("{\"at\":\"2026-01-02T03:04:05.678Z\",\"day\":\"2026-01-02\","
                + "\"when\":\"2026-01-02T03:04:05+05:30\",\"took\":\"PT1.5S\",\"maybe\":\"x\",\"none\":null}"), data);
    }

    @Test
    void aPojoWithoutPropertiesFailsNamingItsClass() {
        Exchange failed = template.request("direct:default", exchange -> exchange.getMessage().setBody(new Opaque()));

        InvalidCloudEventException e = assertInstanceOf(InvalidCloudEventException.class, failed.getException());
        assertEquals("data", e.getAttribute());
        assertTrue(e.getMessage().contains("a dev.ossa.camel.events.JacksonBodiesTest$Opaque has no properties"
                                           + " Jackson can write"), e.getMessage());
        assertEquals(0, sink.received().size(), "nothing is sent");
    }

    @Test
    void aPojoWithoutPropertiesFailsAlsoInsideAMap() {
        Exchange failed = template.request("direct:default",
                exchange -> exchange.getMessage().setBody(Map.of("inner", new Opaque())));

        InvalidCloudEventException e = assertInstanceOf(InvalidCloudEventException.class, failed.getException());
        assertTrue(e.getMessage().contains("JacksonBodiesTest$Opaque has no properties"), e.getMessage());
        assertTrue(e.getMessage().contains("(at "), e.getMessage());
    }

    @Test
    void theApplicationsMapperWritesBodies() throws Exception {
        template.sendBody("direct:snake", new ToolCall());

        JsonNode data = CloudEventsJudge.data(CloudEventsJudge.event(sink.await(1).get(0).body()));
        assertEquals("weather.lookup", data.get("tool_name").asText());
        assertEquals("2026-01-02T03:04:05.678Z", data.get("called_at").asText());
        assertNull(data.get("toolName"));
    }

    @Test
    void theApplicationsMapperOnTheComponentIsEveryEndpointsDefault() throws Exception {
        context.getComponent("ossa-events", OssaEventsComponent.class).getConfiguration()
                .setObjectMapper(context.getRegistry().lookupByNameAndType("snakeMapper", ObjectMapper.class));
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:component").to(ossaEvents("&subject=component"));
            }
        });

        template.sendBody("direct:component", new ToolCall());

        JsonNode data = CloudEventsJudge.data(CloudEventsJudge.event(sink.await(1).get(0).body()));
        assertEquals("weather.lookup", data.get("tool_name").asText());
    }

    @Test
    void anInstantTheApplicationsMapperCannotWriteFailsNamingDataAndTheCause() {
        Exchange failed = template.request("direct:plain",
                exchange -> exchange.getMessage().setBody(Map.of("at", Instant.EPOCH)));

        InvalidCloudEventException e = assertInstanceOf(InvalidCloudEventException.class, failed.getException());
        assertEquals("data", e.getAttribute());
        assertTrue(e.getMessage().contains("cannot be written as JSON"), e.getMessage());
        assertTrue(e.getMessage().contains("java.time.Instant"), e.getMessage());
        assertTrue(e.getCause() instanceof com.fasterxml.jackson.databind.JsonMappingException, e.toString());
        assertEquals(0, sink.received().size(), "nothing is sent");
    }
}
