package dev.ossa.camel.events.event;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One CloudEvents 1.0 event, immutable and valid: {@link Builder#build()} checks every rule before it exists.
 * <p>
 * Extension values are {@link String}, {@link Integer} or {@link Boolean}; OSSA's own extensions are
 * {@code ossaagentid}, {@code ossainteractionid}, {@code ossatraceid} and {@code ossaspanid}.
 */
public final class OssaCloudEvent {

    /** The only {@code specversion} this component writes. */
    public static final String SPEC_VERSION = "1.0";

    private final String id;
    private final String source;
    private final String type;
    private final String subject;
    private final String time;
    private final String dataContentType;
    private final String dataSchema;
    private final Map<String, Object> extensions;
    private final EventData data;

    private OssaCloudEvent(Builder builder) {
        this.id = builder.id;
        this.source = builder.source;
        this.type = builder.type;
        this.subject = builder.subject;
        this.time = builder.time;
        this.dataContentType = builder.dataContentType;
        this.dataSchema = builder.dataSchema;
        this.extensions = Collections.unmodifiableMap(new LinkedHashMap<>(builder.extensions));
        this.data = builder.data;
    }

    public static Builder builder() {
        return new Builder();
    }

    public String getId() {
        return id;
    }

    public String getSource() {
        return source;
    }

    public String getType() {
        return type;
    }

    /** The subject, or null. */
    public String getSubject() {
        return subject;
    }

    /** The time as RFC 3339 text, or null. */
    public String getTime() {
        return time;
    }

    /** The media type of {@code data}, or null. */
    public String getDataContentType() {
        return dataContentType;
    }

    /** The absolute URI of the data's schema, or null. */
    public String getDataSchema() {
        return dataSchema;
    }

    /** Extension attributes in insertion order, read-only. */
    public Map<String, Object> getExtensions() {
        return extensions;
    }

    /** The extension's value, or null. */
    public Object getExtension(String name) {
        return extensions.get(name);
    }

    /**
     * The value of any context attribute or extension by its CloudEvents name ({@code id}, {@code subject},
     * {@code ossaagentid} ...), or null when the event does not have it.
     */
    public Object getAttribute(String name) {
        return switch (name) {
            case "specversion" -> SPEC_VERSION;
            case "id" -> id;
            case "source" -> source;
            case "type" -> type;
            case "subject" -> subject;
            case "time" -> time;
            case "datacontenttype" -> dataContentType;
            case "dataschema" -> dataSchema;
            default -> extensions.get(name);
        };
    }

    /** The data, or null when the event has none. */
    public EventData getData() {
        return data;
    }

    /**
     * The data as bytes: binary data as it is, text in the charset of {@code datacontenttype} (UTF-8 when it names
     * none), JSON data as compact JSON; null when the event has no data. A copy: changing it changes no event.
     */
    public byte[] getDataBytes() {
        return EventDataViews.bytes(data, dataContentType);
    }

    /**
     * The data as text: text data as it is, binary data decoded in the charset of {@code datacontenttype} (UTF-8 when
     * it names none), a JSON string as its value, any other JSON value as JSON text; null when there is no data.
     */
    public String getDataText() {
        return EventDataViews.text(data, dataContentType);
    }

    /**
     * The data as a Jackson tree, parsed from bytes or text when it is not JSON data already; null when there is no
     * data.
     *
     * @throws IllegalStateException when the data is not JSON
     */
    public com.fasterxml.jackson.databind.JsonNode getDataJson() {
        return EventDataViews.json(data);
    }

    /**
     * The data as an instance of {@code type}, bound from its JSON by Jackson; null when there is no data.
     *
     * @throws IllegalStateException    when the data is not JSON
     * @throws IllegalArgumentException when the JSON does not fit {@code type}
     */
    public <T> T getDataAs(Class<T> type) {
        return EventDataViews.as(data, type);
    }

    /**
     * Visits every context attribute except {@code data}, in the order of the JSON format: {@code specversion},
     * {@code id}, {@code source}, {@code type}, the optional attributes that are set, then the extensions.
     */
    public void forEachAttribute(AttributeVisitor visitor) {
        visitor.visit("specversion", SPEC_VERSION);
        visitor.visit("id", id);
        visitor.visit("source", source);
        visitor.visit("type", type);
        if (subject != null) {
            visitor.visit("subject", subject);
        }
        if (time != null) {
            visitor.visit("time", time);
        }
        if (dataContentType != null) {
            visitor.visit("datacontenttype", dataContentType);
        }
        if (dataSchema != null) {
            visitor.visit("dataschema", dataSchema);
        }
        extensions.forEach(visitor::visit);
    }

    /** Receives one attribute's name and value (a String, Integer or Boolean). */
    @FunctionalInterface
    public interface AttributeVisitor {
        void visit(String name, Object value);
    }

    @Override
    public String toString() {
        return "OssaCloudEvent[id=" + id + ", type=" + type + ", source=" + source + "]";
    }

    /** Collects attributes; {@link #build()} validates them. Not thread-safe. */
    public static final class Builder {
        private String id;
        private String source;
        private String type;
        private String subject;
        private String time;
        private String dataContentType;
        private String dataSchema;
        private final Map<String, Object> extensions = new LinkedHashMap<>();
        private EventData data;

        private Builder() {
        }

        public Builder id(String id) {
            this.id = id;
            return this;
        }

        public Builder source(String source) {
            this.source = source;
            return this;
        }

        public Builder type(String type) {
            this.type = type;
            return this;
        }

        public Builder subject(String subject) {
            this.subject = subject;
            return this;
        }

        /** The time as RFC 3339 text with seconds and an offset, e.g. {@code 2026-01-01T12:00:00Z}. */
        public Builder time(String time) {
            this.time = time;
            return this;
        }

        public Builder dataContentType(String dataContentType) {
            this.dataContentType = dataContentType;
            return this;
        }

        public Builder dataSchema(String dataSchema) {
            this.dataSchema = dataSchema;
            return this;
        }

        /** Sets an extension; a null value removes it. Values are normalised when the event is built. */
        public Builder extension(String name, Object value) {
            if (value == null) {
                extensions.remove(name);
            } else {
                extensions.put(name, value);
            }
            return this;
        }

        public Builder data(EventData data) {
            this.data = data;
            return this;
        }

        /**
         * Validates every attribute (see {@link EventValidator}) and returns the event.
         *
         * @throws InvalidCloudEventException naming the first attribute that breaks a rule
         */
        public OssaCloudEvent build() {
            extensions.replaceAll(ExtensionValues::normalise);
            EventValidator.validate(this);
            return new OssaCloudEvent(this);
        }

        String id() {
            return id;
        }

        String source() {
            return source;
        }

        String type() {
            return type;
        }

        String subject() {
            return subject;
        }

        String time() {
            return time;
        }

        String dataContentType() {
            return dataContentType;
        }

        String dataSchema() {
            return dataSchema;
        }

        Map<String, Object> extensions() {
            return extensions;
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof OssaCloudEvent other && id.equals(other.id) && source.equals(other.source);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, source);
    }
}
