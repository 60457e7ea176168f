package dev.ossa.camel.events.delivery.persist;

import java.util.List;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangePropertyKey;
import org.apache.camel.support.DefaultExchange;

import dev.ossa.camel.events.event.OssaCloudEvent;

/**
 * The Aggregator's exchange of a batch as a store rebuilds it: its events in the body, its id, correlation key and
 * size as when it was stored.
 */
final class BatchExchanges {

    private BatchExchanges() {
    }

    static Exchange rebuild(CamelContext context, String exchangeId, String key, List<OssaCloudEvent> events) {
        Exchange exchange = new DefaultExchange(context);
        exchange.setExchangeId(exchangeId);
        exchange.getIn().setBody(events);
        exchange.setProperty(ExchangePropertyKey.AGGREGATED_SIZE, events.size());
        exchange.setProperty(ExchangePropertyKey.AGGREGATED_CORRELATION_KEY, key);
        return exchange;
    }

    @SuppressWarnings("unchecked")
    static List<OssaCloudEvent> events(Exchange batch) {
        return (List<OssaCloudEvent>) batch.getIn().getBody(List.class);
    }
}
