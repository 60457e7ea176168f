package dev.ossa.camel.events.event;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Remembering checked values keeps every verdict: only values that passed are remembered, within bounds.
 */
class CheckedValuesTest {

    @Test
    void remembersOutcomesUpToTheBounds() {
        CheckedValues<Boolean> values = new CheckedValues<>();
        for (int i = 0; i < CheckedValues.MAX_ENTRIES + 10; i++) {
            values.remember("/agents/" + i, Boolean.TRUE);
        }
        assertEquals(Boolean.TRUE, values.get("/agents/0"));
        assertNull(values.get("/agents/" + (CheckedValues.MAX_ENTRIES + 5)));
        CheckedValues<Boolean> fresh = new CheckedValues<>();
        String tooLong = "/" + "a".repeat(CheckedValues.MAX_LENGTH);
        fresh.remember(tooLong, Boolean.TRUE);
        assertNull(fresh.get(tooLong));
    }

    @Test
    void invalidValuesAreRejectedEveryTimeAfterValidOnes() {
        assertTrue(MediaTypes.isValid("application/json"));
        assertTrue(MediaTypes.isValid("application/json"));
        assertFalse(MediaTypes.isValid("xyz"));
        assertFalse(MediaTypes.isValid("xyz"));
        for (int attempt = 0; attempt < 2; attempt++) {
            event("/agents/planner", "https://example.com/schema").build();
            InvalidCloudEventException source = assertThrows(InvalidCloudEventException.class,
                    () -> event("a b", null).build());
            assertEquals("source", source.getAttribute());
            InvalidCloudEventException schema = assertThrows(InvalidCloudEventException.class,
                    () -> event("/agents/planner", "/agents/planner").build());
            assertEquals("dataschema", schema.getAttribute());
        }
    }

    private static OssaCloudEvent.Builder event(String source, String dataSchema) {
        return OssaCloudEvent.builder().id("1").type("dev.ossa.tool.called").source(source).dataSchema(dataSchema)
                .dataContentType("application/json");
    }
}
