package dev.ossa.example;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

import io.cloudevents.CloudEvent;
import org.apache.camel.support.service.ServiceSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the example's HTTP receiver has read: every event, in arrival order. On stop it logs a summary, so that the
 * end of a run shows how many events of how many types made the trip.
 */
public final class ReceivedEvents extends ServiceSupport {

    private static final Logger LOG = LoggerFactory.getLogger(ReceivedEvents.class);

    private final List<CloudEvent> events = new ArrayList<>();
    private int requests;

    /** Records the events of one request. */
    public synchronized void add(List<CloudEvent> received) {
        events.addAll(received);
        requests++;
    }

    /** A copy of every event received so far. */
    public synchronized List<CloudEvent> events() {
        return List.copyOf(events);
    }

    @Override
    protected synchronized void doStop() {
        TreeSet<String> types = new TreeSet<>();
        events.forEach(event -> types.add(event.getType()));
        LOG.info("The HTTP receiver read {} CloudEvents of {} types in {} requests", events.size(), types.size(),
                requests);
    }
}
