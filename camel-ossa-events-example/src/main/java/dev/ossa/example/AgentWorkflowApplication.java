package dev.ossa.example;

import org.apache.camel.main.Main;

/**
 * Runs the example: one run of a simulated trip-planning workflow whose routes emit every OSSA event type, then
 * stops by itself (see {@code camel.main.duration-max-idle-seconds}). When the application cannot start, it exits
 * with status 1 instead of waiting.
 */
public final class AgentWorkflowApplication {

    private AgentWorkflowApplication() {
    }

    public static void main(String[] args) {
        try {
            new Main(AgentWorkflowApplication.class).run(args);
        } catch (Exception e) {
            System.err.println("The example could not run: " + e);
            System.exit(1);
        }
    }
}
