package dev.ossa.camel.events.event;

/**
 * An event broke a CloudEvents 1.0 rule. The message names the attribute and the rule; nothing was sent.
 */
public class InvalidCloudEventException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String attribute;
    private final String rule;

    public InvalidCloudEventException(String attribute, String rule) {
        super("Invalid CloudEvent attribute '" + attribute + "': " + rule);
        this.attribute = attribute;
        this.rule = rule;
    }

    /** For subclasses whose message says more than the attribute and the rule, e.g. where in a message it was. */
    protected InvalidCloudEventException(String attribute, String rule, String message, Throwable cause) {
        super(message, cause);
        this.attribute = attribute;
        this.rule = rule;
    }

    /** The attribute (or extension name) that broke the rule. */
    public String getAttribute() {
        return attribute;
    }

    /** The rule that was broken, in words. */
    public String getRule() {
        return rule;
    }
}
