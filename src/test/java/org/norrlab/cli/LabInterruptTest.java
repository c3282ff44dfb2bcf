package org.norrlab.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.norrlab.testing.Fixtures;
import org.norrlab.testing.NorrlabProcess;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A real JVM running {@code norrlab run --lab} with two benches gets SIGTERM (the same shutdown as Ctrl-C):
 * every bench's summary with its cell-off line is printed before the process exits, the console's warnings
 * name their bench, and {@code sessions} shows which bench ran each session.
 */
class LabInterruptTest {
    @TempDir
    Path temp;

    @Test
    void sigtermPrintsEveryBenchsSummaryAndWarningsNameTheirBench() throws Exception {
        Path db = temp.resolve("lab.db");
        Path quiet = temp.resolve("quiet.yaml");
        Files.writeString(quiet, "name: quiet\nsteps:\n  - ca: {potential: -0.5 V vs RHE, duration: 2 h, interval: 100 ms}\n");
        // A current limit the first step breaks at once: a warning from the instrument's thread, not the bench's.
        Path limited = temp.resolve("limited.yaml");
        Files.writeString(limited, "name: limited\nsafety: {max_current: 1 mA}\nsteps:\n"
                + "  - ca: {potential: -0.5 V vs RHE, duration: 2 min, interval: 100 ms}\n"
                + "  - ocp: {duration: 2 h, interval: 100 ms}\n");
        Path lab = temp.resolve("lab.yaml");
        Files.writeString(lab, "benches:\n  - {name: H1, protocol: " + quiet + ", speed: 300}\n"
                + "  - {name: H2, protocol: " + limited + ", speed: 300}\n");
        Path errors = temp.resolve("stderr.txt");
        Process process = new ProcessBuilder(NorrlabProcess.command(temp, List.of(), "run", "--lab", lab.toString(),
                "--db", db.toString(), "--no-progress")).redirectError(errors.toFile()).start();
        BufferedReader output = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        assertThat(output.readLine()).startsWith("Lab lab.yaml: 2 benches");
        assertThat(output.readLine()).contains("H1: quiet");
        assertThat(output.readLine()).contains("H2: limited");
        Thread.sleep(2000);
        NorrlabProcess.signal(process, "TERM");
        assertThat(process.waitFor(40, TimeUnit.SECONDS)).isTrue();
        String rest = String.join("\n", output.lines().toList());
        String console = Files.readString(errors);
        assertThat(process.exitValue()).as(rest + "\n" + console).isEqualTo(143);

        assertThat(rest).contains("== bench H1 ==").contains("== bench H2 ==");
        assertThat(rest.split("\n")).filteredOn(l -> l.matches("Session \\d aborted: operator interrupt.*")).hasSize(2);
        assertThat(rest.split("\n")).filteredOn(l -> l.contains("the cell was turned off.")).hasSize(2);

        List<String> warnings = console.lines().filter(l -> l.startsWith("WARN") || l.startsWith("ERROR")).toList();
        assertThat(warnings).anyMatch(l -> l.matches("WARN  bench H2: safety envelope: step 1: .*"))
                .anyMatch(l -> l.equals("WARN  bench H1: abort requested: operator interrupt (Ctrl-C or SIGTERM)"))
                .anyMatch(l -> l.equals("WARN  bench H2: abort requested: operator interrupt (Ctrl-C or SIGTERM)"))
                .allMatch(l -> l.matches("(WARN |ERROR) bench H[12]: .*"));

        CliRunner.Result sessions = CliRunner.norrlab("sessions", "--db", db.toString(), "--home", Fixtures.HOME.toString());
        assertThat(sessions.out()).containsPattern("\\bbench\\b")
                // the sample column, then the alerts column: "—" as the lab file names no sample and no channel is set
                .containsPattern("aborted\\s+quiet\\s+.*\\s+H1\\s+1\\s+—\\s+—\\n")
                .containsPattern("aborted\\s+limited\\s+.*\\s+H2\\s+2\\s+—\\s+—\\n");
    }
}
