package dev.ossa.camel.events.format;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import dev.ossa.camel.events.event.BodyToData;
import dev.ossa.camel.events.event.OssaCloudEvent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A JSON body passes through with its numbers as written: no rounding to double, no overflow to Infinity.
 */
class JsonNumbersKeepTheirDigitsTest {

    private final JsonEventFormat format = new JsonEventFormat(JsonEventFormat.defaultMapper());
    private final ObjectMapper judge = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    @Test
    void decimalsBeyondDoublePrecisionAndRangeArriveUnchanged() throws Exception {
        String body = "{\"price\": 0.1000000000000000055511151231257827, \"huge\": 1.0e400, \"scaled\": 1.50,"
                      + " \"count\": 12345678901234567890123}";
        OssaCloudEvent event = OssaCloudEvent.builder().id("1").source("/s").type("t")
                .dataContentType("application/json")
                .data(new BodyToData(format.mapper()).toData(body, "application/json")).build();

        String json = new String(format.event(event, false), StandardCharsets.UTF_8);
        JsonNode data = judge.readTree(json).get("data");

        assertEquals(new BigDecimal("0.1000000000000000055511151231257827"), data.get("price").decimalValue());
        assertEquals(0, new BigDecimal("1.0e400").compareTo(data.get("huge").decimalValue()));
        assertTrue(json.contains("\"scaled\":1.50"), json);
        assertEquals("12345678901234567890123", data.get("count").bigIntegerValue().toString());
    }
}
