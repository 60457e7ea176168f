package dev.ossa.camel.events.delivery;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import org.apache.camel.CamelContext;
import org.apache.camel.spi.LifecycleStrategy;
import org.apache.camel.support.LifecycleStrategySupport;

/**
 * The batch streams of one component. Endpoints that deliver to the same sink with the same delivery options share
 * one stream, so that events of every type fill the same batches, in the order they were sent, through one sink
 * producer. A producer that stops while others still use its stream flushes the stream's pending events; the last
 * one stops it.
 */
public final class BatchStreams {

    private final Map<BatchStreamKey, BatchStream> streams = new HashMap<>();
    private final Map<BatchStreamKey, DeliveryCounters> counters = new ConcurrentHashMap<>();
    private final LifecycleStrategy flushWhenContextStops = new LifecycleStrategySupport() {
        @Override
        public void onContextStopping(CamelContext context) {
            List<BatchStream> running;
            synchronized (streams) {
                running = new ArrayList<>(streams.values());
            }
            running.forEach(BatchStream::beginStop);
            running.forEach(BatchStream::awaitDelivered);
        }
    };

    /**
     * To be added to the CamelContext's lifecycle strategies: when the context begins to stop, before any route
     * stops, every stream starts its {@code stopTimeout} clock and sends its open batches, all at once; then the
     * context waits for their delivery, so that a sink that is a route of the same context still takes the events.
     * A CamelContext stop with several streams ends within one {@code stopTimeout}, not one per stream.
     */
    public LifecycleStrategy flushWhenContextStops() {
        return flushWhenContextStops;
    }

    /** The counters of the stream with this key, shared by every endpoint that feeds it. */
    public DeliveryCounters counters(BatchStreamKey key) {
        return counters.computeIfAbsent(key, k -> new DeliveryCounters());
    }

    /** The running stream for {@code key}, started from {@code factory} when there is none. */
    public BatchStream acquire(BatchStreamKey key, Supplier<BatchStream> factory) throws Exception {
        synchronized (streams) {
            BatchStream stream = streams.get(key);
            if (stream == null) {
                stream = factory.get();
                stream.start();
                streams.put(key, stream);
            }
            stream.addUser();
            return stream;
        }
    }

    /** Flushes the stream, and stops it when no producer uses it any more. */
    public void release(BatchStream stream) throws Exception {
        boolean last;
        synchronized (streams) {
            last = stream.removeUser() == 0;
            if (last) {
                streams.remove(stream.key(), stream);
            }
        }
        if (last) {
            stream.stop();
        } else {
            stream.flush();
        }
    }
}
