package dev.ossa.camel.events.springboot;

import java.net.http.HttpResponse;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code /actuator/health}, read over real HTTP, shows the sink's Camel health check: UP before anything failed, DOWN
 * (HTTP 503) while the collector answers 503 and events wait, UP again once the collector takes them.
 */
class HealthOverHttpTest extends SpringBootAppTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void healthGoesDownWhileTheCollectorFailsAndUpAfterItRecovers() throws Exception {
        String checkId = "ossa-events:" + COLLECTOR.url("/events");

        HttpResponse<String> healthy = get("/actuator/health");
        assertEquals(200, healthy.statusCode(), healthy.body());
        assertEquals("UP", camelDetails(healthy).path(checkId).asText(), healthy.body());

        COLLECTOR.answer(503);
        try {
            send("test.health", Map.of("while", "down"));
            await("the health check goes DOWN", () -> get("/actuator/health").statusCode() == 503);
            HttpResponse<String> down = get("/actuator/health");
            assertEquals("DOWN", camelDetails(down).path(checkId).asText(), down.body());
            JsonNode data = camelDetails(down).path(checkId + ".data");
            assertEquals(COLLECTOR.url("/events"), data.path("sink").asText(), down.body());
            assertEquals("1", data.path("pending").asText(), down.body());
            assertEquals("0", data.path("failed").asText(), down.body());
            assertEquals("0", data.path("dead-lettered").asText(), down.body());
        } finally {
            COLLECTOR.answer(200);
        }

        await("the health check is UP again", () -> get("/actuator/health").statusCode() == 200);
        HttpResponse<String> recovered = get("/actuator/health");
        assertEquals("UP", camelDetails(recovered).path(checkId).asText(), recovered.body());
        assertTrue(CollectedEvents.ofType(COLLECTOR, "test.health").size() == 1, "the waiting event was delivered");
    }

    private static JsonNode camelDetails(HttpResponse<String> health) throws Exception {
        return JSON.readTree(health.body()).path("components").path("camelHealth").path("details");
    }
}
