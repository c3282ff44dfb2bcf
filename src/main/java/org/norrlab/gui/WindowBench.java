package org.norrlab.gui;

import org.norrlab.run.RunOutcome;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * A long run through the real window (needs a display, e.g. Xvfb): opens the window, chooses the
 * first simulated preset, the given protocol and speed max, presses Start and samples the heap until
 * the run ends. What the window adds to a run's memory is what this measures.
 */
public final class WindowBench {

    public record Result(long samples, double wallSeconds, long peakHeapBytes, long heapAfterGcBytes, long maxHeapBytes,
                         int overviewPoints) {
        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%d samples in %.1f s through the window; heap peak %.1f MiB, after GC %.1f MiB,"
                            + " limit %.0f MiB; overview chart holds %d points", samples, wallSeconds, peakHeapBytes / 1048576.0,
                    heapAfterGcBytes / 1048576.0, maxHeapBytes / 1048576.0, overviewPoints);
        }
    }

    private WindowBench() {
    }

    public static Result run(GuiContext context, Path protocol) throws Exception {
        NorrlabWindow window = Edt.call(() -> {
            NorrlabWindow w = new NorrlabWindow(context);
            w.show();
            return w;
        });
        try {
            RunPanel run = window.runPanel();
            await(Duration.ofSeconds(60), () -> run.instruments().getItemCount() > 0 && run.protocols().getItemCount() > 0);
            Edt.call(() -> {
                run.protocols().addItem(protocol);
                run.protocols().setSelectedItem(protocol);
                run.speed().setSelectedItem("max");
                return null;
            });
            await(Duration.ofSeconds(60), () -> run.plan() != null && run.plan().file().equals(protocol));
            MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
            long peak = 0;
            long start = System.nanoTime();
            Edt.call(() -> {
                run.start();
                return null;
            });
            await(Duration.ofSeconds(60), run::running);
            while (run.running()) {
                peak = Math.max(peak, memory.getHeapMemoryUsage().getUsed());
                Thread.sleep(20);
            }
            double wall = (System.nanoTime() - start) / 1e9;
            RunOutcome outcome = run.lastOutcome().orElseThrow(() -> new IllegalStateException("the run failed; see the log"));
            System.gc();
            int points = Edt.call(() -> run.charts().runChart().getXYPlot().getDataset().getItemCount(0));
            return new Result(outcome.counters().samplesDelivered(), wall, peak, memory.getHeapMemoryUsage().getUsed(),
                    memory.getHeapMemoryUsage().getMax(), points);
        } finally {
            Edt.call(() -> {
                window.frame().dispose();
                return null;
            });
        }
    }

    private static void await(Duration timeout, Callable<Boolean> condition) throws Exception {
        if (!Edt.await(timeout, condition)) {
            throw new IllegalStateException("the window did not get ready within " + timeout.toSeconds() + " s");
        }
    }
}
