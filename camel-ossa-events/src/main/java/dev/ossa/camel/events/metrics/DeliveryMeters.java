package dev.ossa.camel.events.metrics;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;

import dev.ossa.camel.events.delivery.DeliveryListener;
import dev.ossa.camel.events.event.OssaCloudEvent;

/**
 * The Micrometer meters of one sink, tagged {@code sink} (sanitised) and {@code type} (the CloudEvent type): counters
 * {@code ossa.events.accepted}, {@code .rejected}, {@code .delivered}, {@code .failed}, {@code .dead.lettered}, {@code .recovered}, gauge
 * {@code ossa.events.pending} and timer {@code ossa.events.delivery}, the time from an event's acceptance to the
 * sink's answer that it took the event. Meters of a type appear with its first event.
 */
public final class DeliveryMeters implements DeliveryListener {

    static final String SINK_TAG = "sink";
    static final String TYPE_TAG = "type";

    private final MeterRegistry registry;
    private final String sink;
    private final Map<String, TypeMeters> byType = new ConcurrentHashMap<>();
    private final Map<OssaCloudEvent, Long> acceptedAt = Collections.synchronizedMap(new IdentityHashMap<>());

    public DeliveryMeters(MeterRegistry registry, String sanitisedSink) {
        this.registry = registry;
        this.sink = sanitisedSink;
    }

    @Override
    public void accepted(OssaCloudEvent event) {
        acceptedAt.put(event, System.nanoTime());
        TypeMeters meters = meters(event.getType());
        meters.accepted.increment();
        meters.pending.incrementAndGet();
    }

    @Override
    public void rejected(String type) {
        meters(type).rejected.increment();
    }

    @Override
    public void delivered(List<OssaCloudEvent> events) {
        long now = System.nanoTime();
        for (OssaCloudEvent event : events) {
            TypeMeters meters = meters(event.getType());
            meters.delivered.increment();
            meters.pending.decrementAndGet();
            Long accepted = acceptedAt.remove(event);
            if (accepted != null) {
                meters.delivery.record(now - accepted, TimeUnit.NANOSECONDS);
            }
        }
    }

    @Override
    public void failed(List<OssaCloudEvent> events) {
        for (OssaCloudEvent event : events) {
            TypeMeters meters = meters(event.getType());
            meters.failed.increment();
            meters.pending.decrementAndGet();
            acceptedAt.remove(event);
        }
    }

    @Override
    public void recovered(List<OssaCloudEvent> events, boolean pending) {
        for (OssaCloudEvent event : events) {
            TypeMeters meters = meters(event.getType());
            meters.recovered.increment();
            if (pending) {
                meters.pending.incrementAndGet();
            }
        }
    }

    @Override
    public void deadLettered(List<OssaCloudEvent> events) {
        for (OssaCloudEvent event : events) {
            meters(event.getType()).deadLettered.increment();
        }
    }

    /** Removes this sink's meters from the registry. */
    public void remove() {
        byType.values().forEach(meters -> meters.all().forEach(registry::remove));
        byType.clear();
        acceptedAt.clear();
    }

    private TypeMeters meters(String type) {
        return byType.computeIfAbsent(type, this::register);
    }

    private TypeMeters register(String type) {
        Tags tags = Tags.of(SINK_TAG, sink, TYPE_TAG, type);
        AtomicLong pending = new AtomicLong();
        return new TypeMeters(
                counter("ossa.events.accepted", "Events that passed validation and were taken for delivery", tags),
                counter("ossa.events.rejected", "Events rejected because they broke a CloudEvents rule", tags),
                counter("ossa.events.delivered", "Events the sink took", tags),
                counter("ossa.events.failed", "Events whose delivery failed for good", tags),
                counter("ossa.events.dead.lettered", "Failed events that the dead-letter endpoint took", tags),
                counter("ossa.events.recovered", "Events read back from a persistent store at start", tags),
                pending,
                Gauge.builder("ossa.events.pending", pending, AtomicLong::get).strongReference(true).tags(tags)
                        .description("Events waiting in batches or being delivered").register(registry),
                Timer.builder("ossa.events.delivery").tags(tags)
                        .description("Time from an event's acceptance to the sink's answer that took it")
                        .register(registry));
    }

    private Counter counter(String name, String description, Tags tags) {
        return Counter.builder(name).tags(tags).description(description).register(registry);
    }

    private record TypeMeters(Counter accepted, Counter rejected, Counter delivered, Counter failed,
                              Counter deadLettered, Counter recovered, AtomicLong pending, Gauge pendingGauge, Timer delivery) {

        List<Meter> all() {
            List<Meter> all = new ArrayList<>(List.of(accepted, rejected, delivered, failed, deadLettered, recovered));
            all.add(pendingGauge);
            all.add(delivery);
            return all;
        }
    }
}
