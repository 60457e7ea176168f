package dev.ossa.camel.events.delivery.persist;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.spi.AggregationRepository;
import org.apache.camel.spi.RecoverableAggregationRepository;
import org.apache.camel.util.URISupport;

import dev.ossa.camel.events.OssaEventsConfiguration;
import dev.ossa.camel.events.event.OssaCloudEvent;
import dev.ossa.camel.events.format.JsonEventFormat;

/**
 * Where a batch stream keeps its batches: memory (no repository), the built-in store of {@code persistent=true}, or
 * the user's {@code aggregationRepository}.
 */
public final class BatchStores {

    private BatchStores() {
    }

    /** The repository for these options, not started; null for batches in memory. */
    public static AggregationRepository repository(CamelContext context, OssaEventsConfiguration configuration,
                                                   JsonEventFormat format) {
        if (configuration.getAggregationRepository() != null) {
            return new EncodingAggregationRepository(context, configuration.getAggregationRepository(),
                    new EventCodec(format));
        }
        if (configuration.isPersistent()) {
            return new JournalAggregationRepository(context, directory(configuration), new EventCodec(format));
        }
        return null;
    }

    /**
     * The built-in store of a sink: a subdirectory of {@code persistenceDirectory} named after the sink's scheme and a
     * hash of its URI with secrets masked, so that a changed password still finds the events stored before.
     */
    public static Path directory(OssaEventsConfiguration configuration) {
        String sink = URISupport.sanitizeUri(configuration.getSink());
        int colon = sink.indexOf(':');
        String scheme = (colon > 0 ? sink.substring(0, colon) : sink).replaceAll("[^A-Za-z0-9-]", "_");
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(sink.getBytes(StandardCharsets.UTF_8));
            return Path.of(configuration.getPersistenceDirectory())
                    .resolve(scheme + "-" + HexFormat.of().formatHex(hash, 0, 6));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The events a started repository holds: in open batches, and in completed batches it would recover. */
    public static List<OssaCloudEvent> storedEvents(CamelContext context, AggregationRepository repository) {
        List<OssaCloudEvent> events = new ArrayList<>();
        for (String key : repository.getKeys()) {
            addEvents(events, repository.get(context, key));
        }
        if (repository instanceof RecoverableAggregationRepository recoverable && recoverable.isUseRecovery()) {
            Set<String> completed = recoverable.scan(context);
            for (String exchangeId : completed) {
                addEvents(events, recoverable.recover(context, exchangeId));
            }
        }
        return events;
    }

    private static void addEvents(List<OssaCloudEvent> events, Exchange batch) {
        if (batch != null) {
            events.addAll(BatchExchanges.events(batch));
        }
    }
}
