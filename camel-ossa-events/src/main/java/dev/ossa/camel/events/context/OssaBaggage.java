package dev.ossa.camel.events.context;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.ossa.camel.events.OssaEventsConstants;

/**
 * A W3C {@code baggage} header read for the keys of the OSSA Python SDK's tracing module: {@code ossa.agent_id},
 * {@code ossa.interaction_id}, {@code ossa.trace_id}, {@code ossa.span_id}, {@code ossa.parent_agent_id},
 * {@code ossa.workflow_id} and {@code ossa.tenant_id}. Values are percent-decoded UTF-8; properties after {@code ;}
 * are ignored; a malformed entry (no {@code =}, a key that is not a token, a character outside the baggage octets, a
 * bad percent-escape or invalid UTF-8, a control character) is skipped and logged at DEBUG. Other keys are kept as
 * they came, so that a scope that writes the header again passes them on.
 */
public final class OssaBaggage {

    /** Baggage key to the OSSA extension attribute it gives. */
    public static final Map<String, String> KEYS = keys();

    private static final Logger LOG = LoggerFactory.getLogger(OssaBaggage.class);

    private final Map<String, String> ossa;
    private final List<String> others;

    private OssaBaggage(Map<String, String> ossa, List<String> others) {
        this.ossa = ossa;
        this.others = others;
    }

    /**
     * Parses a header value: a String or UTF-8 {@code byte[]} (a Kafka record header), or a collection of them (several
     * {@code baggage} headers); null is empty.
     */
    public static OssaBaggage parse(Object header) {
        Map<String, String> ossa = new LinkedHashMap<>();
        List<String> others = new ArrayList<>();
        String text = header instanceof Collection<?> values
                ? values.stream().map(HeaderText::of).collect(Collectors.joining(","))
                : HeaderText.of(header);
        if (text != null) {
            for (String member : text.split(",")) {
                readMember(member.strip(), ossa, others);
            }
        }
        return new OssaBaggage(ossa, others);
    }

    /** OSSA extension attribute name to value, for the OSSA keys the header holds. */
    public Map<String, String> attributes() {
        Map<String, String> attributes = new LinkedHashMap<>();
        ossa.forEach((key, value) -> attributes.put(KEYS.get(key), value));
        return attributes;
    }

    /** A copy whose OSSA keys hold the given attributes (by extension attribute name); null values are left out. */
    public OssaBaggage with(Map<String, String> attributes) {
        Map<String, String> updated = new LinkedHashMap<>();
        KEYS.forEach((key, attribute) -> {
            String value = attributes.get(attribute);
            if (value != null) {
                updated.put(key, value);
            }
        });
        return new OssaBaggage(updated, others);
    }

    /** The header value: the OSSA entries percent-encoded, then the other entries as they came. */
    public String header() {
        List<String> members = new ArrayList<>();
        ossa.forEach((key, value) -> members.add(key + "=" + encode(value)));
        members.addAll(others);
        return String.join(",", members);
    }

    private static void readMember(String member, Map<String, String> ossa, List<String> others) {
        if (member.isEmpty()) {
            return;
        }
        int semicolon = member.indexOf(';');
        String pair = semicolon < 0 ? member : member.substring(0, semicolon);
        int equals = pair.indexOf('=');
        String key = equals < 0 ? "" : pair.substring(0, equals).strip();
        if (!isToken(key)) {
            LOG.debug("Ignoring baggage entry '{}': no key=value with a token as key", member);
            return;
        }
        if (!KEYS.containsKey(key)) {
            others.add(member);
            return;
        }
        String value = decode(pair.substring(equals + 1).strip());
        if (value == null || value.isEmpty()) {
            LOG.debug("Ignoring baggage entry '{}': the value is empty or not percent-encoded UTF-8 without"
                      + " control characters", member);
            return;
        }
        ossa.put(key, value);
    }

    private static boolean isToken(String key) {
        if (key.isEmpty()) {
            return false;
        }
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if (c <= ' ' || c >= 0x7f || "\"(),/:;<=>?@[\\]{}".indexOf(c) >= 0) {
                return false;
            }
        }
        return true;
    }

    private static boolean isBaggageOctet(char c) {
        return c >= 0x21 && c <= 0x7e && c != '"' && c != ',' && c != ';' && c != '\\';
    }

    /** Percent-decodes UTF-8; null when an octet, an escape or the UTF-8 is invalid or a control character results. */
    private static String decode(String value) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (!isBaggageOctet(c)) {
                return null;
            }
            if (c == '%') {
                if (i + 2 >= value.length()) {
                    return null;
                }
                int high = Character.digit(value.charAt(i + 1), 16);
                int low = Character.digit(value.charAt(i + 2), 16);
                if (high < 0 || low < 0) {
                    return null;
                }
                bytes.write(high << 4 | low);
                i += 2;
            } else {
                bytes.write(c);
            }
        }
        try {
            String decoded = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes.toByteArray()))
                    .toString();
            return decoded.chars().anyMatch(Character::isISOControl) ? null : decoded;
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    private static String encode(String value) {
        StringBuilder encoded = new StringBuilder();
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if (isBaggageOctet(c) && c != '%') {
                encoded.append(c);
            } else {
                encoded.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return encoded.toString();
    }

    private static Map<String, String> keys() {
        Map<String, String> keys = new LinkedHashMap<>();
        keys.put("ossa.agent_id", OssaEventsConstants.AGENT_ID_ATTRIBUTE);
        keys.put("ossa.interaction_id", OssaEventsConstants.INTERACTION_ID_ATTRIBUTE);
        keys.put("ossa.trace_id", OssaEventsConstants.TRACE_ID_ATTRIBUTE);
        keys.put("ossa.span_id", OssaEventsConstants.SPAN_ID_ATTRIBUTE);
        keys.put("ossa.parent_agent_id", OssaEventsConstants.PARENT_AGENT_ID_ATTRIBUTE);
        keys.put("ossa.workflow_id", OssaEventsConstants.WORKFLOW_ID_ATTRIBUTE);
        keys.put("ossa.tenant_id", OssaEventsConstants.TENANT_ID_ATTRIBUTE);
        return Collections.unmodifiableMap(keys);
    }
}
