package dev.ossa.camel.events.springboot;

import java.io.IOException;
import java.io.InputStream;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The starter keeps up with the component: every component option of its generated metadata
 * ({@code ossa-events.json}) is a {@code camel.component.ossa-events.*} property in the metadata Spring Boot's
 * configuration processor generated for the starter, and the starter has no property the component lacks.
 */
class EveryComponentOptionIsAPropertyTest {

    private static final String PREFIX = "camel.component.ossa-events.";
    private static final Set<String> STARTER_ONLY = Set.of("enabled", "customizer.enabled");

    @Test
    void theStarterHasAPropertyForEveryComponentOption() throws IOException {
        Set<String> options = new TreeSet<>();
        read(OssaEventsSecretsSanitizer.METADATA).path("componentProperties").fieldNames()
                .forEachRemaining(name -> options.add(kebab(name)));
        Set<String> properties = new TreeSet<>();
        for (JsonNode property : read("META-INF/spring-configuration-metadata.json").path("properties")) {
            String name = property.path("name").asText();
            if (name.startsWith(PREFIX) && !STARTER_ONLY.contains(name.substring(PREFIX.length()))) {
                properties.add(name.substring(PREFIX.length()));
            }
        }
        assertEquals(options, properties);
    }

    private static String kebab(String camelCase) {
        return camelCase.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase();
    }

    private static JsonNode read(String resource) throws IOException {
        try (InputStream in = EveryComponentOptionIsAPropertyTest.class.getClassLoader()
                .getResourceAsStream(resource)) {
            return new ObjectMapper().readTree(in);
        }
    }
}
