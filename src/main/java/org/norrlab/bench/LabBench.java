package org.norrlab.bench;

import org.norrlab.config.SiteConfig;
import org.norrlab.run.LabFile;
import org.norrlab.run.LabRun;
import org.norrlab.run.RunOutcome;
import org.norrlab.store.SessionStatus;
import org.norrlab.store.StoreLocation;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Several simulated benches at {@code --speed max} into one session store at once: how many samples
 * per second each bench's writer gets through while the others write too. The simulator at max speed
 * produces samples as fast as the pipeline takes them, so this is the store's rate per bench, to set
 * against the fastest instrument (the EmStat4 at 921 600 baud: 2 248 samples/s).
 */
public final class LabBench {

    /** One bench's figure. */
    public record BenchFigure(String name, long samples, double wallSeconds) {
        public double samplesPerSecond() {
            return samples / wallSeconds;
        }
    }

    public record Result(StoreLocation store, List<BenchFigure> benches, double wallSeconds) {
        public double slowestBenchPerSecond() {
            return benches.stream().mapToDouble(BenchFigure::samplesPerSecond).min().orElse(Double.NaN);
        }

        public long samples() {
            return benches.stream().mapToLong(BenchFigure::samples).sum();
        }

        @Override
        public String toString() {
            StringBuilder s = new StringBuilder(String.format(Locale.ROOT, "%d benches into %s:", benches.size(),
                    store.isPostgres() ? "PostgreSQL " + store.shortName() : "SQLite " + store.shortName()));
            for (BenchFigure b : benches) {
                s.append(String.format(Locale.ROOT, " %s %,.0f samples/s (%.1f s);", b.name(), b.samplesPerSecond(),
                        b.wallSeconds()));
            }
            s.append(String.format(Locale.ROOT, " all %,d samples in %.1f s (%,.0f samples/s); slowest bench %,.0f×"
                            + " the EmStat4's %,.0f samples/s", samples(), wallSeconds, samples() / wallSeconds,
                    slowestBenchPerSecond() / ParserBench.emstat4LinesPerSecond(), ParserBench.emstat4LinesPerSecond()));
            return s.toString();
        }
    }

    private LabBench() {
    }

    /**
     * {@code benches} simulated benches, each one CA step of {@code minutes} at 10 ms, added to {@code store}.
     */
    public static Result run(SiteConfig site, StoreLocation store, int benches, double minutes, Path workDir)
            throws Exception {
        Files.createDirectories(workDir);
        Path protocol = workDir.resolve("lab-bench.yaml");
        Files.writeString(protocol, String.format(Locale.ROOT, "name: lab benchmark%nsteps:%n"
                + "  - ca: {potential: -0.5 V vs RHE, duration: %d s, interval: 10 ms}%n", Math.round(minutes * 60)));
        StringBuilder lab = new StringBuilder("benches:\n");
        for (int k = 1; k <= benches; k++) {
            lab.append(String.format(Locale.ROOT, "  - {name: B%d, instrument: sim, protocol: %s, speed: max}%n", k,
                    protocol.toAbsolutePath()));
        }
        Path labFile = workDir.resolve("lab-bench-lab.yaml");
        Files.writeString(labFile, lab);
        LabRun run = LabRun.prepare(LabFile.read(labFile, site), store);
        long start = System.nanoTime();
        List<LabRun.BenchOutcome> outcomes = run.execute();
        double wall = (System.nanoTime() - start) / 1e9;
        List<BenchFigure> figures = new ArrayList<>();
        for (LabRun.BenchOutcome o : outcomes) {
            RunOutcome r = o.outcome().orElseThrow(() -> new IllegalStateException("bench " + o.name() + " did not run: "
                    + o.failure().map(Exception::getMessage).orElse("?")));
            if (r.status() != SessionStatus.COMPLETED) {
                throw new IllegalStateException("bench " + o.name() + " ended " + r.status() + ": " + r.reason());
            }
            figures.add(new BenchFigure(o.name(), r.counters().samplesDelivered(), r.wallSeconds()));
        }
        return new Result(store, figures, wall);
    }
}
