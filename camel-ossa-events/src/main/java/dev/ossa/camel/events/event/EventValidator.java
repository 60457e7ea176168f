package dev.ossa.camel.events.event;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;

/**
 * The CloudEvents 1.0.2 rules, applied strictly to every event before it exists: required attributes present and
 * non-empty, attribute names of {@code a-z0-9} only, {@code source} a URI-reference, {@code dataschema} an absolute
 * URI, {@code time} RFC 3339, {@code datacontenttype} an RFC 2046 media type, and no control characters or unpaired
 * surrogates in any string. Integer extensions are kept to 32 bits by {@link ExtensionValues}.
 */
final class EventValidator {

    private static final Set<String> CONTEXT_ATTRIBUTES = Set.of(
            "specversion", "id", "source", "type", "subject", "time", "datacontenttype", "dataschema", "data",
            "data_base64");

    /** URI-references already checked, each with whether it is absolute. */
    private static final CheckedValues<Boolean> URI_REFERENCES = new CheckedValues<>();

    private EventValidator() {
    }

    static void validate(OssaCloudEvent.Builder event) {
        requireNonEmpty("id", event.id());
        if (event.source() == null) {
            fail("source", "is required: set the endpoint option source (ossa-events:<type>?source=/agents/planner),"
                    + " camel.component.ossa-events.source for every endpoint, or the header CamelCloudEventSource");
        }
        requireNonEmpty("source", event.source());
        isAbsoluteUriReference("source", event.source());
        requireNonEmpty("type", event.type());
        if (event.subject() != null) {
            requireNonEmpty("subject", event.subject());
        }
        if (event.time() != null) {
            requireString("time", event.time());
            String problem = Timestamps.problem(event.time());
            if (problem != null) {
                fail("time", QuotedInput.quote(event.time()) + " is not RFC 3339: " + problem);
            }
        }
        if (event.dataContentType() != null) {
            requireString("datacontenttype", event.dataContentType());
            if (!MediaTypes.isValid(event.dataContentType())) {
                fail("datacontenttype", QuotedInput.quote(event.dataContentType())
                        + " is not an RFC 2046 media type: expected type/subtype with optional ;name=value parameters");
            }
            String charsetProblem = MediaTypes.charsetProblem(event.dataContentType());
            if (charsetProblem != null) {
                fail("datacontenttype", charsetProblem);
            }
        }
        if (event.dataSchema() != null) {
            requireNonEmpty("dataschema", event.dataSchema());
            if (!isAbsoluteUriReference("dataschema", event.dataSchema())) {
                fail("dataschema", QuotedInput.quote(event.dataSchema()) + " is not an absolute URI: a scheme is required");
            }
        }
        for (Map.Entry<String, Object> extension : event.extensions().entrySet()) {
            String name = extension.getKey();
            requireAttributeName(name);
            if (extension.getValue() instanceof String text) {
                requireString(name, text);
            }
        }
    }

    private static void requireAttributeName(String name) {
        if (name == null || name.isEmpty()) {
            fail("extension", "an extension name must not be empty");
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c >= 'A' && c <= 'Z') {
                fail(name, "extension name " + QuotedInput.quote(name)
                        + " has upper-case letters: attribute names use only lower-case a-z and digits 0-9");
            }
            if (!(c >= 'a' && c <= 'z' || c >= '0' && c <= '9')) {
                fail(name, "extension name " + QuotedInput.quote(name) + " contains " + describe(c)
                        + ": attribute names use only lower-case a-z and digits 0-9");
            }
        }
        if (CONTEXT_ATTRIBUTES.contains(name)) {
            fail(name, QuotedInput.quote(name) + " is a CloudEvents context attribute, not an extension: set it through its own"
                    + " option or header");
        }
    }

    private static void requireNonEmpty(String attribute, String value) {
        if (value == null) {
            fail(attribute, "is required");
        }
        if (value.isEmpty()) {
            fail(attribute, "must not be empty");
        }
        requireString(attribute, value);
    }

    /** Rejects control characters (U+0000-U+001F, U+007F-U+009F) and surrogates that are not paired. */
    private static void requireString(String attribute, String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c <= 0x1F || c >= 0x7F && c <= 0x9F) {
                fail(attribute, "contains control character " + describe(c) + " at index " + i
                        + ": CloudEvents strings must not contain U+0000-U+001F or U+007F-U+009F");
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                    i++;
                    continue;
                }
                fail(attribute, "contains an unpaired surrogate " + describe(c) + " at index " + i);
            }
            if (Character.isLowSurrogate(c)) {
                fail(attribute, "contains an unpaired surrogate " + describe(c) + " at index " + i);
            }
        }
    }

    /** Checks that {@code value} is a URI-reference; returns whether it is an absolute URI. */
    private static boolean isAbsoluteUriReference(String attribute, String value) {
        Boolean absolute = URI_REFERENCES.get(value);
        return absolute != null ? absolute
                : URI_REFERENCES.remember(value, requireUriReference(attribute, value).isAbsolute());
    }

    private static URI requireUriReference(String attribute, String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c >= 0x80) {
                int codePoint = value.codePointAt(i);
                fail(attribute, QuotedInput.quote(value) + " is not a URI-reference (RFC 3986): it contains the non-ASCII"
                        + " character " + describe(codePoint) + " at index " + i + "; percent-encode it as UTF-8 ("
                        + percentEncoded(codePoint) + ")");
            }
        }
        try {
            return new URI(value);
        } catch (URISyntaxException e) {
            fail(attribute, QuotedInput.quote(value) + " is not a URI-reference (RFC 3986): " + e.getReason()
                    + " at index " + e.getIndex());
            return null;
        }
    }

    private static String percentEncoded(int codePoint) {
        StringBuilder out = new StringBuilder();
        for (byte b : new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8)) {
            out.append(String.format("%%%02X", b & 0xFF));
        }
        return out.toString();
    }

    private static String describe(int c) {
        String code = String.format("U+%04X", c);
        boolean printable = c > 0x20 && c < 0x7F || c > 0x9F && Character.isDefined(c)
                && Character.getType(c) != Character.SURROGATE && !Character.isWhitespace(c);
        return printable ? "'" + new String(Character.toChars(c)) + "' (" + code + ")" : code;
    }

    private static void fail(String attribute, String rule) {
        throw new InvalidCloudEventException(attribute, rule);
    }
}
