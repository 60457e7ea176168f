package dev.ossa.camel.events.event;

/**
 * An event broke a CloudEvents 1.0 rule. The message names the attribute and the rule; nothing was sent. Input the
 * message quotes is escaped and cut by {@link QuotedInput}.
 */
public class InvalidCloudEventException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String attribute;
    private final String rule;

    public InvalidCloudEventException(String attribute, String rule) {
        this(attribute, rule, null);
    }

    /** @param cause what made the rule fail, e.g. Jackson's exception for {@code data} it could not write */
    public InvalidCloudEventException(String attribute, String rule, Throwable cause) {
        super("Invalid CloudEvent attribute " + QuotedInput.quote(attribute) + ": " + rule, cause);
        this.attribute = attribute;
        this.rule = rule;
    }

    /** The attribute (or extension name) that broke the rule, as given. */
    public String getAttribute() {
        return attribute;
    }

    /** The rule that was broken, in words. */
    public String getRule() {
        return rule;
    }
}
