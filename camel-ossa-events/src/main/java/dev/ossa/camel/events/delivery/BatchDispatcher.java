package dev.ossa.camel.events.delivery;

import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.LoggingLevel;
import org.apache.camel.processor.aggregate.AggregateProcessor;
import org.apache.camel.processor.errorhandler.DeadLetterChannel;
import org.apache.camel.spi.AggregationRepository;
import org.apache.camel.spi.CamelLogger;
import org.apache.camel.support.AsyncProcessorConverterHelper;
import org.apache.camel.support.DefaultExchange;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.builder.ExpressionBuilder;
import org.apache.camel.support.service.ServiceHelper;
import org.apache.camel.support.service.ServiceSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.ossa.camel.events.OssaEventsConfiguration;
import dev.ossa.camel.events.delivery.persist.BatchStores;
import dev.ossa.camel.events.delivery.persist.DurableAggregationRepository;
import dev.ossa.camel.events.event.OssaCloudEvent;
import dev.ossa.camel.events.format.JsonEventFormat;

/**
 * Batched delivery on Camel's Aggregator. A batch completes when it holds {@code batchSize} events, or at the latest
 * {@code flushInterval} after it started (the Aggregator's completion interval, which, unlike its completion timeout,
 * is not pushed back by each new event). Completed batches are delivered in order by one thread through Camel's
 * {@link DeadLetterChannel}, one sink message at a time ({@link SinkMessageSplitter}): {@code maximumRedeliveries}
 * retries with a doubling delay, then the {@link DeadLetterHandler}.
 * <p>
 * At most {@value #PENDING_BATCHES} × {@code batchSize} events are pending (accepted and neither delivered nor
 * dead-lettered), whatever the number of sender threads; a sender beyond that waits up to {@code acceptTimeout}, then
 * fails with a {@link PendingLimitException}.
 * <p>
 * A stop (of the stream, or of the CamelContext, which {@link BatchStreams} flushes first thing, before any route
 * stops, so that a sink that is itself a route still takes the events) forces every pending batch out and waits for its delivery, at most
 * {@code stopTimeout}: then what is still pending is dead-lettered, or its ids logged at ERROR, and counted as failed,
 * before the stop returns. New events are refused once a stop began.
 * <p>
 * With {@code persistent=true} or an {@code aggregationRepository} the Aggregator keeps its batches there (see
 * {@link BatchStores}); an event is accepted once the repository has it on disk, and what the repository still holds
 * at start is delivered, pending like an accepted event, and counted as recovered.
 */
public final class BatchDispatcher extends ServiceSupport implements EventDispatcher {

    /** Pending events per batch stream, at most, in batches of {@code batchSize}. */
    public static final int PENDING_BATCHES = 4;
    private static final Logger LOG = LoggerFactory.getLogger(BatchDispatcher.class);

    private final CamelContext context;
    private final SinkSender sender;
    private final OssaEventsConfiguration configuration;
    private final JsonEventFormat format;
    private final DeliveryCounters counters;
    private final String name;
    private final PendingEvents pending;
    private final StopDeadline stop;
    private DeliveryThread deliveryThread;
    private DeadLetterHandler deadLetter;
    private SinkMessageSplitter splitter;
    private AggregationRepository repository;
    private volatile AggregateProcessor aggregator;
    private final ReadWriteLock acceptance = new ReentrantReadWriteLock();
    private boolean accepting;

    public BatchDispatcher(CamelContext context, SinkSender sender, OssaEventsConfiguration configuration,
                           JsonEventFormat format, DeliveryCounters counters, String name) {
        this.context = context;
        this.sender = sender;
        this.configuration = configuration;
        this.format = format;
        this.counters = counters;
        this.name = name;
        this.pending = new PendingEvents(PENDING_BATCHES * configuration.getBatchSize());
        this.stop = new StopDeadline(configuration.getStopTimeout());
    }

    /**
     * Accepts the event into a batch, waiting up to {@code acceptTimeout} while the stream holds its limit of pending
     * events.
     *
     * @throws PendingLimitException when there was no room in time: the event was not accepted
     * @throws IllegalStateException when the dispatcher has begun to stop: the event was not accepted
     */
    @Override
    public void dispatch(OssaCloudEvent event) throws Exception {
        if (!pending.admit(event, configuration.getAcceptTimeout(), stop::isStopping)) {
            if (stop.isStopping()) {
                throw notAccepting(event);
            }
            throw new PendingLimitException(event.getId(), pending.limit(), sender.toString(),
                    configuration.getAcceptTimeout());
        }
        Lock lock = acceptance.readLock();
        lock.lock();
        try {
            if (!accepting) {
                pending.settle(event);
                throw notAccepting(event);
            }
            DurableAggregationRepository durable = repository instanceof DurableAggregationRepository d ? d : null;
            if (durable != null) {
                durable.prepare(event);
            }
            counters.accepted(event, true);
            Exchange exchange = new DefaultExchange(context);
            exchange.getIn().setBody(event);
            try {
                aggregator.process(exchange);
            } catch (Throwable e) {
                exchange.setException(BatchDelivery.asException(e));
            }
            if (exchange.getException() != null) {
                List<OssaCloudEvent> owned = pending.claim(List.of(event));
                counters.failed(owned, true);
                pending.release(owned);
                throw exchange.getException();
            }
            if (durable != null) {
                durable.awaitDurable();
            }
        } finally {
            lock.unlock();
        }
    }

    private IllegalStateException notAccepting(OssaCloudEvent event) {
        return new IllegalStateException("The ossa-events endpoint for " + sender + " is stopped: event "
                                         + event.getId() + " was not accepted");
    }

    @Override
    protected void doStart() throws Exception {
        stop.reset();
        deliveryThread = new DeliveryThread(name, this::afterTask);
        deadLetter = new DeadLetterHandler(context, configuration.getDeadLetterUri(), configuration.getSink(), format,
                pending, counters);
        DeadLetterChannel errorHandler = new DeadLetterChannel(
                context, new BatchDelivery(sender, pending, counters), retryLogger(), null,
                new StopAwareRedeliveryPolicy(configuration.getMaximumRedeliveries(),
                        configuration.getRedeliveryDelay(), stop),
                deadLetter, deadLetterName(), true, false, false, null, null, null, null);
        splitter = new SinkMessageSplitter(context, sender.writesBatches(), AsyncProcessorConverterHelper.convert(
                PluginHelper.getInternalProcessorFactory(context).addUnitOfWorkProcessorAdvice(context, errorHandler,
                        null)));
        aggregator = new AggregateProcessor(context, splitter, ExpressionBuilder.constantExpression(Boolean.TRUE),
                new EventBatchAggregationStrategy(configuration.getBatchSize()), deliveryThread, false);
        aggregator.setCompletionSize(configuration.getBatchSize());
        aggregator.setCompletionInterval(configuration.getFlushInterval());
        repository = BatchStores.repository(context, configuration, format);
        if (repository != null) {
            ServiceHelper.startService(repository);
            List<OssaCloudEvent> recovered = BatchStores.storedEvents(context, repository);
            // the built-in store hands the Aggregator these very events, so they are pending until delivered
            boolean tracked = repository instanceof DurableAggregationRepository;
            if (tracked) {
                pending.adopt(recovered);
            }
            counters.recovered(recovered, tracked);
            aggregator.setAggregationRepository(repository);
        }
        ServiceHelper.startService(deadLetter, splitter, aggregator);
        setAccepting(true);
    }

    /** Waits for the events being accepted right now; afterwards no event is accepted until started again. */
    private void setAccepting(boolean value) {
        Lock lock = acceptance.writeLock();
        lock.lock();
        try {
            accepting = value;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Sends every pending batch now, and waits until each event is delivered or dead-lettered, at most
     * {@code stopTimeout}; what is still pending then stays in the running stream.
     */
    public void flush() {
        if (!deliverPending(System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(configuration.getStopTimeout()))) {
            LOG.warn("{} OSSA events to {} were still pending {} ms after a flush began; they stay queued",
                    pending.size(), sender, configuration.getStopTimeout());
        }
    }

    /**
     * The first step of a stop: starts the {@code stopTimeout} clock and sends every open batch, without waiting. A
     * CamelContext stop takes it for every stream at once, then {@link #awaitDelivered()} for each, so that all
     * streams share one deadline.
     */
    public void beginStop() {
        stop.begin();
        forceOpenBatchesOut();
    }

    /** Waits until every pending event is delivered or dead-lettered, or the stop's deadline passed. */
    public void awaitDelivered() {
        awaitNone(stop.deadlineNanos());
    }

    private void forceOpenBatchesOut() {
        AggregateProcessor current = aggregator;
        if (current != null) {
            current.forceCompletionOfAllGroups();
        }
    }

    /** Forces the open batch out, then waits until nothing is pending or the deadline passed. */
    private boolean deliverPending(long deadlineNanos) {
        forceOpenBatchesOut();
        return awaitNone(deadlineNanos);
    }

    /**
     * Waits until the Aggregator has seen every batch it handed out finish, which is when it confirms the batch to a
     * persistent repository; a batch not confirmed before the store closes would be delivered again at the next start.
     */
    private void awaitBatchesDone(long deadlineNanos) {
        AggregateProcessor current = aggregator;
        while (current != null && current.getInProgressCompleteExchanges() > 0 && System.nanoTime() < deadlineNanos) {
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private boolean awaitNone(long deadlineNanos) {
        try {
            return pending.awaitNone(deadlineNanos);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    protected void doStop() throws Exception {
        stop.begin();
        setAccepting(false);
        if (!deliverPending(stop.deadlineNanos())) {
            giveUpOnPending();
        }
        awaitBatchesDone(stop.deadlineNanos());
        deliveryThread.shutdownNow();
        try {
            if (!deliveryThread.awaitTermination(1, TimeUnit.SECONDS)) {
                LOG.warn("The delivery thread of {} is still blocked in the sink after the stop", sender);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        ServiceHelper.stopAndShutdownService(aggregator);
        ServiceHelper.stopService(splitter, deadLetter);
        ServiceHelper.stopService(repository);
        aggregator = null;
        repository = null;
    }

    /**
     * After each task of the delivery thread: one that ended with a {@link Throwable} took its batch down with it, and
     * the batch's callback will never come, so its events not yet settled are dead-lettered or logged now.
     */
    private void afterTask(Throwable thrown) {
        Exchange batch = splitter.takeHandedOver();
        if (thrown == null || batch == null) {
            return;
        }
        BatchDelivery.abandon(batch);
        deadLetter.giveUp(pending.claim(EventBatchAggregationStrategy.events(batch)), thrown.toString(),
                "because the delivery threw");
    }

    /** The stop's time is up: every event still pending is dead-lettered, or its id logged, before the stop returns. */
    private void giveUpOnPending() {
        List<OssaCloudEvent> left = pending.claimAll();
        if (!left.isEmpty()) {
            deadLetter.giveUp(left, "not delivered within stopTimeout=" + stop.timeoutMillis() + " ms of the stop",
                    "before the stop's deadline");
        }
    }

    /** How many events this stream holds at most. */
    public int pendingLimit() {
        return pending.limit();
    }

    private static CamelLogger retryLogger() {
        return new CamelLogger(LoggerFactory.getLogger(BatchDispatcher.class), LoggingLevel.WARN);
    }

    private String deadLetterName() {
        String uri = configuration.getDeadLetterUri();
        return uri != null ? uri : "log:" + BatchDispatcher.class.getName() + "?level=ERROR";
    }
}
