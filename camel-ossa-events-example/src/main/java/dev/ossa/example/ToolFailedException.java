package dev.ossa.example;

/**
 * A simulated tool could not do its job; the agent that called it reports {@code dev.ossa.tool.failed}.
 */
public class ToolFailedException extends Exception {

    private static final long serialVersionUID = 1L;

    public ToolFailedException(String message) {
        super(message);
    }
}
