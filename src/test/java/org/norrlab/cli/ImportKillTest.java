package org.norrlab.cli;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.norrlab.store.SessionStore;
import org.norrlab.testing.LargeFiles;
import org.norrlab.testing.NorrlabProcess;
import org.norrlab.testing.StoredSessions;

import java.io.BufferedWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** kill -9 during an import: the store keeps all of it or nothing, and nothing half-written claims to be resumable. */
class ImportKillTest {
    /** 100 ms beats in this JVM and the killed one: an import dead for 1.2 s is removed, instead of a minute. */
    private static final String BEAT = "-Dnorrlab.heartbeat.ms=100";

    @TempDir
    Path temp;

    @BeforeEach
    void shortBeats() {
        System.setProperty("norrlab.heartbeat.ms", "100");
    }

    @AfterEach
    void defaultBeats() {
        System.clearProperty("norrlab.heartbeat.ms");
    }

    @Test
    void aKilledImportIsRemovedAndNeverOfferedForResume() throws Exception {
        Path db = temp.resolve("import.db");
        Path csv = LargeFiles.importableCsv(temp.resolve("big.csv"), 60_000);
        Process process = NorrlabProcess.start(temp, List.of(BEAT), "import", csv.toString(), "--db", db.toString());
        Optional<String> statusWhileImporting;
        try {
            statusWhileImporting = awaitFirst(process, db, "SELECT status FROM sessions WHERE id = 1");
        } finally {
            NorrlabProcess.killNine(process);
        }
        assertThat(statusWhileImporting).as("the session while its import runs").contains("importing");

        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        int sessions = -1;
        while (sessions != 0 && System.nanoTime() < deadline) {
            Thread.sleep(200);
            try (SessionStore store = SessionStore.open(db)) {
                sessions = store.sessions().size();
            }
        }
        assertThat(sessions).as("sessions left by the killed import").isZero();
        assertThat(query(db, "SELECT count(*) FROM samples")).contains("0");
        CliRunner.Result listed = CliRunner.norrlab("sessions", "--db", db.toString());
        assertThat(listed.exitCode()).isZero();
        assertThat(listed.out()).doesNotContain("resume").doesNotContain("running").doesNotContain("interrupted");
    }

    @Test
    void aKilledAssayImportStoresAllRowsOrNoneAndAnotherImportDoesNotDuplicate() throws Exception {
        Path db = temp.resolve("assays.db");
        try (SessionStore store = SessionStore.open(db)) {
            assertThat(StoredSessions.completedCa(store, 10)).isEqualTo(1);
        }
        int rows = 5_000;
        Path assays = temp.resolve("assays.csv");
        try (BufferedWriter out = Files.newBufferedWriter(assays)) {
            out.write("step,product,concentration\n");
            for (int i = 0; i < rows; i++) {
                out.write("1,NH3," + (0.1 + i * 1e-6) + " mM\n");
            }
        }
        Process process = NorrlabProcess.start(temp, List.of(), "assay", "import", "1", assays.toString(), "--db", db.toString());
        try {
            awaitFirst(process, db, "SELECT 1 FROM assays");
        } finally {
            NorrlabProcess.killNine(process);
        }
        String stored = query(db, "SELECT count(*) FROM assays").orElseThrow();
        assertThat(stored).as("assays stored by the killed import").isIn("0", String.valueOf(rows));
        if (stored.equals("0")) {
            CliRunner.Result again = CliRunner.norrlab("assay", "import", "1", assays.toString(), "--db", db.toString());
            assertThat(again.exitCode()).as(again.err()).isZero();
        }
        assertThat(query(db, "SELECT count(*) FROM assays")).contains(String.valueOf(rows));
    }

    /** Polls until the query answers a row (or the process ends); the first column of that row. */
    private static Optional<String> awaitFirst(Process process, Path db, String sql) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (process.isAlive() && System.nanoTime() < deadline) {
            if (Files.exists(db)) {
                try {
                    Optional<String> found = query(db, sql);
                    if (found.isPresent()) {
                        return found;
                    }
                } catch (SQLException e) {
                    // the import is still creating the file
                }
            }
            Thread.sleep(5);
        }
        return Optional.empty();
    }

    private static Optional<String> query(Path db, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement()) {
            s.execute("PRAGMA busy_timeout = 5000");
            try (ResultSet rs = s.executeQuery(sql)) {
                return rs.next() ? Optional.ofNullable(rs.getString(1)) : Optional.empty();
            }
        }
    }
}
