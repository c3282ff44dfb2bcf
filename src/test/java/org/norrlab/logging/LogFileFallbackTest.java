package org.norrlab.logging;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.norrlab.testing.NorrlabProcess;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A data directory where the log file cannot be written: norrlab logs to the console only, says so in one
 * warning line naming the file and why, and the operator's real error follows with nothing of Logback's own
 * status or Java frames before it. Real processes, with the shipped config/logback.xml. As root, chmod does not
 * stop a write, so the directories are made unwritable for everyone: one under a regular file, one on a tmpfs
 * remounted read-only (skipped where no tmpfs can be mounted).
 */
class LogFileFallbackTest {
    @TempDir
    Path temp;

    private static String console(Path data, String... args) throws Exception {
        Process process = NorrlabProcess.start(data, List.of(), args);
        String text = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return text;
    }

    @Test
    void aDataDirectoryUnderARegularFileGivesOneWarningLineThenTheRealError() throws Exception {
        Path regular = Files.writeString(temp.resolve("regular"), "a file, not a folder\n");
        Path missingDb = temp.resolve("none.db");
        String text = console(regular.resolve("data"), "sessions", "--db", missingDb.toString());
        assertThat(text.lines().toList()).containsExactly(
                "WARN  cannot write the log file " + regular.resolve("data/norrlab.log") + " (Not a directory); logging to"
                        + " the console only. To keep a log, set data_directory in config/site.yaml to a folder you can write.",
                "Session database problem: there is no session database at " + missingDb
                        + " (given with --db); check the path, or run a protocol with --db " + missingDb + " to make it");
    }

    @Test
    void aReadOnlyDataDirectoryGivesOneWarningLineAndTheCommandStillWorks() throws Exception {
        Path mount = Files.createDirectories(temp.resolve("ro"));
        assumeTrue(sh("mount", "-t", "tmpfs", "-o", "size=1m,ro", "tmpfs", mount.toString()) == 0,
                "needs permission to mount a tmpfs");
        try {
            // A command that logs: the warning when it first logs (logging is set up then, since issue 23: after the
            // plan line, before the run's report), the command as it always is.
            Path protocol = Files.writeString(temp.resolve("short.yaml"),
                    "name: short\nsteps:\n  - ca: {potential: -0.5 V vs RHE, duration: 10 s, interval: 1 s}\n");
            String text = console(mount, "run", protocol.toString(), "--speed", "max", "--no-progress", "--db",
                    temp.resolve("short.db").toString());
            List<String> lines = text.lines().toList();
            String warning = "WARN  cannot write the log file " + mount.resolve("norrlab.log")
                    + " (Read-only file system); logging to the console only. To keep a log, set data_directory in"
                    + " config/site.yaml to a folder you can write.";
            assertThat(lines).contains(warning);
            assertThat(lines.indexOf(warning)).isLessThan(lines.indexOf(lines.stream()
                    .filter(line -> line.startsWith("Stored: ")).findFirst().orElseThrow()));
            // the command itself is unaffected, and nothing else is said about logging
            assertThat(text).contains("Stored: 10 samples of session 1");
            assertThat(text).doesNotContain("|-ERROR").doesNotContain("\tat ").doesNotContain("Exception");
            assertThat(lines.stream().filter(line -> line.contains("log file")).count()).isEqualTo(1);

            // A command that logs nothing (plan) sets up no logging since issue 23: no log file, so nothing to warn of.
            String plan = console(mount, "plan", "protocols/demo-sweep.yaml");
            assertThat(plan.lines().findFirst().orElseThrow()).startsWith("Protocol NORR demo sweep");
            assertThat(plan).doesNotContain("log file");
        } finally {
            sh("umount", mount.toString());
        }
    }

    private static int sh(String... command) throws Exception {
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start()
                .waitFor();
    }
}
