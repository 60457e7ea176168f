package dev.ossa.camel.events.benchmarks;

import java.lang.management.ManagementFactory;
import java.util.Arrays;

/**
 * CPU time a run costs the sending side, in microseconds per event: the process's CPU time over the run (every thread,
 * garbage collection and JIT included), less the CPU time of the threads other than the calling one that were already
 * alive when the meter was made. Made right after the embedded broker starts and before any sender exists, it leaves
 * out the broker's own threads (they are the same for every side) and counts the sending thread's, Camel's and the
 * Kafka clients' threads.
 */
final class CpuMeter {

    private final com.sun.management.ThreadMXBean threads =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    private final com.sun.management.OperatingSystemMXBean os =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    private final long[] excluded;

    private CpuMeter(long[] excluded) {
        this.excluded = excluded;
    }

    /** A meter that leaves out the threads alive now, except the calling one. */
    static CpuMeter excludingThreadsAliveNow() {
        long self = Thread.currentThread().getId();
        return new CpuMeter(Arrays.stream(ManagementFactory.getThreadMXBean().getAllThreadIds())
                .filter(id -> id != self).toArray());
    }

    /** The CPU time counted so far, in nanoseconds. */
    long cpuNanos() {
        long excludedNanos = Arrays.stream(threads.getThreadCpuTime(excluded)).filter(t -> t > 0).sum();
        return os.getProcessCpuTime() - excludedNanos;
    }

    /** Microseconds per event between a {@link #cpuNanos()} reading and now. */
    double microsPerEvent(long startNanos, long events) {
        return (cpuNanos() - startNanos) / 1e3 / events;
    }
}
