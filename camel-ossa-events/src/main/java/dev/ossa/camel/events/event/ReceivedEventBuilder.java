package dev.ossa.camel.events.event;

/**
 * Builds an event from the attributes a binding reader found in a message, each by its CloudEvents name, with the
 * same rules as on send ({@link EventValidator}) and those only a received message can break: {@code specversion}
 * present and {@code 1.0}, context attributes given as strings, extension values strings, 32-bit integers or
 * booleans, and not both {@code data} and {@code data_base64}. Not thread-safe; one per message.
 */
public final class ReceivedEventBuilder {

    private final OssaCloudEvent.Builder builder = OssaCloudEvent.builder();
    private Object specVersion;

    /**
     * Takes one attribute as read: a String from a header, or the Java value of a JSON member (String, Integer,
     * Long, BigInteger, BigDecimal, Boolean, a Jackson node for an object or array; null for JSON null, which
     * leaves the attribute absent).
     *
     * @throws InvalidCloudEventException when the value's type does not fit the attribute
     */
    public ReceivedEventBuilder attribute(String name, Object value) {
        if (value == null) {
            return this;
        }
        switch (name) {
            case "specversion" -> specVersion = EventValidator.requireStringValue(name, value);
            case "id" -> builder.id(EventValidator.requireStringValue(name, value));
            case "source" -> builder.source(EventValidator.requireStringValue(name, value));
            case "type" -> builder.type(EventValidator.requireStringValue(name, value));
            case "subject" -> builder.subject(EventValidator.requireStringValue(name, value));
            case "time" -> builder.time(EventValidator.requireStringValue(name, value));
            case "datacontenttype" -> builder.dataContentType(EventValidator.requireStringValue(name, value));
            case "dataschema" -> builder.dataSchema(EventValidator.requireStringValue(name, value));
            default -> builder.extension(name, EventValidator.requireExtensionValue(name, value));
        }
        return this;
    }

    /** The {@code datacontenttype} read so far, or null. */
    public String dataContentType() {
        return builder.dataContentType();
    }

    /** Checks that at most one of {@code data} and {@code data_base64} is present. */
    public ReceivedEventBuilder dataMembers(boolean data, boolean dataBase64) {
        EventValidator.validateDataMembers(data, dataBase64);
        return this;
    }

    public ReceivedEventBuilder data(EventData data) {
        builder.data(data);
        return this;
    }

    /**
     * Validates the event as a whole and returns it.
     *
     * @throws InvalidCloudEventException naming the first attribute that breaks a rule
     */
    public OssaCloudEvent build() {
        EventValidator.validateSpecVersion(specVersion);
        return builder.build();
    }
}
