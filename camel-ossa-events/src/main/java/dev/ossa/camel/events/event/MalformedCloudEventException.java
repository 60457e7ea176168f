package dev.ossa.camel.events.event;

/**
 * A received message could not be read as a CloudEvent at all: its body is not well-formed JSON, a batch is not an
 * array of objects, a header is not well percent-encoded or not UTF-8. Names the part of the message and the rule.
 */
public class MalformedCloudEventException extends InvalidCloudEventException {

    private static final long serialVersionUID = 1L;

    /**
     * @param part the part of the message that is malformed, e.g. {@code body} or {@code ce-id}
     * @param rule what is wrong with it
     */
    public MalformedCloudEventException(String part, String rule) {
        this(part, rule, null);
    }

    public MalformedCloudEventException(String part, String rule, Throwable cause) {
        super(part, rule, "Malformed CloudEvent message, " + part + ": " + rule, cause);
    }
}
