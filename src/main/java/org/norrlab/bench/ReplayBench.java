package org.norrlab.bench;

import org.norrlab.config.SiteConfig;
import org.norrlab.driver.Speed;
import org.norrlab.importer.ImportService;
import org.norrlab.importer.ImportedSession;
import org.norrlab.report.SessionAnalysis;
import org.norrlab.report.SessionExporter;
import org.norrlab.run.PreparedRun;
import org.norrlab.run.ReplayService;
import org.norrlab.run.RunOutcome;
import org.norrlab.run.RunRequest;
import org.norrlab.run.RunService;
import org.norrlab.scheduler.RunListener;
import org.norrlab.store.SampleRows;
import org.norrlab.store.SessionStore;
import org.norrlab.store.StoreLocation;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Replays of a long session at max speed, as `norrlab replay` does them: a simulator session is run
 * again from its seed; an imported one (no instrument to rerun) is played back from its stored
 * samples through the recorded-samples driver. Each is set against its reference in the same run: a
 * plain JDBC batch insert of the very same samples (see {@link PipelineBench}), the fastest way SQLite
 * takes them. Also times the analysis of the recorded session.
 */
public final class ReplayBench {

    /** Times are each the best of {@code rounds}. */
    public record Result(double instrumentHours, long samples, int rounds, double simulatorReplaySeconds, double storedReplaySeconds,
                         double plainInsertSeconds, double analysisSeconds) {
        /** The simulator-seed replay's sample rate over the plain insert's (same samples, so the inverse time ratio). */
        public double simulatorRatio() {
            return plainInsertSeconds / simulatorReplaySeconds;
        }

        /** The stored-samples replay's sample rate over the plain insert's. */
        public double storedRatio() {
            return plainInsertSeconds / storedReplaySeconds;
        }

        public double plainPerSecond() {
            return samples / plainInsertSeconds;
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%.3g h recorded (%d samples): replay from the simulator's seed %.2f s,"
                            + " replay of the stored samples %.2f s; plain JDBC batch insert of the same samples %.2f s"
                            + " (%.0f samples/s): ratios %.2f and %.2f (best of %d each); analysis %.3f s", instrumentHours,
                    samples, simulatorReplaySeconds, storedReplaySeconds, plainInsertSeconds, plainPerSecond(), simulatorRatio(),
                    storedRatio(), rounds, analysisSeconds);
        }
    }

    private ReplayBench() {
    }

    /**
     * Records {@code hours} of CA at 100 ms (the demo's rate), then replays it both ways into the same database and
     * writes its samples with the plain insert, {@code rounds} times in turn, keeping each one's best time: on a
     * shared machine another process's burst then slows one round of one of them, not the ratio (the replays, with a
     * thread producing and one storing, lose more to a busy machine than the plain insert's one thread does).
     */
    public static Result run(SiteConfig site, double hours, int rounds, Path workDir) throws Exception {
        if (rounds < 1) {
            throw new IllegalArgumentException("at least one round, not " + rounds);
        }
        Files.createDirectories(workDir);
        Path protocol = workDir.resolve("replay.yaml");
        Files.writeString(protocol, String.format(Locale.ROOT, "name: replay benchmark%nsteps:%n"
                + "  - ca: {potential: -0.5 V vs RHE, duration: %d s, interval: 100 ms}%n", Math.round(hours * 3600)));
        Path db = BenchFiles.freshDatabase(workDir.resolve("replay.db"));
        RunService service = new RunService(site);
        RunOutcome recorded = service.prepare(RunRequest.simulated(protocol, Speed.MAX).withDatabase(db)).execute(RunListener.NONE);

        Path export = workDir.resolve("replay-export.jsonl");
        long imported;
        try (SessionStore store = SessionStore.open(db)) {
            try (OutputStream out = Files.newOutputStream(export)) {
                SessionExporter.jsonLines(store, store.session(recorded.sessionId()).orElseThrow(), out);
            }
            ImportedSession session = ImportService.read(export);
            imported = ImportService.store(store, export, session, site.cell().resolve());
        }

        // Read beforehand, so that reading them is not part of the reference's timing.
        SampleRows rows = SampleRows.read(db, recorded.sessionId());
        // A tenth first, so that the insert is not timed cold while the replays run after the recording warmed theirs.
        Path warm = BenchFiles.freshDatabase(workDir.resolve("replay-plain-warm.db"));
        SessionStore.open(warm).close();
        rows.first(Math.max(1, rows.count() / 10)).insertPlain(warm, PipelineBench.PLAIN_BATCH);

        double simulator = Double.POSITIVE_INFINITY;
        double stored = Double.POSITIVE_INFINITY;
        double plain = Double.POSITIVE_INFINITY;
        for (int round = 0; round < rounds; round++) {
            simulator = Math.min(simulator, replay(service, db, recorded.sessionId()));
            stored = Math.min(stored, replay(service, db, imported));
            plain = Math.min(plain, plainInsert(rows, workDir));
        }
        return new Result(hours, recorded.counters().samplesDelivered(), rounds, simulator, stored, plain,
                analysisSeconds(db, recorded.sessionId()));
    }

    /**
     * The reference: the recorded samples written with a plain JDBC batch insert into a fresh file of the same
     * schema, timed as {@link PipelineBench} times it.
     */
    private static double plainInsert(SampleRows rows, Path workDir) throws Exception {
        Path plainDb = BenchFiles.freshDatabase(workDir.resolve("replay-plain.db"));
        SessionStore.open(plainDb).close();   // the same schema and version, made by the store itself
        long start = System.nanoTime();
        rows.insertPlain(plainDb, PipelineBench.PLAIN_BATCH);
        return (System.nanoTime() - start) / 1e9;
    }

    /** Times one replay as the operator sees it: from asking for it to the last sample committed. */
    private static double replay(RunService service, Path db, long sessionId) throws Exception {
        long start = System.nanoTime();
        PreparedRun run;
        try (SessionStore store = SessionStore.open(db)) {
            run = ReplayService.prepare(service, store, sessionId, Speed.MAX, StoreLocation.file(db));
        }
        run.execute(RunListener.NONE);
        return (System.nanoTime() - start) / 1e9;
    }

    /** Analysis of a stored session, timed on its own (opening the database included). */
    public static double analysisSeconds(Path db, long sessionId) throws Exception {
        long start = System.nanoTime();
        try (SessionStore store = SessionStore.open(db)) {
            SessionAnalysis.analyze(store, sessionId, SessionAnalysis.Options.DEFAULT);
        }
        return (System.nanoTime() - start) / 1e9;
    }
}
