package dev.ossa.example.collector;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

import dev.ossa.camel.events.event.OssaCloudEvent;

/** How many events of each type the collector has received. Thread-safe. */
public class EventCounts {

    private final Map<String, LongAdder> counts = new ConcurrentHashMap<>();

    /** Counts one event. */
    public void count(OssaCloudEvent event) {
        counts.computeIfAbsent(event.getType(), type -> new LongAdder()).increment();
    }

    /** The counts so far, by type in alphabetical order. */
    public Map<String, Long> snapshot() {
        Map<String, Long> snapshot = new TreeMap<>();
        counts.forEach((type, count) -> snapshot.put(type, count.sum()));
        return snapshot;
    }
}
