package dev.ossa.camel.events.springboot;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.util.URISupport;
import org.springframework.boot.actuate.endpoint.SanitizableData;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;

/**
 * Masks the component's secrets in {@code /actuator/env} and {@code /actuator/configprops} when those endpoints show
 * values: every option the component's metadata marks secret (such as each {@code sink-headers.*} value) is replaced
 * whole, and the passwords and keys in the {@code sink} and {@code dead-letter-uri} URIs as Camel masks them in its
 * logs. Keys are compared in Spring Boot's relaxed form, so {@code sink-headers}, {@code sinkHeaders} and
 * {@code CAMEL_COMPONENT_OSSAEVENTS_SINKHEADERS_...} are alike.
 */
public class OssaEventsSecretsSanitizer implements SanitizingFunction {

    static final String METADATA = "META-INF/dev/ossa/camel/events/ossa-events.json";
    private static final String PREFIX = "camel.component.ossaevents.";
    private static final Set<String> URI_OPTIONS = Set.of("sink", "deadletteruri");

    private final Set<String> secretOptions;

    public OssaEventsSecretsSanitizer() {
        this.secretOptions = secretOptions();
    }

    @Override
    public SanitizableData apply(SanitizableData data) {
        String option = option(data.getKey());
        if (option == null) {
            return data;
        }
        if (secretOptions.contains(option)) {
            return data.withSanitizedValue();
        }
        if (URI_OPTIONS.contains(option) && data.getValue() instanceof CharSequence uri) {
            return data.withValue(URISupport.sanitizeUri(uri.toString()));
        }
        return data;
    }

    /**
     * The option a key names, in relaxed form (lower case, no dashes), or null when it is not one of this component's.
     * A key of the configprops report that names a secret option without the prefix counts too.
     */
    private String option(String key) {
        if (key == null) {
            return null;
        }
        String relaxed = key.toLowerCase(Locale.ROOT).replace('_', '.').replace("-", "");
        boolean prefixed = relaxed.startsWith(PREFIX);
        String rest = prefixed ? relaxed.substring(PREFIX.length()) : relaxed;
        int end = rest.length();
        for (int i = 0; i < rest.length(); i++) {
            if (rest.charAt(i) == '.' || rest.charAt(i) == '[') {
                end = i;
                break;
            }
        }
        String option = rest.substring(0, end);
        if (!prefixed && !secretOptions.contains(option)) {
            return null;
        }
        return option;
    }

    /** The options that the component's metadata marks secret, in relaxed form. */
    private static Set<String> secretOptions() {
        try (InputStream in = OssaEventsSecretsSanitizer.class.getClassLoader().getResourceAsStream(METADATA)) {
            if (in == null) {
                throw new IllegalStateException("The ossa-events component metadata " + METADATA + " is missing");
            }
            JsonNode metadata = new ObjectMapper().readTree(in);
            Set<String> secrets = new HashSet<>();
            for (String section : new String[] { "componentProperties", "properties" }) {
                metadata.path(section).properties().forEach(option -> {
                    if (option.getValue().path("secret").asBoolean(false)) {
                        secrets.add(option.getKey().toLowerCase(Locale.ROOT));
                    }
                });
            }
            return Set.copyOf(secrets);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
