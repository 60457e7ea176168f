package dev.ossa.camel.events.springboot;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A misspelt property fails the start as Spring Boot reports properties it could not bind: the failure analysis names
 * the property, instead of every event failing later for an option that was silently ignored.
 */
@ExtendWith(OutputCaptureExtension.class)
class UnknownPropertyTest {

    @Test
    void aPropertyTheComponentDoesNotHaveFailsTheStartNamingIt(CapturedOutput output) {
        Exception failure = assertThrows(Exception.class,
                () -> StandaloneApp.run("camel.component.ossa-events.flush-intervall=2s").close());

        assertTrue(messages(failure).contains("camel.component.ossa-events"), messages(failure));
        assertTrue(output.getAll().contains("APPLICATION FAILED TO START"), output.getAll());
        assertTrue(output.getAll().contains("camel.component.ossa-events.flush-intervall"), output.getAll());
    }

    private static String messages(Throwable failure) {
        StringBuilder messages = new StringBuilder();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            messages.append(t).append('\n');
        }
        return messages.toString();
    }
}
