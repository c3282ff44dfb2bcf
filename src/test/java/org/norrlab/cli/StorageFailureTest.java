package org.norrlab.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.norrlab.testing.Fixtures;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A session database that is locked by another program, on a read-only file system, or on a disk
 * that fills up mid-run: one readable paragraph, and nothing already stored is lost. The last two
 * need a small tmpfs (root, as on this project's machines); without one they are skipped.
 */
class StorageFailureTest {
    @TempDir
    Path temp;

    private static CliRunner.Result norrlab(String... args) {
        String[] all = java.util.Arrays.copyOf(args, args.length + 2);
        all[args.length] = "--home";
        all[args.length + 1] = Fixtures.HOME.toString();
        return CliRunner.norrlab(all);
    }

    private static int sh(String... command) throws Exception {
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start()
                .waitFor();
    }

    private static long samples(Path db) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:file:" + db + "?mode=ro", new java.util.Properties());
             Statement s = c.createStatement()) {
            return s.executeQuery("SELECT count(*) FROM samples").getLong(1);
        }
    }

    @Test
    void aDatabaseLockedByAnotherProgramIsNamed() throws Exception {
        Path db = temp.resolve("locked.db");
        assertThat(norrlab("run", "protocols/demo-sweep.yaml", "--speed", "max", "--no-progress", "--db", db.toString())
                .exitCode()).isZero();
        try (Connection holder = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = holder.createStatement()) {
            s.execute("BEGIN EXCLUSIVE");
            CliRunner.Result locked = norrlab("run", "protocols/demo-sweep.yaml", "--speed", "max", "--no-progress", "--db",
                    db.toString());
            assertThat(locked.exitCode()).isEqualTo(5);
            assertThat(locked.err()).startsWith("Session database problem: ").contains(db.toString()).contains("locked")
                    .doesNotContain("\tat ");
            s.execute("ROLLBACK");
        }
        assertThat(samples(db)).isEqualTo(12_020);
    }

    @Test
    void aReadOnlyFileSystemAndAFullDiskAreNamedAndStoredSamplesKept() throws Exception {
        Path mount = temp.resolve("small");
        Files.createDirectories(mount);
        assumeTrue(sh("mount", "-t", "tmpfs", "-o", "size=2m", "tmpfs", mount.toString()) == 0,
                "needs permission to mount a tmpfs");
        try {
            // A disk that fills up during the run: the writer fails, the run stops with the cell off. 2 MB holds the
            // schema and the first batches (a batch is at most 8192 samples, ~0.5 MB of WAL), not the 144 300 samples.
            Path db = mount.resolve("full.db");
            // norr-sweep.yaml's steps without its holds (which would wait for the operator): 144 300 samples
            Path sweep = temp.resolve("sweep-without-holds.yaml");
            Files.writeString(sweep, "steps:\n  - ocp: {duration: 5 min, interval: 1 s}\n  - sweep: {potentials: [-0.4 V vs RHE,"
                    + " -0.5 V vs RHE, -0.6 V vs RHE, -0.7 V vs RHE], duration: 1 h, interval: 100 ms}\n");
            CliRunner.Result full = norrlab("run", sweep.toString(), "--speed", "max", "--no-progress", "--db",
                    db.toString());
            assertThat(full.exitCode()).isNotZero();
            assertThat(full.out() + full.err()).contains("full").doesNotContain("\tat ");
            long kept = samples(db);
            assertThat(kept).isPositive();
            // The summary's counts are the run's own, and the store holds exactly what it says was committed; the
            // samples the failed batch and the queue held are told as lost, not claimed stored.
            PrintedCounts printed = PrintedCounts.in(full.out());
            assertThat(printed.committed()).isEqualTo(kept);
            assertThat(printed.acquired()).isGreaterThan(kept);
            printed.assertLossToldIn(full.out());
            assertThat(full.out()).contains("the cell was turned off.");

            // The same file on a file system made read-only: the run is refused, the stored samples stay readable.
            assertThat(sh("mount", "-o", "remount,ro", mount.toString())).isZero();
            CliRunner.Result readOnly = norrlab("run", "protocols/demo-sweep.yaml", "--speed", "max", "--no-progress", "--db",
                    db.toString());
            assertThat(readOnly.exitCode()).isEqualTo(5);
            assertThat(readOnly.err()).startsWith("Session database problem: ").contains(db.toString()).doesNotContain("\tat ");
            assertThat(samples(db)).isEqualTo(kept);
        } finally {
            sh("umount", mount.toString());
        }
    }
}
