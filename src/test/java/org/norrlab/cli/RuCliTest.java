package org.norrlab.cli;

import org.norrlab.core.EventKind;
import org.norrlab.core.Event;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.norrlab.acquisition.AcquisitionRecord;
import org.norrlab.config.Location;
import org.norrlab.config.Potential;
import org.norrlab.core.CurrentRangeChoice;
import org.norrlab.core.Gas;
import org.norrlab.core.ImpedancePoint;
import org.norrlab.core.InstrumentIdentity;
import org.norrlab.core.Sample;
import org.norrlab.core.StepOutcome;
import org.norrlab.electrochem.CellSettings;
import org.norrlab.plan.Electrolyte;
import org.norrlab.plan.PlannedPotential;
import org.norrlab.plan.PlannedStep;
import org.norrlab.plan.StepContext;
import org.norrlab.store.NewSession;
import org.norrlab.store.SessionStore;
import org.norrlab.store.StoreWriter;
import org.norrlab.testing.Fixtures;
import org.norrlab.testing.SweepSessions;

import java.nio.file.Path;
import org.norrlab.testing.SharedFixtures;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * {@code norrlab ru} and the iR-corrected potentials of {@code analyze}, on a session written straight through the
 * store: step 1 an impedance spectrum of a Randles cell (R_u 10 ohm, R_ct 200 ohm, C_dl 20 µF, 0.2 % noise, 100 kHz to
 * 0.1 Hz), steps 2–7 CA steps whose electrode really sat at −0.20 … −0.45 V vs RHE with a 120 mV/dec Tafel current,
 * I = −1 µA·10^(−E_true/0.120 V); the potentiostat set E_true + I·R_u, as it must to put the electrode there through
 * 10 ohm.
 */
class RuCliTest {
    private static final Location WHERE = new Location(Path.of("ru.yaml"), 1, 1);
    private static final double[] TRUE_VOLTS = {-0.20, -0.25, -0.30, -0.35, -0.40, -0.45};

    @TempDir
    Path temp;
    Path db;

    @BeforeEach
    void writeTheSession() throws Exception {
        db = temp.resolve("ru.db");
        try (SessionStore store = SessionStore.open(db)) {
            CellSettings cell = Fixtures.cellAtPh7();
            long id = store.createSession(new NewSession("ru-study", "ru.yaml", "", cell,
                    new InstrumentIdentity("sim", "sim", "model", "fw", "SN1"), Map.of(), "test", Instant.now(),
                    Map.of(), Optional.empty(), Optional.empty(), Electrolyte.Mode.REFRESH));
            double offset = cell.rheScale().offsetVolts();
            try (StoreWriter writer = store.writer(id)) {
                List<Double> frequencies = new ArrayList<>();
                for (int i = 0; i <= 60; i++) {
                    frequencies.add(1e5 * Math.pow(10, -i / 10.0));
                }
                PlannedStep eis = new PlannedStep.Impedance(1, "EIS", Optional.empty(), 0, 0.005, frequencies,
                        CurrentRangeChoice.AUTO, WHERE, StepContext.NONE);
                writer.accept(new AcquisitionRecord.StepStarted(eis, Instant.now(), 0), false);
                Random noise = new Random(3);
                for (int i = 0; i < frequencies.size(); i++) {
                    double f = frequencies.get(i);
                    double wrc = 2 * Math.PI * f * 200 * 20e-6;
                    double re = 10 + 200 / (1 + wrc * wrc);
                    double im = -200 * wrc / (1 + wrc * wrc);
                    double modulus = Math.hypot(re, im);
                    writer.accept(new AcquisitionRecord.ImpedanceMeasured(1, i, ImpedancePoint.of(i, f,
                            re + 0.002 * modulus * noise.nextGaussian(), im + 0.002 * modulus * noise.nextGaussian())),
                            false);
                }
                writer.accept(new AcquisitionRecord.StepEnded(1, StepOutcome.COMPLETED, 0, 60, Double.NaN,
                        Instant.now()), true);
                for (int k = 0; k < TRUE_VOLTS.length; k++) {
                    double current = -1e-6 * Math.pow(10, -TRUE_VOLTS[k] / 0.120);
                    double set = TRUE_VOLTS[k] + current * 10;
                    PlannedPotential potential = new PlannedPotential(new Potential(set, Potential.Scale.RHE), set,
                            set - offset);
                    PlannedStep ca = new PlannedStep.Chronoamperometry(2 + k, "CA", potential.asWritten(), set,
                            set - offset, Duration.ofSeconds(1), Duration.ofSeconds(10), CurrentRangeChoice.AUTO, WHERE,
                            new StepContext("", 0, 0, 0, Optional.of(Gas.NITRIC_OXIDE)));
                    writer.accept(new AcquisitionRecord.StepStarted(ca, Instant.now(), 0), false);
                    for (int s = 0; s <= 10; s++) {
                        writer.accept(new AcquisitionRecord.SampleTaken(2 + k, s, new Sample(s, set - offset, current,
                                1e-2, 0)), false);
                    }
                    writer.accept(new AcquisitionRecord.StepEnded(2 + k, StepOutcome.COMPLETED, 11, 10, Double.NaN,
                            Instant.now()), true);
                }
            }
        }
    }

    private CliRunner.Result norrlab(String... args) {
        CliRunner.Result result = CliRunner.norrlabOn(db, args);
        assertThat(result.exitCode()).as(result.err()).isZero();
        return result;
    }

    /**
     * A real simulated run without an EIS step records its compensation too: the bench-chemist trial's quick-start
     * session took c = 0 when an R_u was typed for it, and its −0.700 V vs RHE were corrected a second time.
     */
    @Test
    void aSimulatedRunWithoutEisRecordsWhatItCompensated() throws Exception {
        Path protocol = java.nio.file.Files.writeString(temp.resolve("ca.yaml"), """
                steps:
                  - ca: {potential: -0.7 V vs RHE, duration: 5 s, interval: 100 ms}
                """);
        Path fresh = temp.resolve("fresh.db");
        CliRunner.Result run = CliRunner.norrlab("run", protocol.toString(), "--speed", "max", "--no-progress", "--home",
                Fixtures.HOME.toString(), "--db", fresh.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        CliRunner.Result set = CliRunner.norrlabOn(fresh, "ru", "set", "1", "--ohms", "5", "--reason", "bench");
        assertThat(set.exitCode()).as(set.err()).isZero();
        assertThat(set.out()).contains("c = 100 % as the session records it");
        // fully compensated live: no drop left, the corrected set potential is the set one
        JsonNode doc = new ObjectMapper().readTree(CliRunner.norrlabOn(fresh, "analyze", "1", "--format", "json").out());
        JsonNode step = doc.path("ir_corrected_steps").get(0);
        assertThat(step.path("E_set_iR_corrected_vs_RHE_V").asDouble())
                .isCloseTo(step.path("E_set_vs_RHE_V").asDouble(), within(1e-12));
    }

    @Test
    void aRunTheInstrumentCompensatedLiveIsNotCorrectedTwice() throws Exception {
        // The simulated instrument compensates its preset's share of R_u live and says so in each step's truth; here
        // 100 %: the potentials are already the electrode's, and the R_u recorded takes c = 1 unless told otherwise.
        try (SessionStore store = SessionStore.open(db); StoreWriter writer = store.writer(1)) {
            writer.accept(new AcquisitionRecord.EventSeen(2, new Event(EventKind.SIMULATOR_TRUTH, 10, "truth",
                    Map.of("compensation_other_steps", 1.0)), Instant.now()), true);
        }
        CliRunner.Result fit = norrlab("ru", "fit", "1", "--model", "r-rc");
        assertThat(fit.out()).contains("c = 100 % as the session records it").contains("100 % compensated during the run");
        JsonNode doc = new ObjectMapper().readTree(norrlab("analyze", "1", "--format", "json").out());
        JsonNode step4 = doc.path("ir_corrected_steps").get(2);
        // nothing left to correct: the corrected potential is the set one, −0.303162 V vs RHE
        assertThat(step4.path("E_set_iR_corrected_vs_RHE_V").asDouble())
                .isCloseTo(step4.path("E_set_vs_RHE_V").asDouble(), within(1e-12));
        // no drop is left: the table says 0.00 mV, not a negative zero
        assertThat(norrlab("analyze", "1").out())
                .containsPattern("\\n\\s*4\\s+-0\\.3032\\s+-0\\.3032\\s+-0\\.3162\\s+0\\.00\\s");
        // the operator may still say otherwise, and a bare 85 is no percentage
        assertThat(norrlab("ru", "set", "1", "--ohms", "10", "--compensated", "85 %", "--reason", "bench").out())
                .contains("85 % compensated during the run");
        CliRunner.Result bare = CliRunner.norrlabOn(db, "ru", "set", "1", "--ohms", "10", "--compensated", "85",
                "--reason", "bench");
        assertThat(bare.exitCode()).isEqualTo(3);
        assertThat(bare.err()).contains("a bare number is a fraction: write '85 %' for a percentage");
    }

    @Test
    void aTypedRuThatWouldDropMoreVoltsThanAnyPotentiostatAppliesIsRefused() {
        // step 7: I = −1 µA·10^(0.45/0.120) = −5.623 mA; 10 kohm would drop 56.2 V across the electrolyte
        CliRunner.Result typo = CliRunner.norrlabOn(db, "ru", "set", "1", "--ohms", "10 kohm", "--reason", "bench");
        assertThat(typo.exitCode()).isEqualTo(3);
        assertThat(typo.err()).contains("R_u = 1.000e+04 ohm would put an iR drop of 56.23 V on step 7")
                .contains("R_u is in ohms");
        assertThat(typo.err()).doesNotContain("Could not format");
    }

    @Test
    void aFitThatMissesTheSpectrumGivesWayToTheHighFrequencyIntercept() throws Exception {
        // The CHI spectrum has a second arc no Randles circuit follows: the automatic fit misses it by tens of percent,
        // while Z'' crosses zero between 999 kHz and 825 kHz, at Z' = 1.7925 ohm (see ImpedanceAnalysisTest's hand
        // interpolation): that is what is recorded.
        Path file = SharedFixtures.vendorFile("chi/nomadce_EIS_-0,48_V.txt");
        Path chi = temp.resolve("chi.db");
        assertThat(CliRunner.norrlabOn(chi, "import", file.toString()).exitCode()).isZero();
        CliRunner.Result fit = CliRunner.norrlabOn(chi, "ru", "fit", "1");
        assertThat(fit.exitCode()).as(fit.err()).isZero();
        assertThat(fit.out()).contains("the high-frequency intercept is recorded instead")
                .contains("Recorded: R_u = 1.793 ohm: high-frequency intercept of the spectrum of step 1");
    }

    @Test
    void ruFitRecoversRuFromTheSpectrumAndRecordsIt() {
        CliRunner.Result fit = norrlab("ru", "fit", "1", "--model", "r-rc");
        // R_u within 1 % of the 10 ohm the spectrum was made with, R_ct within 1 % of 200 ohm.
        assertThat(number(fit.out(), "Ru\\s+= ([0-9.]+) ±")).isCloseTo(10, within(0.1));
        assertThat(number(fit.out(), "Rct\\s+= ([0-9.]+) ±")).isCloseTo(200, within(2.0));
        assertThat(fit.out()).contains("Session 1 step 1: 61 points fitted").contains("Circuit R(RC) (r-rc)")
                .contains("Kramers–Kronig: passes").contains("Recorded: R_u = ")
                .contains("Randles fit of the spectrum of step 1 (R(RC), R_ct = ")
                .contains("0 % compensated during the run");
        CliRunner.Result show = norrlab("ru", "show", "1");
        assertThat(show.out()).contains("randles-fit").contains("yes");
        assertThat(show.out().lines().count()).isEqualTo(3);
    }

    @Test
    void analyzeShowsTheRuInForceAndEveryCaStepCorrected() throws Exception {
        // Nothing recorded yet: analyze fits the spectrum now and says it did not record it.
        CliRunner.Result unrecorded = norrlab("analyze", "1");
        assertThat(unrecorded.out()).contains("Randles fit of the spectrum of step 1").contains("NOT recorded");

        norrlab("ru", "set", "1", "--ohms", "10", "--reason", "known from the cell's conductivity");
        CliRunner.Result table = norrlab("analyze", "1");
        assertThat(table.out()).contains("R_u = 10.00 ohm: typed by the operator (known from the cell's conductivity), 0 %"
                + " compensated during the run, recorded ");
        // Step 4: true −0.300 V; I = −1 µA·10^(0.300/0.120) = −1 µA·10^2.5 = −0.31623 mA; set −0.300 + I·10 ohm =
        // −0.303162 V vs RHE; the iR drop is −3.16 mV; corrected: −0.303162 − (−0.31623 mA)(10 ohm) = −0.3000 V.
        assertThat(table.out()).containsPattern("\\n\\s*4\\s+-0\\.3032\\s+-0\\.3032\\s+-0\\.3162\\s+-3\\.16\\s+-0\\.3000"
                + "\\s+-0\\.3000");

        JsonNode doc = new ObjectMapper().readTree(norrlab("analyze", "1", "--format", "json").out());
        assertThat(doc.path("uncompensated_resistance").path("method").asText()).isEqualTo("typed");
        assertThat(doc.path("uncompensated_resistance").path("ohms").asDouble()).isEqualTo(10);
        JsonNode step4 = doc.path("ir_corrected_steps").get(2);
        assertThat(step4.path("step").asInt()).isEqualTo(4);
        assertThat(step4.path("E_set_vs_RHE_V").asDouble()).isCloseTo(-0.3031623, within(1e-7));
        assertThat(step4.path("E_set_iR_corrected_vs_RHE_V").asDouble()).isCloseTo(-0.300, within(1e-9));
        // The existing keys are untouched: the CA steps still carry their set potential.
        assertThat(doc.path("steps").get(2).path("E_vs_RHE_V").asDouble()).isCloseTo(-0.3031623, within(1e-7));
    }

    @Test
    void theTafelSlopeOfTheCaStepsIsTheKineticsOnceCorrected() {
        norrlab("ru", "set", "1", "--ohms", "10 ohm", "--reason", "test");
        // All six steps lie in −0.47 … −0.18 V once corrected; they lie on E = −0.120·log10(|I|/1 µA) exactly.
        CliRunner.Result tafel = norrlab("analyze", "1", "--tafel-window", "-0.47..-0.18");
        assertThat(tafel.out()).contains("Tafel slope -120.0 ± 0.0 mV/dec (R² 1.00000, 6 points in -0.470..-0.180 V"
                + " vs RHE iR-corrected, from the CA steps' steady currents").contains("; total current: NORR and HER"
                + " together, not NH3's partial current)");
    }

    @Test
    void refusalsSayWhatIsAllowed() {
        CliRunner.Result fraction = CliRunner.norrlabOn(db, "ru", "set", "1", "--ohms", "10", "--compensated", "120 %",
                "--reason", "x");
        assertThat(fraction.err()).contains("--compensated: the fraction of R_u the instrument compensated during the"
                + " run must be from 0 to 1 (0 % to 100 %)");
        CliRunner.Result noStep = CliRunner.norrlabOn(db, "ru", "fit", "1", "--step", "3");
        assertThat(noStep.err()).contains("--step 3: session 1 has no impedance spectrum at step 3; its spectra are at"
                + " steps [1]");
        CliRunner.Result window = CliRunner.norrlabOn(db, "analyze", "1", "--tafel-window", "-0.4");
        assertThat(window.err()).contains("--tafel-window: write the window as two potentials vs RHE in V joined by"
                + " '..'");
        norrlab("ru", "set", "1", "--ohms", "10", "--reason", "test");
        CliRunner.Result notLsv = CliRunner.norrlabOn(db, "analyze", "1", "--tafel-window", "-0.4..-0.2", "--tafel-from",
                "3");
        assertThat(notLsv.err()).contains("--tafel-from 3: step 3 is ca, not an LSV; give an LSV step's index or 'ca'");
    }

    @Test
    void aSweepSessionTakesItsTafelPointsFromAnLsv() throws Exception {
        Path sweeps = temp.resolve("sweeps.db");
        try (SessionStore store = SessionStore.open(sweeps)) {
            SweepSessions.study(store);
        }
        assertThat(CliRunner.norrlabOn(sweeps, "ru", "set", "1", "--ohms", "5", "--reason", "test").exitCode()).isZero();
        CliRunner.Result tafel = CliRunner.norrlabOn(sweeps, "analyze", "1", "--tafel-window", "-0.45..-0.32",
                "--tafel-from", "7");
        assertThat(tafel.exitCode()).as(tafel.err()).isZero();
        assertThat(tafel.out()).contains("Sweeps of session 1").contains("R_u = 5.000 ohm: typed by the operator")
                .containsPattern("Tafel slope -\\d+\\.\\d ± \\d+\\.\\d mV/dec \\(R² 0\\.\\d{5}, \\d+ points in"
                        + " -0\\.450\\.\\.-0\\.320 V vs RHE iR-corrected, from LSV step 7 under NO; total current: NORR and HER"
                        + " together, not NH3's partial current\\)");
    }

    private static double number(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        assertThat(m.find()).as(text).isTrue();
        return Double.parseDouble(m.group(1));
    }
}
