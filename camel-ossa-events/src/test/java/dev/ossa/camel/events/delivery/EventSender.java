package dev.ossa.camel.events.delivery;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;

import dev.ossa.camel.events.OssaEventsConstants;

/**
 * Sends exchanges into a route that ends in {@code ossa-events:}, and returns the ids of the events they became.
 */
final class EventSender {

    private EventSender() {
    }

    /** Sends one exchange with {@code body}; fails the test if the exchange failed. */
    static String send(ProducerTemplate template, String uri, Object body) {
        Exchange exchange = template.send(uri, e -> e.getIn().setBody(body));
        if (exchange.getException() != null) {
            throw new AssertionError("Sending to " + uri + " failed", exchange.getException());
        }
        return exchange.getMessage().getHeader(OssaEventsConstants.ID, String.class);
    }

    /** Sends {@code count} exchanges with bodies {@code {"n": i}}, one after the other. */
    static List<String> send(ProducerTemplate template, String uri, int count) {
        List<String> ids = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            ids.add(send(template, uri, Map.of("n", i)));
        }
        return ids;
    }
}
