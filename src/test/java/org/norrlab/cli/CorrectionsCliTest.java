package org.norrlab.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.norrlab.report.PlacesAndCorrectionsTest;
import org.norrlab.store.SessionStatus;
import org.norrlab.store.SessionStore;
import org.norrlab.testing.PostgresServer;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 19, part D, as an operator meets it: assay places, corrections with a reason and the trail, which goes along
 * with sync to the lab's PostgreSQL and with an export (JSON Lines) imported elsewhere.
 */
class CorrectionsCliTest {
    @TempDir
    Path temp;

    /** The hand-made session of {@link PlacesAndCorrectionsTest}: one CA step of 100 s, 10 mA (Q = 1 C), pH 7. */
    private Path bench() throws Exception {
        Path db = temp.resolve("bench.db");
        try (SessionStore store = SessionStore.open(db)) {
            store.finishSession(PlacesAndCorrectionsTest.session(store), SessionStatus.COMPLETED, "completed");
        }
        return db;
    }

    private static CliRunner.Result ok(Path db, String... args) {
        CliRunner.Result r = CliRunner.norrlabOn(db, args);
        assertThat(r.exitCode()).as(String.join(" ", args) + ": " + r.err()).isZero();
        return r;
    }

    /** Two catholyte replicates, one acid trap, one wrong assay removed, one corrected, the pH corrected. */
    private static void correct(Path db) {
        ok(db, "assay", "add", "1", "--step", "1", "--amount", "0.10 ± 0.001 umol");                        // assay 1
        ok(db, "assay", "add", "1", "--step", "1", "--amount", "0.13 ± 0.001 umol");                        // assay 2
        ok(db, "assay", "add", "1", "--step", "1", "--amount", "0.03 ± 0.001 umol", "--place", "acid_trap"); // assay 3
        ok(db, "assay", "add", "1", "--step", "1", "--amount", "9 umol", "--place", "anolyte");             // assay 4
        assertThat(ok(db, "assay", "correct", "2", "--amount", "0.12 ± 0.001 umol", "--reason", "typo: 0.13 for 0.12",
                "--operator", "ana").out()).isEqualTo("Assay 2 of session 1 is superseded by assay 5 (value 0.13 ± 0.001"
                + " umol → 0.12 ± 0.001 umol); the analysis uses assay 5.\n");
        assertThat(ok(db, "assay", "remove", "4", "--reason", "anolyte vial mislabelled", "--operator", "ana").out())
                .isEqualTo("Assay 4 of session 1 is removed from the analysis (NH3, step 1, anolyte: amount 9.0 umol);"
                        + " it stays stored.\n");
        assertThat(ok(db, "session", "correct", "1", "--ph", "8", "--reason", "pH re-measured", "--operator", "bo").out())
                .isEqualTo("Session 1 corrected: ph 7 → 8; the run's values are kept.\n");
    }

    @Test
    void correctionsAreWhatTheAnalysisUsesAndTheTrailSaysSo() throws Exception {
        Path db = bench();
        correct(db);
        String list = ok(db, "assay", "list", "1").out();
        assertThat(list).contains("superseded by 5").contains("removed").contains("acid_trap");
        String trail = ok(db, "assay", "history", "1").out();
        assertThat(trail).contains("assay 2 value").contains("0.12 ± 0.001 umol (assay 5)").contains("typo: 0.13 for 0.12")
                .contains("assay 4 removed").contains("anolyte vial mislabelled").contains("session ph").contains("bo");
        String table = ok(db, "analyze", "1").out();
        // catholyte (0.10 + 0.12)/2 = 0.11 µmol (σ = s/√2 = 0.01) + acid trap 0.03 µmol = 0.14 µmol; the removed
        // 9 µmol in the anolyte and the superseded 0.13 µmol are not counted.
        // FE = 0.14e-6 mol · 5 · 96485.33 C/mol / 1 C = 6.754 %; E_RHE = -1.111 + 0.197 + 0.05916·8 = -0.441 V
        assertThat(table).contains("step 1 NH3: n = 0.1400 ± 0.0100 µmol, FE = 6.75 ± 0.48 %")
                .contains("step 1 NH3: found in catholyte 0.1100 ± 0.0100 + acid_trap 0.03000 ± 0.00100 µmol")
                .contains("-0.441  100.0").contains("corrected: session ph 7 → 8, by bo, ")
                .contains("corrected: assay 4 removed (was NH3, step 1, anolyte: amount 9.0 umol), by ana, ");
        // show gives the corrected cell, E vs RHE on its scale (E vs RE as applied) and the trail
        assertThat(ok(db, "show", "1").out()).contains("pH 8.00").contains("-0.441").contains("-1.111")
                .contains("Corrected: session ph 7 → 8, by bo, ");
        String json = ok(db, "analyze", "1", "--format", "json").out();
        assertThat(json).contains("\"acid_trap\"").contains("\"what\" : \"session ph\"").contains("\"pH\" : 8.0");
    }

    @Test
    void theTrailGoesAlongWithSync() throws Exception {
        Path db = bench();
        correct(db);
        try (PostgresServer pg = PostgresServer.start()) {
            CliRunner.Result sync = ok(db, "sync", "--to", pg.url());
            assertThat(sync.out()).contains("1 copied").contains("0 calibrations, 5 assays, 0 control links and 3 corrections"
                    + " copied");
            String onBench = ok(db, "analyze", "1", "--format", "json").out();
            String inLab = CliRunner.norrlab("analyze", "1", "--format", "json", "--db", pg.url()).out();
            assertThat(inLab).isEqualTo(onBench).contains("\"what\" : \"session ph\"");
            assertThat(CliRunner.norrlab("assay", "history", "1", "--db", pg.url()).out())
                    .isEqualTo(ok(db, "assay", "history", "1").out());

            // A correction made after the first sync follows on the next, once.
            ok(db, "session", "correct", "1", "--electrode-area", "0.5 cm2", "--reason", "area measured under the microscope");
            assertThat(ok(db, "sync", "--to", pg.url()).out()).contains("0 assays, 0 control links and 1 corrections copied");
            assertThat(ok(db, "sync", "--to", pg.url()).out()).contains("0 assays, 0 control links and 0 corrections copied");
            assertThat(CliRunner.norrlab("analyze", "1", "--db", pg.url()).out())
                    .isEqualTo(ok(db, "analyze", "1").out()).contains("electrode 0.500 cm²");
        }
    }

    @Test
    void theTrailGoesAlongWithAnExportAndItsImport() throws Exception {
        Path db = bench();
        correct(db);
        Path file = temp.resolve("s1.jsonl");
        ok(db, "export", "1", "--format", "jsonl", "-o", file.toString());
        Path elsewhere = temp.resolve("elsewhere.db");
        ok(elsewhere, "import", file.toString());
        // The imported session has the recorded cell (pH 7) with the trail laid over it: E_RHE at pH 8 as on the bench.
        String imported = ok(elsewhere, "analyze", "1").out();
        assertThat(imported).contains("-0.441  100.0").contains("corrected: session ph 7 → 8, by bo, ")
                .contains(": pH re-measured");
        String trail = ok(elsewhere, "assay", "history", "1").out();
        assertThat(trail.lines().count()).isEqualTo(2 + 3);     // header, rule, three corrections
        assertThat(trail).contains("typo: 0.13 for 0.12").contains("anolyte vial mislabelled").contains("pH re-measured");
        // The export carries the assays (1-4 and 5, which replaced 2): the first import numbers them as the bench did.
        assertThat(trail).contains("assay 2 value").contains("(assay 5)").contains("assay 4 removed");
        // Imported twice, each session keeps a trail of its own, naming its own copies of the assays (6-10).
        ok(elsewhere, "import", file.toString());
        String second = ok(elsewhere, "assay", "history", "2").out();
        assertThat(second.lines().count()).isEqualTo(2 + 3);
        assertThat(second).contains("assay 7 value").contains("(assay 10)").contains("assay 9 removed")
                .contains("typo: 0.13 for 0.12").contains("anolyte vial mislabelled").contains("pH re-measured");
    }

    @Test
    void correctionsShowValuesAsTypedOrRoundedAndAMissingOperatorAsADash() throws Exception {
        Path db = bench();
        // a value with a double's 17 digits (as a converted assay has) is shown with 5 significant digits, its σ with 2;
        // the new value exactly as typed ("0.120", not 0.12)
        ok(db, "assay", "add", "1", "--step", "1", "--amount", "0.12345678912345678 ± 0.0012345678912345678 umol");
        assertThat(ok(db, "assay", "correct", "1", "--amount", "0.120 umol", "--reason", "re-read").out())
                .isEqualTo("Assay 1 of session 1 is superseded by assay 2 (value 0.12346 ± 0.0012 umol → 0.120 umol);"
                        + " the analysis uses assay 2.\n");
        List<String> trail = ok(db, "assay", "history", "1").out().lines().toList();
        assertThat(trail).hasSize(3);
        // when, what, old, new, operator (none given: —), reason
        assertThat(trail.get(2).split(" {2,}")).containsExactly(trail.get(2).split(" {2,}")[0], "assay 1 value",
                "0.12346 ± 0.0012 umol", "0.120 umol (assay 2)", "—", "re-read");
    }

    @Test
    void anAssayFileSaysWhereEachProductWasFound() throws Exception {
        Path db = bench();
        Path csv = java.nio.file.Files.writeString(temp.resolve("assays.csv"),
                "step,amount,place\n1,0.10 umol,catholyte\n1,0.03 umol,acid trap\n1,0.02 umol,\n");
        ok(db, "assay", "import", "1", csv.toString());
        // catholyte (0.10 + 0.02)/2 = 0.06 µmol (σ = s/√2 = 0.0566/1.414 = 0.04), plus 0.03 µmol from the acid trap = 0.09 µmol
        assertThat(ok(db, "analyze", "1").out()).contains("step 1 NH3: n = 0.0900 ± 0.0400 µmol")
                .contains("found in catholyte 0.06000 ± 0.0400 + acid_trap 0.03000 µmol");     // no σ given: no "± 0.00"
        Path bad = java.nio.file.Files.writeString(temp.resolve("bad.csv"), "step,amount,place\n1,0.10 umol,sink\n");
        CliRunner.Result refused = CliRunner.norrlabOn(db, "assay", "import", "1", bad.toString());
        assertThat(refused.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(refused.err()).contains("bad.csv:2").contains("'sink' is not a place an assay can come from; allowed:"
                + " catholyte, anolyte, acid_trap, gas");
    }
}
