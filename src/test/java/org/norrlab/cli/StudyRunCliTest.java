package org.norrlab.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.apache.commons.math3.complex.Complex;
import org.norrlab.analysis.DoubleLayer;
import org.norrlab.core.EventKind;
import org.norrlab.core.Gas;
import org.norrlab.core.ImpedancePoint;
import org.norrlab.core.Sample;
import org.norrlab.driver.sim.CatalystPresets;
import org.norrlab.driver.sim.CellTruth;
import org.norrlab.driver.sim.RandlesImpedance;
import org.norrlab.report.SweepSession;
import org.norrlab.store.SessionStore;
import org.norrlab.store.StoredSession;
import org.norrlab.store.StoredStep;
import org.norrlab.testing.Fixtures;
import org.norrlab.testing.ShortStudy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.withinPercentage;

/**
 * protocols/norr-study.yaml end to end on the simulator at --speed max: every step runs to its end, under the gas the
 * protocol says, with sweep samples numbered by cycle and the EIS step's spectrum the simulated cell's. A copy shortens the CA part (1 h → 2 min, 10 Hz → 1 Hz) and the
 * OCP rest, and lets the holds continue unattended (the shipped holds abort unattended, as they should); the sweeps
 * run exactly as shipped.
 */
class StudyRunCliTest {
    @TempDir
    Path temp;

    @Test
    void theStudyRunsEndToEndOnTheSimulator() throws Exception {
        ShortStudy study = ShortStudy.writeTo(temp);
        Path protocol = study.file();
        Path db = temp.resolve("study.db");

        CliRunner.Result run = CliRunner.norrlabOn(db, "run", protocol.toString(), "--speed", "max", "--no-progress",
                "--unattended");
        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        // as 'plan' says it: 1 min OCP + 320 s + 122.5 s + 2 × 220 s + EIS 176.363 s (see StudyPlanCliTest) + 4 × 2 min
        // CA + holds of at most 60 + 4 × 30 min = 60 + 320 + 122.5 + 440 + 176.363 + 480 + 3600 + 7200 = 12398.863 s
        assertThat(run.out()).contains("Protocol NORR study: 19 steps, up to 3 h 26 min 38.9 s planned, on ");
        // the EIS step's points as the store counts them: 100 kHz → 0.1 Hz at 10 per decade, 61
        assertThat(run.out()).contains("\nImpedance: step 11 (EIS for R_u) stored 61 of 61 planned points (100 kHz → 0.1 Hz);"
                + " completed.\n");

        try (SessionStore store = SessionStore.open(db)) {
            // every measuring step recorded what 'plan' said it would: a sweep its start point and one per potential
            // step (activation 1 + 32 V / 5 mV = 6401, each C_dl CV 1 + 0.6 V / 1 mV = 601, each LSV 1 + 1.1 V / 2 mV = 551)
            List<StoredStep> steps = study.assertStoredAsPlanned(store);
            StoredSession session = store.sessions().get(0);
            assertThat(steps.get(1).sampleCount()).isEqualTo(6401);
            // within the site's safety envelope all the way (the LSVs stop 0.1 V past the last CA potential)
            assertThat(store.events(session.id())).noneMatch(e -> e.event().kind() == EventKind.ENVELOPE_BREACH);
            // the activation's samples are numbered cycle 1 .. 20, the LSV's all cycle 1, segment 1
            List<Sample> activation = samples(store, session.id(), 2);
            assertThat(activation.get(0).cycle()).isEqualTo(1);
            assertThat(activation.get(activation.size() - 1).cycle()).isEqualTo(20);
            assertThat(samples(store, session.id(), 10)).allSatisfy(s -> assertThat(List.of(s.cycle(), s.segment())).containsExactly(1, 1));

            // Closed loop: what 'analyze' computes from the stored sweeps against the simulated cell's own truth
            // (the default catalyst of drivers/sim.yaml on the session's electrode).
            CellTruth truth = CellTruth.of(CatalystPresets.load(Fixtures.HOME.resolve("drivers/sim/catalysts.yaml"))
                    .get("NiNC"), session.cell().electrodeAreaCm2());
            // The stored spectrum is the simulated cell's, measured at -0.4 V vs RHE under NO (the interface sits I·R_u
            // less negative): each point within 1 % of |Z| of the Randles impedance there (the noise is 0.2 % of |Z|
            // above 1 Hz); at 100 kHz Z' is R_u within that.
            RandlesImpedance cell = truth.impedance(truth.spectrumInterfaceVolts(-0.4, Gas.NITRIC_OXIDE),
                    Gas.NITRIC_OXIDE);
            List<ImpedancePoint> spectrum = store.impedance().spectrum(session.id(), 11);
            assertThat(spectrum.stream().filter(p -> p.frequencyHz() > 0.999)).hasSize(51).allSatisfy(p -> {
                Complex z = cell.atFrequency(p.frequencyHz());
                assertThat(Math.hypot(p.realOhms() - z.getReal(), p.imaginaryOhms() - z.getImaginary()))
                        .as("%s Hz", p.frequencyHz()).isLessThan(0.01 * z.abs());
            });
            assertThat(spectrum.get(0).realOhms()).isCloseTo(truth.uncompensatedOhms(), withinPercentage(1));
            // the simulator takes norrlab's planning estimate per point: the spectrum lasted what 'plan' said, 176.363 s
            assertThat(steps.get(10).durationSeconds()).isCloseTo(176.363, within(0.001));
            SweepSession.Result analysed = SweepSession.analyze(store, session.id(), SweepSession.Options.DEFAULT);
            // C_dl from the five CVs of the series (10 .. 80 mV/s, 0.30 .. 0.40 V vs RHE): within 2 % of the preset's
            DoubleLayer cdl = analysed.doubleLayer().orElseThrow();
            assertThat(cdl.points()).hasSize(5);
            assertThat(cdl.faradsPerCm2().value()).isCloseTo(truth.doubleLayerFaradsPerCm2(),
                    withinPercentage(2));
            // ECSA = C_dl / C_s × area, C_s = 40 µF/cm² (the default): 5 mF/cm² / 0.04 mF/cm² × 1 cm² = 125 cm²
            assertThat(cdl.ecsaCm2().value()).isCloseTo(cdl.faradsPerCm2().value() / 40e-6 * truth.areaCm2(),
                    withinPercentage(1e-9));
            // Onset at −1 mA/cm² of each LSV (0.3 → −0.8 V at 5 mV/s, 2 mV points) against where the model's current,
            // with the double layer's charging C_dl·dE/dt (dE/dt = −5 mV/s: −25 µA/cm²), crosses it: within one point
            // (2 mV) of the sweep. Under Ar only HER crosses it, ~0.19 V more negative than under NO.
            for (SweepSession.Lsv lsv : analysed.lsvs()) {
                Gas gas = lsv.sweep().gas().orElseThrow();
                double onset = lsv.onset().orElseThrow().voltsVsRhe().orElseThrow();
                assertThat(onset).as("onset under " + gas.written())
                        .isCloseTo(truth.onsetVoltsVsRhe(-1e-3, gas, -0.005), within(0.002));
            }
            assertThat(analysed.lsvs()).extracting(l -> l.sweep().gas().orElseThrow()).containsExactly(Gas.ARGON,
                    Gas.NITRIC_OXIDE);
            // LSV(NO) − LSV(Ar) is the NORR current alone (the charging cancels): its −1 mA/cm² crossing is the
            // NORR kinetics' own, within 1.5 points
            assertThat(analysed.differenceOnset().orElseThrow().voltsVsRhe().orElseThrow())
                    .isCloseTo(truth.norrOnsetVoltsVsRhe(-1e-3), within(0.003));
        }
    }

    private static List<Sample> samples(SessionStore store, long session, int step) throws Exception {
        List<Sample> samples = new ArrayList<>();
        store.forEachSample(session, step, (sequence, sample) -> samples.add(sample));
        return samples;
    }
}
