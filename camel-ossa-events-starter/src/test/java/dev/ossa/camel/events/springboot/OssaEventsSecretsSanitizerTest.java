package dev.ossa.camel.events.springboot;

import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.endpoint.SanitizableData;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The sanitizer on the keys and values the actuator hands it: the sink headers (a secret in the component's metadata)
 * in every spelling Spring Boot binds, the passwords in the sink URIs, and nothing else.
 */
class OssaEventsSecretsSanitizerTest {

    private final OssaEventsSecretsSanitizer sanitizer = new OssaEventsSecretsSanitizer();

    @Test
    void sinkHeaderValuesAreMaskedWhateverTheSpellingOfTheirKey() {
        for (String key : new String[] { "camel.component.ossa-events.sink-headers.Authorization",
                "camel.component.ossa-events.sinkHeaders.Authorization",
                "camel.component.ossa-events.sink-headers[X-Api.Key]", "CAMEL_COMPONENT_OSSAEVENTS_SINKHEADERS_TOKEN",
                "sinkHeaders.Authorization" }) {
            assertEquals(SanitizableData.SANITIZED_VALUE, sanitize(key, "Bearer abc"), key);
        }
    }

    @Test
    void passwordsInTheSinkUrisAreMasked() {
        assertEquals("kafka:events?brokers=b:9092&saslJaasConfig=xxxxxx",
                sanitize("camel.component.ossa-events.sink", "kafka:events?brokers=b:9092&saslJaasConfig=secret"));
        assertEquals("https://collector.example.com/events?password=xxxxxx",
                sanitize("camel.component.ossa-events.dead-letter-uri",
                        "https://collector.example.com/events?password=hunter2"));
    }

    @Test
    void otherValuesAreLeftAsTheyAre() {
        assertEquals("/agents/planner", sanitize("camel.component.ossa-events.source", "/agents/planner"));
        assertEquals("eu", sanitize("camel.component.ossa-events.extensions.region", "eu"));
        assertEquals("Bearer abc", sanitize("camel.component.kafka.sink-headers.Authorization", "Bearer abc"),
                "another component's option of that name is not ours to judge");
        assertEquals("x", sanitize("server.port", "x"));
    }

    private Object sanitize(String key, Object value) {
        return sanitizer.apply(new SanitizableData(null, key, value)).getValue();
    }
}
