package dev.ossa.camel.events.binding;

import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.camel.CamelContext;
import org.apache.camel.util.URISupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.ossa.camel.events.OssaEventsConfiguration;
import dev.ossa.camel.events.OssaEventsMode;
import dev.ossa.camel.events.event.QuotedInput;
import dev.ossa.camel.events.format.JsonEventFormat;

/**
 * Picks the binding for a sink URI by its scheme, and rejects a {@code mode} the sink has no binding for. Warns, once
 * per endpoint, when {@code mode=batch} has {@code batchSize=1}: arrays of one event, most likely not what was meant.
 */
public final class SinkBindings {

    /** The built-in sink that prints JSON Lines to standard output. */
    public static final String STDOUT = "stdout";
    /** camel-kafka's option that gives each record of a list body its own headers. */
    private static final String KAFKA_INDIVIDUAL_HEADERS = "batchWithIndividualHeaders";
    private static final Logger LOG = LoggerFactory.getLogger(SinkBindings.class);

    private SinkBindings() {
    }

    /** The scheme of a sink URI in lower case: {@code stdout}, {@code log}, {@code http}, {@code kafka} ... */
    public static String scheme(String sinkUri) {
        int colon = sinkUri.indexOf(':');
        return (colon < 0 ? sinkUri : sinkUri.substring(0, colon)).toLowerCase(Locale.ROOT);
    }

    /**
     * @throws IllegalArgumentException when the sink has no binding for the configured mode
     */
    public static SinkBinding create(CamelContext context, OssaEventsConfiguration configuration,
                                     JsonEventFormat format) {
        SinkBinding binding = bindingFor(context, configuration, format);
        if (configuration.getMode() == OssaEventsMode.batch && configuration.getBatchSize() == 1) {
            LOG.warn("mode=batch with batchSize=1: every event to {} is sent at once, alone, as a JSON array of one."
                     + " Set batchSize above 1 (and flushInterval) to send several events per message, or"
                     + " mode=structured to send each event as a JSON object",
                    URISupport.sanitizeUri(configuration.getSink()));
        }
        return binding;
    }

    private static SinkBinding bindingFor(CamelContext context, OssaEventsConfiguration configuration,
                                          JsonEventFormat format) {
        String sink = configuration.getSink();
        if (sink == null || sink.isBlank()) {
            throw new IllegalArgumentException("Option sink must not be empty: use stdout or a Camel endpoint URI");
        }
        String scheme = scheme(sink);
        OssaEventsMode mode = configuration.getMode();
        SinkHeaders headers = new SinkHeaders(configuration.getSinkHeaders());
        switch (scheme) {
            case "http", "https":
                return new HttpBinding(format, mode, headers, sink);
            case "kafka":
                if (mode == OssaEventsMode.batch) {
                    throw new IllegalArgumentException("mode=batch has no Kafka binding: the CloudEvents Kafka binding"
                            + " defines one event per record. Use mode=structured or mode=binary with batchSize > 1:"
                            + " a batch of N events becomes N records sent together");
                }
                checkKafkaSinkOptions(sink);
                checkKeyField(configuration.getKeyField());
                return new KafkaBinding(context, format, mode, configuration.getKeyField(), headers, sink);
            default:
                if (mode == OssaEventsMode.binary) {
                    throw new IllegalArgumentException("mode=binary is defined for http, https and kafka sinks only;"
                            + " sink " + QuotedInput.quote(scheme) + " takes mode=structured or mode=batch");
                }
                if (scheme.equals(STDOUT) && sink.length() == STDOUT.length()) {
                    return new StdoutBinding(format, configuration.isPretty());
                }
                boolean log = scheme.equals("log");
                return new StructuredBinding(format, mode == OssaEventsMode.batch, log && configuration.isPretty(),
                        log, headers);
        }
    }

    /**
     * Options the sink endpoint needs for the binding to work, added unless the sink URI sets them: HTTP answers are
     * checked by the binding and failed requests are retried by the component only (see {@link HttpClientNoRetries});
     * Kafka values are written as bytes, and each record of a sink message gets its own headers.
     */
    public static Map<String, Object> endpointDefaults(String sinkUri) {
        return switch (scheme(sinkUri)) {
            case "http", "https" -> Map.of("throwExceptionOnFailure", "false",
                    "httpClient.retryStrategy", "#class:dev.ossa.camel.events.binding.HttpClientNoRetries");
            case "kafka" -> Map.of("valueSerializer", "org.apache.kafka.common.serialization.ByteArraySerializer",
                    KAFKA_INDIVIDUAL_HEADERS, "true");
            default -> Map.of();
        };
    }

    /** A key field that can never match an attribute would silently send every record without a key. */
    private static void checkKeyField(String keyField) {
        if (keyField != null && !keyField.matches("[a-z0-9]+")) {
            throw new IllegalArgumentException("Option keyField must be a CloudEvents attribute name, of lower-case"
                    + " a-z and digits 0-9 only (e.g. ossaagentid, subject, partitionkey); was " + QuotedInput.quote(keyField));
        }
    }

    /** Rejects camel-kafka options that would send a list of records as one record, or without their headers. */
    private static void checkKafkaSinkOptions(String sink) {
        String query = URISupport.extractQuery(sink);
        if (query == null) {
            return;
        }
        Map<String, Object> options;
        try {
            options = URISupport.parseQuery(query, true, true);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("Invalid sink URI " + URISupport.sanitizeUri(sink) + ": "
                                               + e.getMessage(), e);
        }
        for (String option : List.of("useIterator", KAFKA_INDIVIDUAL_HEADERS)) {
            Object value = options.get(option);
            if (value != null && !"true".equalsIgnoreCase(value.toString().trim())) {
                throw new IllegalArgumentException("Kafka sink option " + option + "=" + value + " is not supported:"
                        + " every event is its own record with its own ce_ headers and key, which needs " + option
                        + "=true (set by default)");
            }
        }
    }
}
