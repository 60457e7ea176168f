package dev.ossa.camel.events.delivery.persist;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A batch as the journal knows it: its number, the Aggregator's correlation key and exchange id, whether the
 * Aggregator completed it, its stored events (when read back at start), and how many of its event records each
 * segment holds, so that a segment can be deleted once every batch with events in it is confirmed.
 */
final class StoredBatch {

    final long number;
    final String key;
    final String exchangeId;
    boolean completed;
    final List<byte[]> events = new ArrayList<>();
    final Map<JournalSegment, Integer> eventsPerSegment = new LinkedHashMap<>(2);

    StoredBatch(long number, String key, String exchangeId) {
        this.number = number;
        this.key = key;
        this.exchangeId = exchangeId;
    }

    void countEventIn(JournalSegment segment) {
        eventsPerSegment.merge(segment, 1, Integer::sum);
        segment.live++;
    }

    /** The batch is confirmed: its events no longer keep their segments. */
    void release() {
        eventsPerSegment.forEach((segment, count) -> segment.live -= count);
        eventsPerSegment.clear();
    }
}
