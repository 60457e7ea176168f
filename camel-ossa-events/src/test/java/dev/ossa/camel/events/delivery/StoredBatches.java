package dev.ossa.camel.events.delivery;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.spi.AggregationRepository;
import org.apache.camel.support.DefaultExchange;
import org.apache.camel.support.service.ServiceHelper;

import dev.ossa.camel.events.OssaEventsConfiguration;
import dev.ossa.camel.events.delivery.persist.BatchStores;
import dev.ossa.camel.events.delivery.persist.EncodingAggregationRepository;
import dev.ossa.camel.events.delivery.persist.EventCodec;
import dev.ossa.camel.events.delivery.persist.JournalAggregationRepository;
import dev.ossa.camel.events.event.EventData;
import dev.ossa.camel.events.event.OssaCloudEvent;
import dev.ossa.camel.events.format.JsonEventFormat;

/**
 * Leaves events in a store as a process that died before delivering them would: an open batch, added through the
 * repository's own contract, then the repository closed without completing or confirming it.
 */
final class StoredBatches {

    static final EventCodec CODEC = new EventCodec(new JsonEventFormat(JsonEventFormat.defaultMapper()));

    private StoredBatches() {
    }

    /**
     * The built-in store of {@code sink} (as in an endpoint URI, perhaps in {@code RAW(...)}) under
     * {@code persistenceDirectory}, holding {@code count} events.
     */
    static Path inJournal(Path persistenceDirectory, String sink, int count) throws Exception {
        return inJournal(persistenceDirectory, sink, count, false);
    }

    /** The same, the batch completed by the Aggregator (handed to delivery) and never confirmed when completed. */
    static Path inJournal(Path persistenceDirectory, String sink, int count, boolean completed) throws Exception {
        OssaEventsConfiguration configuration = new OssaEventsConfiguration();
        configuration.setSink(sink.startsWith("RAW(") ? sink.substring(4, sink.length() - 1) : sink);
        configuration.setPersistenceDirectory(persistenceDirectory.toString());
        Path store = BatchStores.directory(configuration);
        CamelContext context = new DefaultCamelContext();
        leaveBatch(context, new JournalAggregationRepository(context, store, CODEC), count, completed);
        return store;
    }

    /** Leaves an open batch of {@code count} events in a user's repository, seen through the component's encoding. */
    static void inRepository(AggregationRepository repository, int count) throws Exception {
        CamelContext context = new DefaultCamelContext();
        leaveBatch(context, new EncodingAggregationRepository(context, repository, CODEC), count, false);
    }

    private static void leaveBatch(CamelContext context, AggregationRepository repository, int count,
                                   boolean completed) throws Exception {
        ServiceHelper.startService(repository);
        Exchange batch = new DefaultExchange(context);
        batch.getIn().setBody(new ArrayList<>(events(count)));
        repository.add(context, "true", batch);
        if (completed) {
            repository.remove(context, "true", batch);
        }
        ServiceHelper.stopService(repository);
    }

    static List<OssaCloudEvent> events(int count) {
        List<OssaCloudEvent> events = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            events.add(OssaCloudEvent.builder().id("stored-" + i).source("/agents/stored")
                    .type("dev.ossa.tool.called").dataContentType("application/json")
                    .extension("ossaagentid", "planner").data(new EventData.Json(("{\"n\":" + i + "}").getBytes(StandardCharsets.UTF_8))).build());
        }
        return events;
    }
}
