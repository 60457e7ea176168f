package dev.ossa.camel.events.delivery;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The batch streams of one component. Endpoints that deliver to the same sink with the same delivery options share
 * one stream, so that events of every type fill the same batches, in the order they were sent, through one sink
 * producer. A producer that stops while others still use its stream flushes the stream's pending events; the last
 * one stops it.
 */
public final class BatchStreams {

    private final Map<BatchStreamKey, BatchStream> streams = new HashMap<>();
    private final Map<BatchStreamKey, DeliveryCounters> counters = new ConcurrentHashMap<>();

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
