package org.norrlab.bench;

import org.norrlab.config.SiteConfig;
import org.norrlab.driver.Speed;
import org.norrlab.run.RunOutcome;
import org.norrlab.run.RunRequest;
import org.norrlab.run.RunService;
import org.norrlab.scheduler.RunListener;
import org.norrlab.store.SampleRows;
import org.norrlab.store.SessionStore;
import org.norrlab.store.StoreException;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The acquisition pipeline (simulator at max speed → bounded queue → store, committed per batch)
 * against its reference in the same run: a plain JDBC batch insert of the very same rows into the
 * same schema with the same pragmas, in one transaction — the fastest way SQLite takes those rows.
 */
public final class PipelineBench {
    /** Rows per executeBatch in the plain insert. */
    static final int PLAIN_BATCH = 10_000;

    public record Result(long samples, double pipelineSeconds, double plainSeconds, List<Double> lagMillis) {
        public double pipelinePerSecond() {
            return samples / pipelineSeconds;
        }

        public double plainPerSecond() {
            return samples / plainSeconds;
        }

        public double ratio() {
            return pipelinePerSecond() / plainPerSecond();
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%d samples: pipeline %.0f samples/s (%.2f s), plain JDBC batch insert %.0f"
                    + " samples/s (%.2f s), ratio %.2f", samples, pipelinePerSecond(), pipelineSeconds, plainPerSecond(),
                    plainSeconds, ratio());
        }
    }

    private PipelineBench() {
    }

    /**
     * Four CA steps at 10 ms adding up to about {@code samples} samples. Both sides first run once at a
     * tenth of the size, so that neither is timed with cold JIT-compiled code (the pipeline would
     * otherwise always go first, cold, and the plain insert second, warm).
     */
    public static Result run(SiteConfig site, long samples, Path workDir) throws Exception {
        once(site, Math.max(4_000, samples / 10), workDir);
        return once(site, samples, workDir);
    }

    private static Result once(SiteConfig site, long samples, Path workDir) throws Exception {
        Files.createDirectories(workDir);
        long perStep = Math.max(1, samples / 4);
        Path protocol = workDir.resolve("pipeline.yaml");
        StringBuilder text = new StringBuilder("name: pipeline benchmark\nsteps:\n");
        for (int i = 0; i < 4; i++) {
            text.append(String.format(Locale.ROOT, "  - ca: {potential: %.1f V vs RHE, duration: %d ms, interval: 10 ms}%n",
                    -0.4 - 0.1 * i, perStep * 10));
        }
        Files.writeString(protocol, text);
        Path pipelineDb = BenchFiles.freshDatabase(workDir.resolve("pipeline.db"));
        Path plainDb = BenchFiles.freshDatabase(workDir.resolve("plain.db"));
        RunOutcome outcome = new RunService(site).prepare(RunRequest.simulated(protocol, Speed.MAX).withDatabase(pipelineDb))
                .execute(RunListener.NONE);
        // Read column by column beforehand, so that reading them is not part of either timing.
        SampleRows rows = SampleRows.read(pipelineDb, outcome.sessionId());
        SessionStore.open(plainDb).close();   // the same schema and version, made by the store itself
        double plain = plainInsert(plainDb, rows);
        return new Result(rows.count(), outcome.wallSeconds(), plain, outcome.result().lagMillis());
    }

    private static double plainInsert(Path db, SampleRows rows) throws StoreException {
        long start = System.nanoTime();
        rows.insertPlain(db, PLAIN_BATCH);
        return (System.nanoTime() - start) / 1e9;
    }
}
