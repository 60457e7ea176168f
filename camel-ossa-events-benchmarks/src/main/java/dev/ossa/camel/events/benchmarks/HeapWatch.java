package dev.ossa.camel.events.benchmarks;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;

import com.sun.management.GarbageCollectionNotificationInfo;

/**
 * Watches the heap through the collector's notifications: the heap in use just before each collection (its peaks)
 * and just after (what was still live).
 */
final class HeapWatch {

    private final Set<String> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
            .filter(pool -> pool.getType() == MemoryType.HEAP).map(MemoryPoolMXBean::getName)
            .collect(Collectors.toSet());
    private final AtomicLong peak = new AtomicLong();
    private final AtomicLong live = new AtomicLong();

    /** Starts watching every collector of this JVM. */
    static HeapWatch start() {
        HeapWatch watch = new HeapWatch();
        for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
            ((NotificationEmitter) collector).addNotificationListener((notification, handback) -> {
                if (GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
                    watch.collected(GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData()));
                }
            }, null, null);
        }
        return watch;
    }

    private void collected(GarbageCollectionNotificationInfo info) {
        peak.accumulateAndGet(used(info.getGcInfo().getMemoryUsageBeforeGc()), Math::max);
        live.accumulateAndGet(used(info.getGcInfo().getMemoryUsageAfterGc()), Math::max);
    }

    private long used(Map<String, MemoryUsage> pools) {
        return pools.entrySet().stream().filter(pool -> heapPools.contains(pool.getKey()))
                .mapToLong(pool -> pool.getValue().getUsed()).sum();
    }

    /** The most heap in use at any time seen: before a collection, or now. */
    long peakBytes() {
        return Math.max(peak.get(), ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
    }

    /** The most heap still in use right after a collection. */
    long liveBytes() {
        return live.get();
    }
}
