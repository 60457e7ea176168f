package dev.ossa.camel.events.event;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Remembers the outcome of a costly check of strings that passed it, so that the few values an endpoint sends again
 * and again (its source, its content type) are checked once. Bounded: at most {@value #MAX_ENTRIES} values of up to
 * {@value #MAX_LENGTH} characters; others are simply checked every time. Thread-safe.
 *
 * @param <T> what the check found out about a valid value
 */
final class CheckedValues<T> {

    static final int MAX_ENTRIES = 256;
    static final int MAX_LENGTH = 512;

    private final Map<String, T> outcomes = new ConcurrentHashMap<>();

    /** The remembered outcome for {@code value}, or null when it was not checked yet. */
    T get(String value) {
        return outcomes.get(value);
    }

    /** Remembers the outcome of a value that passed the check; returns {@code outcome}. */
    T remember(String value, T outcome) {
        if (value.length() <= MAX_LENGTH && outcomes.size() < MAX_ENTRIES) {
            outcomes.put(value, outcome);
        }
        return outcome;
    }
}
