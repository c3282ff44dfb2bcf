package org.norrlab.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.norrlab.core.SampleEntry;
import org.norrlab.store.SessionStore;
import org.norrlab.store.StoreLocation;
import org.norrlab.testing.Fixtures;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample, operator and notes given to {@code run} (schema 15) through every stop of a session: show, sessions,
 * the report, export as CSV and JSON Lines and import of each, and a replay; at each the same three texts, the notes'
 * line break and backslash included.
 */
class SampleEntryJourneyTest {
    private static final SampleEntry GIVEN = new SampleEntry("Fe1/MoS2-x batch 3", "A. Chemist",
            "0.1 M Na2SO4 + 0.1 M PBS\\pH 7\nfresh electrode");

    @TempDir
    Path temp;

    private static CliRunner.Result on(Path database, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--home", Fixtures.HOME.toString(), "--db", database.toString()));
        return CliRunner.norrlab(all.toArray(String[]::new));
    }

    private static SampleEntry stored(Path database, long id) throws Exception {
        try (SessionStore store = SessionStore.open(StoreLocation.file(database))) {
            return store.existingSession(id).sample();
        }
    }

    @Test
    void theSampleOperatorAndNotesGivenToRunGoEverywhereTheSessionGoes() throws Exception {
        Path protocol = temp.resolve("short.yaml");
        Files.writeString(protocol, """
                name: short
                steps:
                  - ca: {potential: -0.5 V vs RHE, duration: 2 s, interval: 100 ms}
                """);
        Path bench = temp.resolve("bench.db");
        CliRunner.Result run = on(bench, "run", protocol.toString(), "--speed", "max", "--no-progress",
                "--sample", GIVEN.sample(), "--operator", GIVEN.operator(), "--notes", GIVEN.notes());
        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        assertThat(stored(bench, 1)).isEqualTo(GIVEN);

        CliRunner.Result show = on(bench, "show", "1");
        assertThat(show.out()).contains("Sample: Fe1/MoS2-x batch 3\nOperator: A. Chemist\n"
                + "Notes: 0.1 M Na2SO4 + 0.1 M PBS\\pH 7\n       fresh electrode\n");
        assertThat(on(bench, "sessions").out()).contains("Fe1/MoS2-x batch 3");
        Path report = temp.resolve("report");
        CliRunner.Result reported = on(bench, "report", "1", "-o", report.toString());
        assertThat(reported.exitCode()).as(reported.err()).isZero();
        assertThat(Files.readString(report.resolve("summary.md"))).contains("- Sample: Fe1/MoS2-x batch 3\n"
                + "- Operator: A. Chemist\n- Notes: 0.1 M Na2SO4 + 0.1 M PBS\\pH 7\n  fresh electrode\n");

        for (String format : List.of("csv", "jsonl")) {
            Path file = temp.resolve("export." + format);
            CliRunner.Result export = on(bench, "export", "1", "--format", format, "-o", file.toString());
            assertThat(export.exitCode()).as(export.err()).isZero();
            if (format.equals("csv")) {
                // one comment line per field; the notes' backslash doubled and line break written \n
                assertThat(Files.readAllLines(file)).contains("# sample: Fe1/MoS2-x batch 3", "# operator: A. Chemist",
                        "# notes: 0.1 M Na2SO4 + 0.1 M PBS\\\\pH 7\\nfresh electrode");
            }
            Path fresh = temp.resolve(format + ".db");
            CliRunner.Result imported = on(fresh, "import", file.toString());
            assertThat(imported.exitCode()).as(imported.out() + imported.err()).isZero();
            assertThat(stored(fresh, 1)).as(format).isEqualTo(GIVEN);
        }

        CliRunner.Result replay = on(bench, "replay", "1", "--speed", "max", "--no-progress");
        assertThat(replay.exitCode()).as(replay.out() + replay.err()).isZero();
        assertThat(stored(bench, 2)).as("the replay").isEqualTo(GIVEN);
    }
}
