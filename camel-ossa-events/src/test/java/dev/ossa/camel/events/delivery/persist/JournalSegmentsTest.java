package dev.ossa.camel.events.delivery.persist;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.ossa.camel.events.event.EventData;
import dev.ossa.camel.events.event.OssaCloudEvent;
import dev.ossa.camel.events.format.JsonEventFormat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The journal in small segments, through the repository's contract as the Aggregator uses it: segments whose batches
 * are all confirmed are deleted, and reopening finds exactly the batches not confirmed, also when a batch continued
 * across segments and across a reopen, and its start is in a segment deleted since.
 */
class JournalSegmentsTest {

    private static final EventCodec CODEC = new EventCodec(new JsonEventFormat(JsonEventFormat.defaultMapper()));
    private static final long SEGMENT = 8 * 1024;

    @TempDir
    Path store;

    private final CamelContext context = new DefaultCamelContext();
    private int nextId;

    @Test
    void confirmedSegmentsGoAndReopeningFindsOnlyWhatIsNotConfirmed() throws Exception {
        JournalAggregationRepository repository = open();
        List<String> confirmedIds = new ArrayList<>();
        for (int batch = 0; batch < 20; batch++) {
            Exchange exchange = fill(repository, "k", 10);
            repository.remove(context, "k", exchange);
            repository.confirm(context, exchange.getExchangeId());
            confirmedIds.add(exchange.getExchangeId());
        }
        assertTrue(segments() <= 2, "segments left after every batch was confirmed: " + segments());

        Exchange completed = fill(repository, "k", 30);
        repository.remove(context, "k", completed);
        Exchange open = fill(repository, "k", 25);
        repository.stop();

        repository = open();
        assertEquals(List.copyOf(repository.scan(context)), List.of(completed.getExchangeId()));
        assertEquals(ids(completed), ids(repository.recover(context, completed.getExchangeId())));
        assertEquals(ids(open), ids(repository.get(context, "k")));
        assertEquals(25, repository.get(context, "k").getProperty(Exchange.AGGREGATED_SIZE, Integer.class));
        repository.stop();
    }

    @Test
    void aBatchContinuedAfterAReopenAndConfirmedLeavesNothingBehind() throws Exception {
        JournalAggregationRepository repository = open();
        fill(repository, "k", 40);
        repository.stop();

        repository = open();
        Exchange continued = repository.get(context, "k");
        add(repository, "k", continued, 40);
        repository.remove(context, "k", continued);
        assertEquals(80, BatchExchanges.events(continued).size());
        repository.confirm(context, continued.getExchangeId());
        Exchange later = fill(repository, "k", 5);
        repository.stop();

        repository = open();
        assertTrue(repository.scan(context).isEmpty(), "the confirmed batch is not recovered");
        assertEquals(ids(later), ids(repository.get(context, "k")));
        repository.remove(context, "k", repository.get(context, "k"));
        repository.confirm(context, later.getExchangeId());
        repository.stop();
        assertEquals(0, segments(), "a store with every batch confirmed is empty after a stop");

        repository = open();
        assertNull(repository.get(context, "k"));
        repository.stop();
    }

    private JournalAggregationRepository open() throws Exception {
        JournalAggregationRepository repository = new JournalAggregationRepository(context, store, CODEC, SEGMENT);
        repository.start();
        return repository;
    }

    /** A new batch of {@code count} events, added one by one as the Aggregator does. */
    private Exchange fill(JournalAggregationRepository repository, String key, int count) {
        Exchange batch = new DefaultExchange(context);
        batch.getIn().setBody(new ArrayList<OssaCloudEvent>());
        add(repository, key, batch, count);
        return batch;
    }

    private void add(JournalAggregationRepository repository, String key, Exchange batch, int count) {
        for (int i = 0; i < count; i++) {
            BatchExchanges.events(batch).add(OssaCloudEvent.builder().id("e" + nextId++).source("/agents/journal")
                    .type("dev.ossa.state.updated").dataContentType("application/json")
                    .data(new EventData.Json(("{\"padding\":\"" + "x".repeat(200) + "\"}").getBytes(StandardCharsets.UTF_8))).build());
            repository.add(context, key, batch);
        }
    }

    private static List<String> ids(Exchange batch) {
        return BatchExchanges.events(batch).stream().map(OssaCloudEvent::getId).toList();
    }

    private long segments() throws Exception {
        try (Stream<Path> files = Files.list(store)) {
            return files.filter(f -> f.getFileName().toString().startsWith(JournalSegment.PREFIX)).count();
        }
    }
}
