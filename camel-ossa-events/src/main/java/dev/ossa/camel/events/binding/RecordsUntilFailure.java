package dev.ossa.camel.events.binding;

import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

import org.apache.camel.Exchange;
import org.apache.camel.Message;

/**
 * The records of one Kafka sink message, which camel-kafka sends one after the other as it iterates. Iteration ends
 * early once the sink exchange carries an exception: Kafka reports a record it could not even queue (no metadata
 * within {@code maxBlockMs}: broker down, topic missing) to the send's callback at once, and camel-kafka puts that on
 * the exchange. Without this, each further record of the message would wait its own {@code maxBlockMs}. The records
 * not handed out fail with the message, and its retry sends them all again.
 */
final class RecordsUntilFailure implements Iterable<Message> {

    private final List<Message> records;
    private final Exchange exchange;

    RecordsUntilFailure(List<Message> records, Exchange exchange) {
        this.records = records;
        this.exchange = exchange;
    }

    @Override
    public Iterator<Message> iterator() {
        Iterator<Message> all = records.iterator();
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return all.hasNext() && (exchange == null || exchange.getException() == null);
            }

            @Override
            public Message next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return all.next();
            }
        };
    }

    @Override
    public String toString() {
        return records.size() + " Kafka records";
    }
}
