package org.norrlab.analysis;

import org.junit.jupiter.api.Test;
import org.norrlab.core.BadInputException;
import org.norrlab.core.Sample;
import org.norrlab.core.SampleFlag;
import org.norrlab.core.UncompensatedResistance;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class IrCorrectionTest {
    private static final Instant WHEN = Instant.parse("2026-12-03T12:00:00Z");

    @Test
    void aStepIsCorrectedWithItsMeanCurrentAndTheRemainingResistance() {
        // R_u 10 ohm from the spectrum of step 1, 85 % compensated by the instrument: 1.5 ohm remain.
        UncompensatedResistance ru = new UncompensatedResistance(10, 0.2, UncompensatedResistance.RANDLES_FIT,
                OptionalInt.of(1), 0.85, WHEN, "");
        // A CA step at −1.200 V vs Ag/AgCl; currents −30, −20, −20, −10 mA; one sample without a current.
        List<Sample> samples = List.of(new Sample(0, -1.2010, -0.030, 0.1, 0), new Sample(1, -1.2006, -0.020, 0.1, 0),
                new Sample(2, -1.2004, -0.020, 0.1, 0), new Sample(3, -1.2000, -0.010, 0.1, 0),
                new Sample(4, -1.2000, Double.NaN, 0.1, SampleFlag.NO_CURRENT.bit()));
        IrCorrection.CorrectedStep step = IrCorrection.step(-1.2, samples, ru, 0.611);
        // Mean current (4 samples with a current): (−30 − 20 − 20 − 10)/4 = −20 mA.
        // Corrected set point: −1.200 − (−0.020 A)(10 ohm)(1 − 0.85) = −1.200 + 0.030 = −1.170 V vs RE;
        // vs RHE (+0.611 V): −0.559 V. Mean measured: (−1.2010 − 1.2006 − 1.2004 − 1.2000)/4 = −1.2005 V,
        // corrected −1.1705 V, −0.5595 V vs RHE.
        assertThat(step.samplesUsed()).isEqualTo(4);
        assertThat(step.meanCurrentAmperes()).isCloseTo(-0.020, within(1e-15));
        assertThat(step.correctedSetVoltsVsRe()).isCloseTo(-1.170, within(1e-12));
        assertThat(step.correctedSetVoltsVsRhe()).isCloseTo(-0.559, within(1e-12));
        assertThat(step.setVoltsVsRhe()).isCloseTo(-0.589, within(1e-12));
        assertThat(step.meanMeasuredVoltsVsRe()).isCloseTo(-1.2005, within(1e-12));
        assertThat(step.correctedMeanVoltsVsRhe()).isCloseTo(-0.5595, within(1e-12));
        assertThat(step.dropVolts()).isCloseTo(-0.030, within(1e-15));
        // The second half of the step (t ≥ 1.5 s): (−20 − 10)/2 = −15 mA; −1.200 + 0.015·1.5 = −1.1775 V vs RE.
        assertThat(step.steadyCurrentAmperes()).isCloseTo(-0.015, within(1e-15));
        assertThat(step.correctedSteadyVoltsVsRe()).isCloseTo(-1.1775, within(1e-12));
        assertThat(step.ru()).isSameAs(ru);
        // Every sample with a current: the first, −1.2010 − (−0.030)(1.5) = −1.1560 V.
        List<IrCorrection.CorrectedSample> corrected = IrCorrection.samples(samples, ru);
        assertThat(corrected).hasSize(4);
        assertThat(corrected.get(0).correctedVolts()).isCloseTo(-1.156, within(1e-12));
    }

    /**
     * Butler–Volmer-like cathodic kinetics with a 120 mV/dec Tafel slope, I = i0·(10^(η/b_a) − 10^(−η/120 mV)) with
     * i0 = 1 µA at E = 0 V vs RHE, measured through R_u = 50 ohm uncompensated: E_measured = E_true + I·R_u, so at
     * −2 mA the instrument reads 100 mV more cathodic than the electrode had.
     */
    @Test
    void theTafelSlopeIsRecoveredOnlyAfterTheCorrection() {
        UncompensatedResistance ru = new UncompensatedResistance(50, Double.NaN, UncompensatedResistance.TYPED,
                OptionalInt.empty(), 0, WHEN, "test");
        List<Sample> lsv = new ArrayList<>();
        for (int i = 0; i <= 400; i++) {
            double trueVolts = -0.001 * i;
            double current = 1e-6 * (Math.pow(10, trueVolts / 0.040) - Math.pow(10, -trueVolts / 0.120));
            lsv.add(new Sample(i, trueVolts + current * 50, current, 0.01, 0, 1, 1));
        }
        List<TafelFit.Point> corrected = IrCorrection.samples(lsv, ru).stream()
                .map(s -> new TafelFit.Point(s.correctedVolts(), s.currentAmperes())).toList();
        TafelFit fit = TafelFit.fit(corrected, -0.15, -0.40, "LSV step 3");
        assertThat(fit.slopeMillivoltsPerDecade()).isCloseTo(-120, within(0.1));
        assertThat(fit.rSquared()).isGreaterThan(0.99999);
        // Points from −0.150 to −0.400 V at 1 mV: 251.
        assertThat(fit.pointsUsed()).isEqualTo(251);
        assertThat(fit.summary()).startsWith("Tafel slope -120.0 ± 0.0 mV/dec");
        // The same window on the measured potentials: the iR drop bends the line and steepens it far past 120.
        List<TafelFit.Point> measured = lsv.stream()
                .map(s -> new TafelFit.Point(s.potentialVolts(), s.currentAmperes())).toList();
        TafelFit wrong = TafelFit.fit(measured, -0.15, -0.40, "LSV step 3 uncorrected");
        assertThat(Math.abs(wrong.slopeMillivoltsPerDecade() + 120)).isGreaterThan(20);
    }

    @Test
    void aWindowAcrossTheOnsetIsRefused() {
        List<TafelFit.Point> points = List.of(new TafelFit.Point(0.05, 1e-6), new TafelFit.Point(0.0, 1e-7),
                new TafelFit.Point(-0.05, -1e-6), new TafelFit.Point(-0.1, -1e-5));
        assertThatThrownBy(() -> TafelFit.fit(points, 0.1, -0.2, "LSV step 2")).isInstanceOf(BadInputException.class)
                .hasMessage("the Tafel window -0.200..0.100 V holds 2 cathodic and 2 anodic currents in LSV step 2: the"
                        + " current changes sign there, so log|I| is not a Tafel line; choose a window away from the"
                        + " onset");
        assertThatThrownBy(() -> TafelFit.fit(points, -0.04, -0.2, "LSV step 2"))
                .hasMessageContaining("needs at least 3 points with a current in the window -0.200..-0.040 V");
    }
}
