package org.norrlab.bench;

import org.norrlab.config.SiteConfig;
import org.norrlab.driver.Speed;
import org.norrlab.importer.ImportService;
import org.norrlab.importer.ImportedSession;
import org.norrlab.run.PreparedRun;
import org.norrlab.run.RunOutcome;
import org.norrlab.run.RunRequest;
import org.norrlab.run.RunService;
import org.norrlab.scheduler.RunListener;
import org.norrlab.store.SessionStore;
import org.norrlab.store.StoreException;

import java.io.BufferedWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * An operator imports a large file into the bench's SQLite file while a run writes into it (issue 15, item
 * 12): the simulator at 10x (100 samples/s) and an import of {@code rows} samples from a CSV. Reports how
 * long the import took and whether the run kept every sample it acquired (counted in the file).
 */
public final class ImportDuringRunBench {

    public record Result(long importedRows, double importSeconds, String runStatus, long runSamplesIn, long runSamplesStored) {
        @Override
        public String toString() {
            return String.format(Locale.ROOT, "import of %d rows during a run: %.1f s (%.0f rows/s); the run %s with %d samples"
                            + " acquired and %d stored (%s)", importedRows, importSeconds, importedRows / importSeconds, runStatus,
                    runSamplesIn, runSamplesStored, runSamplesIn == runSamplesStored ? "every sample kept"
                            : (runSamplesIn - runSamplesStored) + " LOST");
        }
    }

    private ImportDuringRunBench() {
    }

    public static Result run(SiteConfig site, int rows, Path workDir) throws Exception {
        Files.createDirectories(workDir);
        Path protocol = workDir.resolve("import-during-run.yaml");
        Files.writeString(protocol, "name: run beside an import\nsteps:\n"
                + "  - ca: {potential: -0.5 V vs RHE, duration: 60 min, interval: 100 ms}\n");
        Path csv = workDir.resolve("import-during-run.csv");
        try (BufferedWriter out = Files.newBufferedWriter(csv)) {
            out.write("time (s),current (A),potential (V)\n");
            for (int i = 0; i < rows; i++) {
                out.write(String.format(Locale.ROOT, "%.2f,-0.001,0.1%n", i * 0.01));
            }
        }
        Path database = BenchFiles.freshDatabase(workDir.resolve("import-during-run.db"));
        PreparedRun run = new RunService(site).prepare(RunRequest.simulated(protocol, new Speed(10)).withDatabase(database));
        CompletableFuture<RunOutcome> outcome = CompletableFuture.supplyAsync(() -> {
            try {
                return run.execute(RunListener.NONE);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        while (run.statistics().snapshot().samples() < 20 && !outcome.isDone()) {
            Thread.sleep(10);
        }
        ImportedSession imported = ImportService.read(csv);
        long started = System.nanoTime();
        try (SessionStore other = SessionStore.open(database)) {
            ImportService.store(other, csv, imported, site.cell().resolve());
        }
        double importSeconds = (System.nanoTime() - started) / 1e9;
        run.requestAbort("the import is done");
        RunOutcome result = outcome.get(5, TimeUnit.MINUTES);
        long stored;
        try (SessionStore store = SessionStore.open(database)) {
            stored = countSamples(store, result.sessionId());
        }
        return new Result(rows, importSeconds, result.status().dbName(), result.counters().samplesIn(), stored);
    }

    private static long countSamples(SessionStore store, long sessionId) throws StoreException {
        long[] count = {0};
        for (var step : store.steps(sessionId)) {
            store.forEachSample(sessionId, step.index(), (seq, s) -> count[0]++);
        }
        return count[0];
    }
}
