package org.norrlab.cli;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.norrlab.store.SessionStore;
import org.norrlab.testing.SweepSessions;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** 'analyze' on a session of constructed sweeps (see {@link SweepSessions} for the formulas behind the numbers). */
class SweepAnalysisCliTest {
    @TempDir
    Path temp;
    Path db;

    @BeforeEach
    void writeTheStudy() throws Exception {
        db = temp.resolve("sweeps.db");
        try (SessionStore store = SessionStore.open(db)) {
            SweepSessions.study(store);
        }
    }

    private CliRunner.Result norrlab(String... args) {
        return CliRunner.norrlabOn(db, args);
    }

    @Test
    void aSweepSessionGetsOnsetsTheDifferenceAndCdl() {
        CliRunner.Result r = norrlab("analyze", "1");
        assertThat(r.exitCode()).as(r.err()).isZero();
        String out = r.out();
        // NO: j = −0.01 − 5·(0.1 − E) mA/cm² above −0.30 V: −1 mA/cm² at 0.1 − E = 0.99/5 = 0.198, E = −0.098 V.
        // Ar: j = −0.01 − 10·(−0.3 − E): −1 at −0.3 − E = 0.099, E = −0.399 V.
        assertThat(out).containsPattern("\\n\\s*6\\s+Ar\\s+5 mV/s\\s+0\\.300 → -0\\.500\\s+-0\\.399\\s*\\n")
                .containsPattern("\\n\\s*7\\s+NO\\s+5 mV/s\\s+0\\.300 → -0\\.500\\s+-0\\.098\\s*\\n");
        // Δj = −5·(0.1 − E) mA/cm² below 0.1 V: −3 mA/cm² at −0.5 V; −1 mA/cm² at E = −0.1 V.
        assertThat(out).contains("Δj = j(NO) − j(Ar), LSV step 7 (NO) − LSV step 6 (Ar), at 5 mV/s over -0.500 … 0.300 V"
                + " vs RHE (the range both cover), 81 points 10.0 mV apart; most cathodic Δj -3 mA/cm² at -0.500 V vs RHE");
        assertThat(out).contains("Onset of Δj at 1 mA/cm²: -0.100 V vs RHE");
        // C_dl = 2 mF/cm² from the four series CVs at 0.200 V, the middle of 0.155 … 0.245 V; ECSA = 2e-3/40e-6 × 1 = 50 cm².
        assertThat(out).contains("C_dl = 2.000 ± ").contains("at 0.200 V vs RHE, 4 CVs, R² 1.00000); ECSA = 50.00 ± ")
                .contains("(C_s 40.00 µF/cm², geometric 1.000 cm², roughness 50.00)");
        // Δj/2 at 10 mV/s = 2e-3 × 0.01 = 20 µA/cm²; background 1e-4·(0.2 − 0.1) = 10 µA/cm² on both branches.
        assertThat(out).containsPattern("CV step 2 \\(Ar\\)\\s+10 mV/s\\s+30\\.00\\s+-10\\.00\\s+20\\.00");
        assertThat(out).contains("CV step 1 (Ar) (window -0.300 … 0.500 V vs RHE) is not part of the scan-rate series and"
                + " is left out of C_dl");
    }

    @Test
    void theOptionsChangeTheDefinitionsAndBadValuesAreRefused() {
        CliRunner.Result r = norrlab("analyze", "1", "--onset-at", "2 mA/cm2", "--cdl-at", "0.18 V vs RHE",
                "--specific-capacitance", "20 uF/cm2", "--cdl-steps", "2,3,4");
        assertThat(r.exitCode()).as(r.err()).isZero();
        // NO at 2 mA/cm²: 0.1 − E = 1.99/5 = 0.398 → −0.298 V; Ar: −0.3 − E = 0.199 → −0.499 V.
        assertThat(r.out()).containsPattern("\\n\\s*7\\s+NO\\s+5 mV/s\\s+0\\.300 → -0\\.500\\s+-0\\.298\\s*\\n")
                .containsPattern("\\n\\s*6\\s+Ar\\s+5 mV/s\\s+0\\.300 → -0\\.500\\s+-0\\.499\\s*\\n")
                // 2e-3 / 20e-6 × 1 cm² = 100 cm²; three CVs named
                .contains("at 0.180 V vs RHE, 3 CVs, R² 1.00000); ECSA = 100.0 ± ");
        CliRunner.Result re = norrlab("analyze", "1", "--cdl-at", "-0.4 V vs RE");
        assertThat(re.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(re.err()).contains("--cdl-at: give the potential vs RHE");
        CliRunner.Result json = norrlab("analyze", "1", "--format", "json");
        assertThat(json.err()).contains("its sweep analysis prints as a table only (--format table)");
        CliRunner.Result notCv = norrlab("analyze", "1", "--cdl-steps", "2,6");
        assertThat(notCv.err()).contains("step 6 is not a CV step of this session; its CV steps are 1, 2, 3, 4, 5");
    }

    @Test
    void aSessionWithCaStepsPrintsItsCaTableFirstAndThenItsSweeps() throws Exception {
        Path both = temp.resolve("both.db");
        try (SessionStore store = SessionStore.open(both)) {
            SweepSessions.study(store, true);
        }
        CliRunner.Result r = CliRunner.norrlabOn(both, "analyze", "1");
        assertThat(r.exitCode()).as(r.err()).isZero();
        // The CA table as for any session (−2 mA for 10 s: |Q| = 0.02 C), then the sweeps.
        assertThat(r.out()).containsPattern("\\n\\s+8\\s+-0\\.500\\s+10\\.0\\s+0\\.0200")
                .contains("Sweeps of session 1 (norr-study)").contains("Onset of Δj at 1 mA/cm²: -0.100 V vs RHE");
        assertThat(r.out().indexOf("± is one standard deviation from the calibration fit"))
                .isLessThan(r.out().indexOf("Sweeps of session 1"));
        // JSON keeps its CA shape; the sweep options ask for the table.
        CliRunner.Result json = CliRunner.norrlabOn(both, "analyze", "1", "--format", "json");
        assertThat(json.exitCode()).as(json.err()).isZero();
        assertThat(json.out()).doesNotContain("Sweeps of session");
        CliRunner.Result refused = CliRunner.norrlabOn(both, "analyze", "1", "--format", "json", "--onset-at", "1 mA/cm2");
        assertThat(refused.err()).contains("--onset-at analyse the sweeps of one session and print as a table; leave out"
                + " --format json");
    }

    @Test
    void fewerThanThreeScanRatesSaySoAndTheRestIsStillShown() {
        CliRunner.Result r = norrlab("analyze", "1", "--cdl-steps", "2,3");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("C_dl: not computed: C_dl needs CVs at 3 or more scan rates for a slope and its"
                + " standard error; the CVs have 2 (10 mV/s, 20 mV/s)").contains("Onset of Δj at 1 mA/cm²: -0.100 V vs RHE");
    }
}
