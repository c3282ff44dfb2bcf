package org.norrlab.cli;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.norrlab.testing.LargeFiles;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A data directory nobody may write (an archive, a share mounted read-only): the reading commands work and say
 * once that the store is read-only; a command that writes refuses, naming the file. Read-only here means that
 * the permissions grant nobody write access, which norrlab honours even when run as root.
 */
class ReadOnlyStoreTest {
    @TempDir
    Path temp;
    private Path data;
    private Path db;

    @AfterEach
    void writableAgain() throws IOException {
        if (data != null) {
            Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("rwxr-xr-x"));
            Files.setPosixFilePermissions(db, PosixFilePermissions.fromString("rw-r--r--"));
        }
    }

    @Test
    void readingCommandsWorkOnAReadOnlyStoreAndWritingCommandsRefuseIt() throws Exception {
        data = Files.createDirectory(temp.resolve("archive"));
        db = data.resolve("norrlab.db");
        Path csv = LargeFiles.importableCsv(temp.resolve("a.csv"), 100);
        // A CA step, so that analyze has one to analyse.
        assertThat(CliRunner.norrlab("import", csv.toString(), "--technique", "ca", "--potential", "-0.5 V vs RHE", "--db",
                db.toString()).exitCode()).isZero();
        Files.setPosixFilePermissions(db, PosixFilePermissions.fromString("r--r--r--"));
        Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("r-xr-xr-x"));
        byte[] before = Files.readAllBytes(db);
        List<String> filesBefore = fileNames(data);

        for (String[] command : new String[][] {{"sessions"}, {"show", "1"}, {"analyze", "1"}}) {
            String[] args = new String[command.length + 2];
            System.arraycopy(command, 0, args, 0, command.length);
            args[command.length] = "--db";
            args[command.length + 1] = db.toString();
            CliRunner.Result result = CliRunner.norrlab(args);
            assertThat(result.exitCode()).as(command[0] + ": " + result.out() + result.err()).isZero();
            assertThat(occurrences(result.out() + result.err(), "opened read-only")).as(command[0] + " says so once")
                    .isEqualTo(1);
        }
        assertThat(CliRunner.norrlab("sessions", "--db", db.toString()).out()).contains("completed");

        CliRunner.Result refused = CliRunner.norrlab("import", csv.toString(), "--db", db.toString());
        assertThat(refused.exitCode()).isNotZero();
        assertThat(refused.err()).contains("cannot write into the session database " + db).contains("read-only");
        assertThat(Files.readAllBytes(db)).as("the file is unchanged").isEqualTo(before);
        assertThat(fileNames(data)).as("nothing added beside the database (no -wal, no -shm)").isEqualTo(filesBefore);
    }

    @Test
    void runAndCalibrationRefuseAReadOnlyStoreBeforeTheyPrintAnything() throws Exception {
        data = Files.createDirectory(temp.resolve("archive"));
        db = data.resolve("norrlab.db");
        assertThat(CliRunner.norrlab("import", LargeFiles.importableCsv(temp.resolve("a.csv"), 100).toString(), "--technique",
                "ca", "--potential", "-0.5 V vs RHE", "--db", db.toString()).exitCode()).isZero();
        Path standards = Files.writeString(temp.resolve("std.csv"), "concentration,absorbance\n0,0.01\n1,0.4\n2,0.8\n3,1.2\n");
        Files.setPosixFilePermissions(db, PosixFilePermissions.fromString("r--r--r--"));
        Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("r-xr-xr-x"));
        String refusal = "Session database problem: cannot write into the session database " + db + ": the file " + db
                + " is read-only.";
        // Before: run printed "Protocol NORR demo sweep: 5 steps, ... planned, on ..." and calib add printed the whole fit
        // as if the run were starting and the calibration about to be saved, then refused.
        CliRunner.Result run = CliRunner.norrlabOn(db, "run", "protocols/demo-sweep.yaml", "--speed", "max", "--no-progress");
        assertThat(run.exitCode()).isEqualTo(5);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).startsWith(refusal);
        CliRunner.Result calib = CliRunner.norrlabOn(db, "calib", "add", standards.toString(), "--method", "indophenol",
                "--wavelength", "655 nm", "--unit", "mM");
        assertThat(calib.exitCode()).isEqualTo(5);
        assertThat(calib.out()).isEmpty();
        assertThat(calib.err()).startsWith(refusal);
    }

    private static List<String> fileNames(Path folder) throws IOException {
        try (var files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    /**
     * A session cut off by a crash is marked interrupted when a store is next opened for writing; a read-only store
     * cannot be marked, so it must still be shown as interrupted, never as a run that goes on.
     */
    @Test
    void aSessionCutOffInAReadOnlyStoreIsShownInterrupted() throws Exception {
        data = Files.createDirectory(temp.resolve("archive"));
        db = data.resolve("norrlab.db");
        Path csv = LargeFiles.importableCsv(temp.resolve("a.csv"), 100);
        assertThat(CliRunner.norrlab("import", csv.toString(), "--db", db.toString()).exitCode()).isZero();
        // As a kill -9 leaves it: still 'running', its last heartbeat long ago, no end.
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement()) {
            s.executeUpdate("UPDATE sessions SET status = 'running', status_reason = '', ended_utc = NULL,"
                    + " heartbeat_utc = '2026-01-01T00:00:00Z', last_sample_utc = '2026-01-01T00:00:00.500Z'");
        }
        Files.setPosixFilePermissions(db, PosixFilePermissions.fromString("r--r--r--"));
        Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("r-xr-xr-x"));
        byte[] before = Files.readAllBytes(db);

        CliRunner.Result sessions = CliRunner.norrlab("sessions", "--db", db.toString());
        assertThat(sessions.exitCode()).isZero();
        assertThat(sessions.out()).contains("interrupted").doesNotContain("running");
        CliRunner.Result show = CliRunner.norrlab("show", "1", "--db", db.toString());
        assertThat(show.out()).contains("interrupted").contains("no sign of life since 2026-01-01T00:00:00Z")
                .contains("last sample 2026-01-01T00:00:00.500Z").contains("the read-only file still says 'running'");
        assertThat(Files.readAllBytes(db)).as("nothing written").isEqualTo(before);
    }

    private static int occurrences(String text, String part) {
        Matcher m = Pattern.compile(Pattern.quote(part)).matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }
}
