package org.vaekit.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Peak memory of one stretch of work in this process: resident set (Linux {@code VmHWM}, reset through
 * {@code /proc/self/clear_refs}), JVM heap (the heap pools' peak usage) and ND4J's off-heap arrays
 * (what ND4J's memory manager counts as allocated, sampled every millisecond).
 */
final class PeakMemory {
    private static final Path STATUS = Path.of("/proc/self/status");
    private static final Path CLEAR_REFS = Path.of("/proc/self/clear_refs");

    /** Peak figures in bytes; {@code residentBytes} is -1 where /proc is not available. */
    record Usage(long residentBytes, long heapBytes, long offHeapBytes) {
    }

    private PeakMemory() {
    }

    /** Runs {@code work} and returns the peaks reached while it ran. */
    static Usage of(Runnable work) {
        System.gc();
        boolean resident = resetResidentPeak();
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
        AtomicLong offHeap = new AtomicLong(offHeapBytes());
        Thread sampler = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                offHeap.accumulateAndGet(offHeapBytes(), Math::max);
                try {
                    Thread.sleep(1);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "peak-memory");
        sampler.setDaemon(true);
        sampler.start();
        try {
            work.run();
        } finally {
            sampler.interrupt();
        }
        long heap = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP)
                .mapToLong(p -> p.getPeakUsage().getUsed()).sum();
        return new Usage(resident ? residentPeak() : -1, heap, Math.max(offHeap.get(), offHeapBytes()));
    }

    /** ND4J's off-heap arrays and workspaces on the CPU (device 0). */
    private static long offHeapBytes() {
        return Nd4j.getMemoryManager().allocatedMemory(0);
    }

    private static boolean resetResidentPeak() {
        try {
            Files.writeString(CLEAR_REFS, "5"); // 5: reset the peak resident set size to the current one
            return true;
        } catch (IOException | UnsupportedOperationException e) {
            return false;
        }
    }

    private static long residentPeak() {
        try {
            for (String line : Files.readAllLines(STATUS)) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("\\D", "")) * 1024;
                }
            }
        } catch (IOException | NumberFormatException e) {
            // reported as unavailable
        }
        return -1;
    }
}
