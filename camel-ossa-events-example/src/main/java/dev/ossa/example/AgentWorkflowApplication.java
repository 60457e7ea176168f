package dev.ossa.example;

import org.apache.camel.main.Main;

/**
 * Runs the example: a simulated agent workflow whose routes emit OSSA events, then stops by itself.
 */
public final class AgentWorkflowApplication {

    private AgentWorkflowApplication() {
    }

    public static void main(String[] args) throws Exception {
        Main main = new Main(AgentWorkflowApplication.class);
        main.run(args);
    }
}
