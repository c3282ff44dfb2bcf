package org.norrlab.bench;

import org.norrlab.config.SiteConfig;
import org.norrlab.driver.Speed;
import org.norrlab.run.PreparedRun;
import org.norrlab.run.RunOutcome;
import org.norrlab.run.RunRequest;
import org.norrlab.run.RunService;
import org.norrlab.scheduler.RunListener;
import org.norrlab.trace.LiveRun;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A long session at {@code --speed max} with everything a window attaches: the store, the run
 * statistics and the live chart model, polled every 200 ms as the GUI's timer does. Reports the
 * throughput and the heap: the peak seen while running and what is left after a GC at the end.
 */
public final class LongRunBench {

    public record Result(long samples, double wallSeconds, double samplesPerSecond, long peakHeapBytes,
                         long heapAfterGcBytes, long maxHeapBytes, long databaseBytes, long viewsTaken) {
        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%d samples in %.1f s (%.0f samples/s); heap peak %.1f MiB, after GC %.1f MiB,"
                            + " limit %.0f MiB; %d chart views taken; database %.0f MiB", samples, wallSeconds, samplesPerSecond,
                    peakHeapBytes / 1048576.0, heapAfterGcBytes / 1048576.0, maxHeapBytes / 1048576.0, viewsTaken,
                    databaseBytes / 1048576.0);
        }
    }

    private LongRunBench() {
    }

    /** The benchmark's protocol: one CA step at -0.5 V vs RHE. */
    public static Path writeProtocol(double hours, int intervalMillis, Path workDir) throws java.io.IOException {
        Files.createDirectories(workDir);
        Path protocol = workDir.resolve("long-run.yaml");
        Files.writeString(protocol, String.format(Locale.ROOT, "name: long run benchmark%nsteps:%n"
                + "  - ca: {potential: -0.5 V vs RHE, duration: %s s, interval: %d ms}%n", Math.round(hours * 3600), intervalMillis));
        return protocol;
    }

    /** One CA step of {@code hours} at {@code intervalMillis} on the simulator, into a database in {@code workDir}. */
    public static Result run(SiteConfig site, double hours, int intervalMillis, Path workDir) throws Exception {
        Path protocol = writeProtocol(hours, intervalMillis, workDir);
        Path database = BenchFiles.freshDatabase(workDir.resolve("long-run.db"));
        PreparedRun run = new RunService(site).prepare(RunRequest.simulated(protocol, Speed.MAX).withDatabase(database));
        LiveRun live = new LiveRun();
        run.addConsumer(live);

        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        AtomicLong peak = new AtomicLong();
        AtomicLong views = new AtomicLong();
        AtomicBoolean done = new AtomicBoolean();
        Thread watcher = new Thread(() -> {
            long lastView = 0;
            while (!done.get()) {
                peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                if (System.nanoTime() - lastView > 200_000_000L) {
                    live.view(1400);
                    views.incrementAndGet();
                    lastView = System.nanoTime();
                }
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }, "bench-watcher");
        watcher.setDaemon(true);
        watcher.start();
        RunOutcome outcome;
        try {
            outcome = run.execute(RunListener.NONE);
        } finally {
            done.set(true);
            watcher.join();
        }
        System.gc();
        long afterGc = memory.getHeapMemoryUsage().getUsed();
        return new Result(outcome.counters().samplesDelivered(), outcome.wallSeconds(), outcome.samplesPerSecond(),
                peak.get(), afterGc, memory.getHeapMemoryUsage().getMax(), Files.size(database), views.get());
    }
}
