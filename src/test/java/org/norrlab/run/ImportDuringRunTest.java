package org.norrlab.run;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.norrlab.config.SiteConfig;
import org.norrlab.driver.Speed;
import org.norrlab.importer.ImportService;
import org.norrlab.importer.ImportedSession;
import org.norrlab.scheduler.RunListener;
import org.norrlab.store.SessionStatus;
import org.norrlab.store.SessionStore;
import org.norrlab.testing.Fixtures;
import org.norrlab.testing.LargeFiles;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An operator imports a large file into the bench's SQLite file during a run, and another program holds the
 * file's write lock for longer than SQLite's busy timeout: the run goes on and keeps every sample.
 * (The 1 M-row import is {@code norrlab bench import-during-run}.)
 */
class ImportDuringRunTest {
    private static final int IMPORTED_ROWS = 150_000;

    @TempDir
    Path temp;

    @Test
    void aLargeImportAndALongLockOnTheSameFileNeverCostTheRunASample() throws Exception {
        Path protocol = temp.resolve("long.yaml");
        Files.writeString(protocol, "steps:\n  - ca: {potential: -0.5 V vs RHE, duration: 10 min, interval: 100 ms}\n");
        Path database = temp.resolve("bench.db");
        Path csv = LargeFiles.importableCsv(temp.resolve("big.csv"), IMPORTED_ROWS);
        PreparedRun run = new RunService(SiteConfig.load(Fixtures.HOME))
                .prepare(RunRequest.simulated(protocol, new Speed(10)).withDatabase(database));
        CompletableFuture<RunOutcome> outcome = CompletableFuture.supplyAsync(() -> {
            try {
                return run.execute(new RunListener() { });
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        LongSupplier acquired = () -> run.statistics().snapshot().samples();
        awaitAtLeast(acquired, 20);

        ImportedSession imported = ImportService.read(csv);
        long importedId;
        try (SessionStore other = SessionStore.open(database)) {
            importedId = ImportService.store(other, csv, imported, Fixtures.cellAtPh7());
        }
        awaitAtLeast(acquired, acquired.getAsLong() + 20);

        // Another program takes the write lock for longer than the busy timeout (5 s) of the run's writer.
        try (Connection tool = DriverManager.getConnection("jdbc:sqlite:" + database); Statement s = tool.createStatement()) {
            s.execute("PRAGMA busy_timeout = 30000");
            s.execute("BEGIN IMMEDIATE");
            Thread.sleep(5_500);
            s.execute("ROLLBACK");
        }
        awaitAtLeast(acquired, acquired.getAsLong() + 20);
        run.requestAbort("the test has seen what it needed");
        RunOutcome result = outcome.get(60, TimeUnit.SECONDS);

        assertThat(result.status()).as(result.reason()).isEqualTo(SessionStatus.ABORTED);
        long samplesIn = result.counters().samplesIn();
        assertThat(samplesIn).isGreaterThan(60);
        try (SessionStore store = SessionStore.open(database)) {
            assertThat(count(database, "SELECT count(*) FROM samples WHERE session_id = " + result.sessionId()))
                    .as("every sample acquired is stored").isEqualTo(samplesIn);
            assertThat(store.steps(result.sessionId()).get(0).sampleCount()).isEqualTo(samplesIn);
            assertThat(store.session(importedId).orElseThrow().status()).isEqualTo(SessionStatus.COMPLETED);
            assertThat(count(database, "SELECT count(*) FROM samples WHERE session_id = " + importedId))
                    .isEqualTo(IMPORTED_ROWS);
        }
    }

    private static void awaitAtLeast(LongSupplier samples, long target) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (samples.getAsLong() < target && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(samples.getAsLong()).as("samples acquired").isGreaterThanOrEqualTo(target);
    }

    private static long count(Path database, String sql) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + database); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
