package dev.ossa.camel.events.delivery.persist;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangePropertyKey;
import org.apache.camel.processor.aggregate.AggregateProcessor;
import org.apache.camel.spi.RecoverableAggregationRepository;
import org.apache.camel.support.service.ServiceSupport;

import dev.ossa.camel.events.event.OssaCloudEvent;

/**
 * The built-in persistent aggregation repository of {@code persistent=true}: Camel's
 * {@link RecoverableAggregationRepository} contract on an {@link EventJournal} in a directory, with no server.
 * <p>
 * Each event is written once, as its own record, when the Aggregator adds it to its batch (or completes the batch
 * with it): the batch is never rewritten, so the cost of an event does not grow with the batch. The batch's exchange
 * stays in memory for the Aggregator, as in Camel's memory repository. Completing a batch ({@code remove}) and
 * confirming its delivery ({@code confirm}) are one small record each. At start the events of batches not yet
 * confirmed are read back: open batches continue (the Aggregator completes them within {@code flushInterval}),
 * completed ones are handed to the Aggregator's recovery, which delivers them again.
 * <p>
 * The batch's exchange is expected to hold a {@code List} of events that only grows, as the component's aggregation
 * strategy makes it.
 */
public final class JournalAggregationRepository extends ServiceSupport
        implements RecoverableAggregationRepository, DurableAggregationRepository {

    private final CamelContext context;
    private final Path directory;
    private final EventCodec codec;
    private final long segmentBytes;
    private EventJournal journal;
    private final Map<String, Batch> open = new HashMap<>();
    private final Map<String, Batch> completed = new LinkedHashMap<>();
    /** The stored form of the event this thread prepared last. */
    private final ThreadLocal<Prepared> prepared = new ThreadLocal<>();
    private long recoveryInterval = 5000;
    private boolean useRecovery = true;
    private String deadLetterUri;
    private int maximumRedeliveries;

    private record Prepared(OssaCloudEvent event, byte[] stored) {
    }

    /** A batch's stored state and the exchange the Aggregator works on. */
    private static final class Batch {
        final StoredBatch stored;
        Exchange exchange;
        int storedEvents;

        Batch(StoredBatch stored, Exchange exchange, int storedEvents) {
            this.stored = stored;
            this.exchange = exchange;
            this.storedEvents = storedEvents;
        }
    }

    public JournalAggregationRepository(CamelContext context, Path directory, EventCodec codec) {
        this(context, directory, codec, EventJournal.SEGMENT_BYTES);
    }

    JournalAggregationRepository(CamelContext context, Path directory, EventCodec codec, long segmentBytes) {
        this.context = context;
        this.directory = directory;
        this.codec = codec;
        this.segmentBytes = segmentBytes;
    }

    /** The directory of the store. */
    public Path getDirectory() {
        return directory;
    }

    @Override
    public synchronized Exchange add(CamelContext camelContext, String key, Exchange exchange) {
        requireOpen();
        Batch batch = open.get(key);
        Exchange previous = batch == null ? null : batch.exchange;
        try {
            if (batch == null) {
                batch = start(key, exchange);
                open.put(key, batch);
            }
            batch.exchange = exchange;
            storeNewEvents(batch);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return previous;
    }

    @Override
    public synchronized Exchange get(CamelContext camelContext, String key) {
        Batch batch = open.get(key);
        return batch == null ? null : batch.exchange;
    }

    @Override
    public synchronized void remove(CamelContext camelContext, String key, Exchange exchange) {
        requireOpen();
        Batch batch = open.remove(key);
        try {
            if (batch == null) {
                batch = start(key, exchange);
            }
            batch.exchange = exchange;
            storeNewEvents(batch);
            journal.completed(batch.stored);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        completed.put(exchange.getExchangeId(), batch);
    }

    @Override
    public void confirm(CamelContext camelContext, String exchangeId) {
        confirmWithResult(camelContext, exchangeId);
    }

    @Override
    public synchronized boolean confirmWithResult(CamelContext camelContext, String exchangeId) {
        if (journal == null) {
            return false;
        }
        Batch batch = completed.remove(exchangeId);
        if (batch != null) {
            try {
                journal.confirmed(batch.stored);
            } catch (IOException e) {
                completed.put(exchangeId, batch);
                return false;
            }
        }
        return true;
    }

    @Override
    public synchronized Set<String> getKeys() {
        return new LinkedHashSet<>(open.keySet());
    }

    @Override
    public synchronized Set<String> scan(CamelContext camelContext) {
        return new LinkedHashSet<>(completed.keySet());
    }

    @Override
    public synchronized Exchange recover(CamelContext camelContext, String exchangeId) {
        Batch batch = completed.get(exchangeId);
        if (batch == null) {
            return null;
        }
        Exchange recovered = BatchExchanges.rebuild(context, exchangeId, batch.stored.key,
                new ArrayList<>(BatchExchanges.events(batch.exchange)));
        // the Aggregator's statistics need a reason (Camel 4.18 fails without one); one read back at start is unknown
        recovered.setProperty(ExchangePropertyKey.AGGREGATED_COMPLETED_BY,
                batch.exchange.getProperty(ExchangePropertyKey.AGGREGATED_COMPLETED_BY,
                        AggregateProcessor.COMPLETED_BY_FORCE, String.class));
        return recovered;
    }

    @Override
    public void prepare(OssaCloudEvent event) {
        prepared.set(new Prepared(event, codec.encode(event)));
    }

    /** The stored form of the event: the one this thread prepared, or encoded now. */
    private byte[] encode(OssaCloudEvent event) {
        Prepared ready = prepared.get();
        if (ready != null && ready.event() == event) {
            prepared.remove();
            return ready.stored();
        }
        return codec.encode(event);
    }

    @Override
    public void awaitDurable() throws IOException, InterruptedException {
        EventJournal current;
        synchronized (this) {
            requireOpen();
            current = journal;
        }
        current.awaitDurable();
    }

    private void requireOpen() {
        if (journal == null) {
            throw new IllegalStateException("The OSSA events store " + directory + " is closed");
        }
    }

    private Batch start(String key, Exchange exchange) throws IOException {
        List<OssaCloudEvent> events = BatchExchanges.events(exchange);
        StoredBatch stored = journal.open(key, exchange.getExchangeId(), encode(events.get(0)));
        return new Batch(stored, exchange, 1);
    }

    private void storeNewEvents(Batch batch) throws IOException {
        List<OssaCloudEvent> events = BatchExchanges.events(batch.exchange);
        for (int i = batch.storedEvents; i < events.size(); i++) {
            journal.event(batch.stored, encode(events.get(i)));
            batch.storedEvents = i + 1;
        }
    }

    @Override
    protected synchronized void doStart() throws Exception {
        journal = EventJournal.open(directory, segmentBytes);
        try {
            for (StoredBatch stored : journal.recovered()) {
                List<OssaCloudEvent> events = new ArrayList<>(stored.events.size());
                for (byte[] event : stored.events) {
                    events.add(decode(event));
                }
                stored.events.clear();
                Exchange exchange = BatchExchanges.rebuild(context, stored.exchangeId, stored.key, events);
                Batch batch = new Batch(stored, exchange, events.size());
                if (stored.completed) {
                    completed.put(stored.exchangeId, batch);
                } else {
                    open.put(stored.key, batch);
                }
            }
        } catch (IOException | RuntimeException e) {
            journal.close();
            journal = null;
            open.clear();
            completed.clear();
            throw e;
        }
    }

    private OssaCloudEvent decode(byte[] event) throws IOException {
        try {
            return codec.decode(event);
        } catch (IOException e) {
            throw new IOException("The OSSA events store " + directory + " holds an event it cannot read back ("
                                  + e.getMessage() + "), so it is not opened. Move the directory away to start with"
                                  + " an empty store (its events are then not delivered).", e);
        }
    }

    @Override
    protected synchronized void doStop() throws Exception {
        if (journal != null) {
            journal.close();
            journal = null;
        }
        open.clear();
        completed.clear();
    }

    @Override
    public void setRecoveryInterval(long interval, TimeUnit timeUnit) {
        this.recoveryInterval = timeUnit.toMillis(interval);
    }

    @Override
    public void setRecoveryInterval(long interval) {
        this.recoveryInterval = interval;
    }

    @Override
    public long getRecoveryInterval() {
        return recoveryInterval;
    }

    @Override
    public void setUseRecovery(boolean useRecovery) {
        this.useRecovery = useRecovery;
    }

    @Override
    public boolean isUseRecovery() {
        return useRecovery;
    }

    @Override
    public void setDeadLetterUri(String deadLetterUri) {
        this.deadLetterUri = deadLetterUri;
    }

    @Override
    public String getDeadLetterUri() {
        return deadLetterUri;
    }

    @Override
    public void setMaximumRedeliveries(int maximumRedeliveries) {
        this.maximumRedeliveries = maximumRedeliveries;
    }

    @Override
    public int getMaximumRedeliveries() {
        return maximumRedeliveries;
    }

    @Override
    public String toString() {
        return "JournalAggregationRepository[" + directory + "]";
    }
}
