package dev.ossa.camel.events.delivery;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

import org.apache.camel.AsyncProcessor;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.LoggingLevel;
import org.apache.camel.Predicate;
import org.apache.camel.processor.aggregate.AggregateProcessor;
import org.apache.camel.processor.errorhandler.DeadLetterChannel;
import org.apache.camel.processor.errorhandler.RedeliveryPolicy;
import org.apache.camel.spi.AggregationRepository;
import org.apache.camel.spi.CamelLogger;
import org.apache.camel.spi.LifecycleStrategy;
import org.apache.camel.support.AsyncProcessorConverterHelper;
import org.apache.camel.support.DefaultExchange;
import org.apache.camel.support.LifecycleStrategySupport;
import org.apache.camel.support.builder.ExpressionBuilder;
import org.apache.camel.support.PluginHelper;
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
 * {@link DeadLetterChannel}: {@code maximumRedeliveries} retries with a doubling delay (-1: until a stop begins), then
 * the {@link DeadLetterHandler}. Stopping forces every pending batch out and waits for its delivery; so does the start
 * of a CamelContext stop, before any route stops, so that a sink that is itself a route still takes them.
 * <p>
 * When batches complete faster than the sink takes them, at most {@value #QUEUED_BATCHES} wait (plus those
 * {@link BatchDelivery} has sent and awaits an answer for); then senders wait too, so memory stays bounded and
 * nothing is dropped. Once a stop begins, new events are refused with an exception rather than accepted into a batch
 * that could no longer leave.
 * <p>
 * With {@code persistent=true} or an {@code aggregationRepository} the Aggregator keeps its batches there (see
 * {@link BatchStores}); an event is accepted once the repository has it on disk, and what the repository still holds
 * at start is delivered and counted as recovered.
 */
public final class BatchDispatcher extends ServiceSupport implements EventDispatcher {

    static final int QUEUED_BATCHES = 4;
    private static final Logger LOG = LoggerFactory.getLogger(BatchDispatcher.class);

    private final CamelContext context;
    private final SinkSender sender;
    private final OssaEventsConfiguration configuration;
    private final JsonEventFormat format;
    private final DeliveryCounters counters;
    private final String name;
    private ThreadPoolExecutor deliveryThread;
    private DeadLetterHandler deadLetter;
    private AsyncProcessor output;
    private AggregationRepository repository;
    private volatile AggregateProcessor aggregator;
    private final LifecycleStrategy flushWhenContextStops = new LifecycleStrategySupport() {
        @Override
        public void onContextStopping(CamelContext context) {
            stopping = true;
            flush();
        }
    };
    private volatile boolean stopping;
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
    }

    /**
     * Accepts the event into a batch.
     *
     * @throws IllegalStateException when the dispatcher has begun to stop: the event was not accepted
     */
    @Override
    public void dispatch(OssaCloudEvent event) throws Exception {
        Lock lock = acceptance.readLock();
        lock.lock();
        try {
            if (!accepting) {
                throw new IllegalStateException("The ossa-events endpoint for " + sender + " is stopped: event "
                                                + event.getId() + " was not accepted");
            }
            DurableAggregationRepository durable = repository instanceof DurableAggregationRepository d ? d : null;
            if (durable != null) {
                durable.prepare(event);
            }
            Exchange exchange = new DefaultExchange(context);
            exchange.getIn().setBody(event);
            counters.accepted(true);
            aggregator.process(exchange);
            if (exchange.getException() != null) {
                counters.failed(1, true);
                throw exchange.getException();
            }
            if (durable != null) {
                durable.awaitDurable();
            }
        } finally {
            lock.unlock();
        }
    }

    @Override
    protected void doStart() throws Exception {
        deliveryThread = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS,
                new ArrayBlockingQueue<>(QUEUED_BATCHES), this::newThread, BatchDispatcher::waitForRoom);
        deadLetter = new DeadLetterHandler(context, configuration.getDeadLetterUri(), configuration.getSink(), format,
                counters);
        stopping = false;
        DeadLetterChannel errorHandler = new DeadLetterChannel(
                context, new BatchDelivery(sender, counters), retryLogger(), null, redeliveryPolicy(), deadLetter,
                deadLetterName(), true, false, false, retryForeverUntilStopping(), null, null, null);
        output = AsyncProcessorConverterHelper.convert(
                PluginHelper.getInternalProcessorFactory(context).addUnitOfWorkProcessorAdvice(context, errorHandler,
                        null));
        aggregator = new AggregateProcessor(context, output, ExpressionBuilder.constantExpression(Boolean.TRUE),
                new EventBatchAggregationStrategy(configuration.getBatchSize()), deliveryThread, false);
        aggregator.setCompletionSize(configuration.getBatchSize());
        aggregator.setCompletionInterval(configuration.getFlushInterval());
        aggregator.setForceCompletionOnStop(true);
        repository = BatchStores.repository(context, configuration, format);
        if (repository != null) {
            ServiceHelper.startService(repository);
            counters.recovered(BatchStores.storedEvents(context, repository));
            aggregator.setAggregationRepository(repository);
        }
        ServiceHelper.startService(deadLetter, output, aggregator);
        context.addLifecycleStrategy(flushWhenContextStops);
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

    /** Sends every pending batch now, and waits until each is delivered or dead-lettered. */
    public void flush() {
        AggregateProcessor current = aggregator;
        if (current != null) {
            current.prepareShutdown(false, false);
        }
    }

    @Override
    protected void doStop() throws Exception {
        stopping = true;
        setAccepting(false);
        context.getLifecycleStrategies().remove(flushWhenContextStops);
        if (aggregator != null) {
            aggregator.prepareShutdown(false, false);
            ServiceHelper.stopAndShutdownService(aggregator);
        }
        if (deliveryThread != null) {
            deliveryThread.shutdown();
            while (!deliveryThread.awaitTermination(10, TimeUnit.SECONDS)) {
                LOG.info("Waiting for the delivery of pending OSSA event batches to {}", sender);
            }
        }
        ServiceHelper.stopService(output, deadLetter, repository);
        aggregator = null;
        repository = null;
        deliveryThread = null;
    }

    private RedeliveryPolicy redeliveryPolicy() {
        RedeliveryPolicy policy = new RedeliveryPolicy();
        policy.setMaximumRedeliveries(configuration.getMaximumRedeliveries());
        policy.setRedeliveryDelay(configuration.getRedeliveryDelay());
        policy.setUseExponentialBackOff(true);
        policy.setBackOffMultiplier(2);
        policy.setMaximumRedeliveryDelay(Math.max(60_000L, configuration.getRedeliveryDelay()));
        policy.setRetryAttemptedLogLevel(LoggingLevel.WARN);
        policy.setLogRetryStackTrace(false);
        policy.setLogExhausted(false);
        policy.setLogStackTrace(false);
        policy.setLogHandled(false);
        policy.setAllowRedeliveryWhileStopping(true);
        return policy;
    }

    /**
     * With {@code maximumRedeliveries=-1} a failing batch is retried until a stop begins, then dead-lettered, so that
     * the stop ends; otherwise (null) the policy's own count applies.
     */
    private Predicate retryForeverUntilStopping() {
        return configuration.getMaximumRedeliveries() < 0 ? exchange -> !stopping : null;
    }

    private static CamelLogger retryLogger() {
        return new CamelLogger(LoggerFactory.getLogger(BatchDispatcher.class), LoggingLevel.WARN);
    }

    private String deadLetterName() {
        String uri = configuration.getDeadLetterUri();
        return uri != null ? uri : "log:" + BatchDispatcher.class.getName() + "?level=ERROR";
    }

    private Thread newThread(Runnable task) {
        Thread thread = new Thread(task, "ossa-events-delivery-" + name);
        thread.setDaemon(false);
        return thread;
    }

    /** Blocks the thread that completed a batch until the delivery queue has room. */
    private static void waitForRoom(Runnable batch, ThreadPoolExecutor executor) {
        if (executor.isShutdown()) {
            throw new RejectedExecutionException("The OSSA events delivery thread has stopped");
        }
        try {
            executor.getQueue().put(batch);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RejectedExecutionException("Interrupted while waiting to deliver a batch", e);
        }
    }
}
