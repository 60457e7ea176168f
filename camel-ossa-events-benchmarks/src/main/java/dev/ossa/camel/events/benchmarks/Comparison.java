package dev.ossa.camel.events.benchmarks;

/**
 * One comparison, one line of {@code results.json}: our number, the peer's, and their ratio, above 1 when we are ahead.
 *
 * @param name  the comparison, e.g. {@code kafka-vs-sdk-java}
 * @param ours  our measurement
 * @param peer  the peer's measurement
 * @param unit  the unit of both
 * @param ratio ours/peer for throughputs, peer/ours for times and sizes
 */
record Comparison(String name, double ours, double peer, String unit, double ratio) {

    /** A rate, where more is better: ratio = ours / peer. */
    static Comparison rate(String name, double ours, double peer, String unit) {
        return new Comparison(name, ours, peer, unit, ours / peer);
    }

    /** A cost (time, bytes), where less is better: ratio = peer / ours. */
    static Comparison cost(String name, double ours, double peer, String unit) {
        return new Comparison(name, ours, peer, unit, peer / ours);
    }
}
