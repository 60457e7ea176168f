package dev.ossa.camel.events.delivery.persist;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.apache.camel.CamelContext;
import org.apache.camel.CamelContextAware;
import org.apache.camel.Exchange;
import org.apache.camel.spi.AggregationRepository;
import org.apache.camel.spi.RecoverableAggregationRepository;
import org.apache.camel.support.service.ServiceHelper;
import org.apache.camel.support.service.ServiceSupport;

import dev.ossa.camel.events.event.OssaCloudEvent;

/**
 * Puts a user's {@code aggregationRepository} (for example camel-sql's {@code JdbcAggregationRepository}) under the
 * Aggregator: the repository sees each batch as an {@code ArrayList} of {@code byte[]}, one per event as
 * {@link EventCodec} writes it, which any repository that serializes exchanges can store and its default
 * deserialization filter lets back in; the Aggregator and the delivery see the events.
 * <p>
 * Such a repository writes whatever it writes on each add: JDBC ones rewrite the whole batch, so their cost per event
 * grows with the batch size, unlike the built-in store of {@code persistent=true}.
 */
public final class EncodingAggregationRepository extends ServiceSupport implements RecoverableAggregationRepository {

    private final AggregationRepository delegate;
    private final RecoverableAggregationRepository recoverable;
    private final EventCodec codec;
    private final CamelContext context;

    public EncodingAggregationRepository(CamelContext context, AggregationRepository delegate, EventCodec codec) {
        this.context = context;
        this.delegate = delegate;
        this.recoverable = delegate instanceof RecoverableAggregationRepository r ? r : null;
        this.codec = codec;
    }

    @Override
    public Exchange add(CamelContext camelContext, String key, Exchange exchange) {
        return decoded(delegate.add(camelContext, key, encoded(exchange)));
    }

    @Override
    public Exchange get(CamelContext camelContext, String key) {
        return decoded(delegate.get(camelContext, key));
    }

    @Override
    public void remove(CamelContext camelContext, String key, Exchange exchange) {
        delegate.remove(camelContext, key, encoded(exchange));
    }

    @Override
    public void confirm(CamelContext camelContext, String exchangeId) {
        delegate.confirm(camelContext, exchangeId);
    }

    @Override
    public boolean confirmWithResult(CamelContext camelContext, String exchangeId) {
        if (recoverable != null) {
            return recoverable.confirmWithResult(camelContext, exchangeId);
        }
        delegate.confirm(camelContext, exchangeId);
        return true;
    }

    @Override
    public Set<String> getKeys() {
        return delegate.getKeys();
    }

    @Override
    public Set<String> scan(CamelContext camelContext) {
        return recoverable != null ? recoverable.scan(camelContext) : Set.of();
    }

    @Override
    public Exchange recover(CamelContext camelContext, String exchangeId) {
        return recoverable != null ? decoded(recoverable.recover(camelContext, exchangeId)) : null;
    }

    /** A copy, with the same exchange id, whose body is the stored form of the events. */
    private Exchange encoded(Exchange batch) {
        List<OssaCloudEvent> events = BatchExchanges.events(batch);
        ArrayList<byte[]> stored = new ArrayList<>(events.size());
        for (OssaCloudEvent event : events) {
            stored.add(codec.encode(event));
        }
        Exchange copy = batch.copy();
        copy.setExchangeId(batch.getExchangeId());
        copy.getIn().setBody(stored);
        return copy;
    }

    /** The repository's exchange, its body turned back into events. */
    private Exchange decoded(Exchange stored) {
        if (stored == null) {
            return null;
        }
        List<?> body = stored.getIn().getBody(List.class);
        if (body == null) {
            throw new IllegalStateException("The aggregation repository " + delegate + " returned a batch "
                                            + stored.getExchangeId() + " without its events");
        }
        List<OssaCloudEvent> events = new ArrayList<>(body.size());
        for (Object item : body) {
            try {
                events.add(item instanceof OssaCloudEvent event ? event : codec.decode((byte[]) item));
            } catch (IOException | ClassCastException e) {
                throw new UncheckedIOException(new IOException("The aggregation repository " + delegate
                        + " returned a batch " + stored.getExchangeId() + " with an event that cannot be read back: "
                        + e.getMessage(), e));
            }
        }
        stored.getIn().setBody(events);
        return stored;
    }

    @Override
    public void setRecoveryInterval(long interval, TimeUnit timeUnit) {
        if (recoverable != null) {
            recoverable.setRecoveryInterval(interval, timeUnit);
        }
    }

    @Override
    public void setRecoveryInterval(long interval) {
        if (recoverable != null) {
            recoverable.setRecoveryInterval(interval);
        }
    }

    @Override
    public long getRecoveryInterval() {
        return recoverable != null ? recoverable.getRecoveryInterval() : 0;
    }

    @Override
    public void setUseRecovery(boolean useRecovery) {
        if (recoverable != null) {
            recoverable.setUseRecovery(useRecovery);
        }
    }

    @Override
    public boolean isUseRecovery() {
        return recoverable != null && recoverable.isUseRecovery();
    }

    @Override
    public void setDeadLetterUri(String deadLetterUri) {
        if (recoverable != null) {
            recoverable.setDeadLetterUri(deadLetterUri);
        }
    }

    @Override
    public String getDeadLetterUri() {
        return recoverable != null ? recoverable.getDeadLetterUri() : null;
    }

    @Override
    public void setMaximumRedeliveries(int maximumRedeliveries) {
        if (recoverable != null) {
            recoverable.setMaximumRedeliveries(maximumRedeliveries);
        }
    }

    @Override
    public int getMaximumRedeliveries() {
        return recoverable != null ? recoverable.getMaximumRedeliveries() : 0;
    }

    @Override
    protected void doStart() throws Exception {
        CamelContextAware.trySetCamelContext(delegate, context);
        ServiceHelper.startService(delegate);
    }

    @Override
    protected void doStop() throws Exception {
        ServiceHelper.stopService(delegate);
    }

    @Override
    public String toString() {
        return delegate.toString();
    }
}
