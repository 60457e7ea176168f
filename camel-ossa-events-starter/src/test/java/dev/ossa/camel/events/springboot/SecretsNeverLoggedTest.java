package dev.ossa.camel.events.springboot;

import java.util.Map;

import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * With Camel and the starter logging at DEBUG, a start, a delivery, a refused delivery and a stop never write a
 * {@code sink-headers.*} value.
 */
@ExtendWith(OutputCaptureExtension.class)
class SecretsNeverLoggedTest {

    private static final String SECRET = "n0t-in-any-log";

    @Test
    void sinkHeaderValuesAreNeverLogged(CapturedOutput output) {
        HttpCollector collector = new HttpCollector();
        try (ConfigurableApplicationContext app = StandaloneApp.run(
                "camel.component.ossa-events.sink=" + collector.url("/secret"),
                "camel.component.ossa-events.sink-headers.Authorization=Bearer " + SECRET,
                "camel.component.ossa-events.batch-size=1",
                "logging.level.org.apache.camel=DEBUG", "logging.level.dev.ossa=DEBUG")) {
            ProducerTemplate template = app.getBean(ProducerTemplate.class);
            template.sendBody("direct:events", Map.of("first", true));
            collector.answer(500);
            try {
                template.sendBody("direct:events", Map.of("refused", true));
            } catch (RuntimeException expected) {
                // an unbatched send fails its exchange; the log of that failure is what matters here
            }
        }
        assertTrue(collector.requests().size() == 1 && ("Bearer " + SECRET).equals(
                collector.requests().get(0).authorization()), "the secret was sent to the sink");
        assertTrue(output.getAll().contains("ossa-events"), "Camel logged at DEBUG");
        assertFalse(output.getAll().contains(SECRET), output.getAll());
    }
}
