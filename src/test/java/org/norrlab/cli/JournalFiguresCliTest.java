package org.norrlab.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** report --figure-width and --figure-titles on the command line; the default report is written as it always was. */
class JournalFiguresCliTest {
    @TempDir
    Path temp;

    @Test
    void aJournalWidthAddsAPdfOfEachFigureAndTheDefaultReportIsUnchanged() throws Exception {
        Path db = temp.resolve("j.db");
        Path protocol = temp.resolve("one-ca.yaml");
        Files.writeString(protocol, "steps:\n  - ca: {potential: -0.5 V vs RHE, duration: 4 s, interval: 1 s}\n");
        assertThat(CliRunner.norrlabOn(db, "run", protocol.toString(), "--speed", "max", "--no-progress").exitCode())
                .isZero();

        Path plain = temp.resolve("plain");
        CliRunner.Result report = CliRunner.norrlabOn(db, "report", "1", "-o", plain.toString());
        assertThat(report.exitCode()).as(report.err()).isZero();
        // the lines the report always printed, in their order: no PDF unless a journal width is asked for
        assertThat(report.out().lines().map(l -> l.substring(l.lastIndexOf('/') + 1)).toList())
                .containsExactly("current.png", "current.svg", "summary.json", "summary.md");

        Path journal = temp.resolve("journal");
        CliRunner.Result column = CliRunner.norrlabOn(db, "report", "1", "-o", journal.toString(), "--figure-width",
                "one-column", "--figure-titles");
        assertThat(column.exitCode()).as(column.err()).isZero();
        assertThat(column.out()).contains("Wrote " + journal.resolve("current.pdf").toAbsolutePath());
        // 85 mm = 240.945 pt wide, 68 mm = 192.756 pt high; the title asked for is in the figure
        String svg = Files.readString(journal.resolve("current.svg"));
        assertThat(svg).contains("width='240.945pt'").contains("height='192.756pt'").contains(">Session 1: one-ca<");
        assertThat(Files.readString(plain.resolve("current.svg"))).doesNotContain("Session 1: one-ca");
        assertThat(Files.size(journal.resolve("current.pdf"))).isPositive();

        CliRunner.Result wrong = CliRunner.norrlabOn(db, "report", "1", "-o", temp.resolve("x").toString(),
                "--figure-width", "a4");
        assertThat(wrong.exitCode()).isEqualTo(3);
        assertThat(wrong.err()).contains("--figure-width: 'a4' is not a figure width; allowed: report, one-column,"
                + " two-column");
        assertThat(List.of(temp.resolve("x").toFile().list() == null ? new String[0] : temp.resolve("x").toFile().list()))
                .as("nothing written for a refused width").isEmpty();
    }
}
