package dev.ossa.camel.events;

import java.util.Locale;

import org.apache.camel.CamelContext;
import org.apache.camel.ExtendedCamelContext;
import org.apache.camel.util.URISupport;

/**
 * Tells Camel which of our option keys hold secrets, where Camel decides by the key's name alone: the values of
 * {@code sinkHeaders.*} are secrets whatever the header is called ({@code X-Collector-Key} holds no word Camel knows).
 * <ul>
 * <li>Endpoint URIs, as Camel sanitizes them for JMX ObjectNames and attributes, logs and exception messages: any
 * parameter whose name holds {@code sinkHeaders} is masked.</li>
 * <li>camel-main's summary of the properties it set at startup: each {@code sinkHeaders} key set on the component is
 * added to the CamelContext's additional sensitive keywords, in the form camel-main compares (the key's last
 * dot-separated part, in lower case, without dashes).</li>
 * </ul>
 */
final class SensitiveOptionKeys {

    private static boolean urisMasked;

    private SensitiveOptionKeys() {
    }

    /** Makes Camel's URI sanitizing mask every {@code sinkHeaders.*} parameter, once per class loader. */
    static synchronized void maskSinkHeadersInUris() {
        if (!urisMasked) {
            URISupport.addSanitizeKeywords("sinkHeaders");
            urisMasked = true;
        }
    }

    /** Marks the component property {@code sinkHeaders[name]} (and {@code sinkHeaders.name}) as sensitive. */
    static synchronized void registerSinkHeader(CamelContext context, String name) {
        if (context == null) {
            return;
        }
        ExtendedCamelContext extension = context.getCamelContextExtension();
        String keywords = extension.getAdditionalSensitiveKeywords();
        StringBuilder added = new StringBuilder(keywords == null ? "" : keywords);
        for (String key : new String[] { "sinkHeaders[" + name + "]", "sinkHeaders." + name }) {
            String compared = lastPart(key);
            if (!added.toString().contains(compared)) {
                added.append(added.length() == 0 ? "" : ",").append(compared);
            }
        }
        extension.setAdditionalSensitiveKeywords(added.toString());
    }

    /** The part of a property key that Camel compares with its sensitive keywords. */
    private static String lastPart(String key) {
        int dot = key.lastIndexOf('.');
        return (dot < 0 ? key : key.substring(dot + 1)).toLowerCase(Locale.ENGLISH).replace("-", "");
    }
}
