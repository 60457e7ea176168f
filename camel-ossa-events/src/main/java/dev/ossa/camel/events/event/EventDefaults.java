package dev.ossa.camel.events.event;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What an endpoint contributes to every event it builds: its options, already merged over the component's.
 *
 * @param type            the endpoint's path: the default {@code type}
 * @param source          default {@code source}, or null
 * @param subject         default {@code subject}, or null
 * @param dataSchema      default {@code dataschema}, or null
 * @param dataContentType default {@code datacontenttype}, or null
 * @param extensions      default extension attributes, including the OSSA ones set as options, in option order
 */
public record EventDefaults(
        String type, String source, String subject, String dataSchema, String dataContentType,
        Map<String, Object> extensions) {

    public EventDefaults {
        extensions = Collections.unmodifiableMap(new LinkedHashMap<>(extensions));
    }
}
