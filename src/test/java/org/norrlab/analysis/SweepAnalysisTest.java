package org.norrlab.analysis;

import org.junit.jupiter.api.Test;
import org.norrlab.core.BadInputException;
import org.norrlab.core.Gas;
import org.norrlab.core.Sample;
import org.norrlab.core.SampleFlag;
import org.norrlab.core.Technique;
import org.norrlab.testing.CvWalk;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** Onset, LSV(NO) − LSV(Ar), C_dl and ECSA, each against numbers worked out by hand here. */
class SweepAnalysisTest {
    private static final double TOL = 1e-12;

    /** An LSV of samples (E vs RE, I in A), one segment, 0.1 s apart. */
    static Voltammogram lsv(int step, Gas gas, double scanRate, double offset, double area, double[] volts, double[] amps) {
        List<Sample> samples = new ArrayList<>();
        for (int k = 0; k < volts.length; k++) {
            samples.add(new Sample(0.1 * k, volts[k], amps[k], 1e-2, 0).inSweep(1, 1));
        }
        return Voltammogram.usable(step, "lsv", Technique.LINEAR_SWEEP, Optional.of(gas), scanRate, offset, area, samples);
    }

    // E vs RE 0.0, −0.1, −0.2, −0.3 V; offset +0.5 V → 0.5, 0.4, 0.3, 0.2 V vs RHE.
    // I −0.2, −1.0, −3.0, −6.0 mA on 2 cm² → j −0.1, −0.5, −1.5, −3.0 mA/cm².
    private static final double[] E = {0.0, -0.1, -0.2, -0.3};
    private static final double[] I = {-0.2e-3, -1.0e-3, -3.0e-3, -6.0e-3};

    @Test
    void onsetIsInterpolatedBetweenTheTwoSamplesThatBracketTheThreshold() {
        Onset onset = Onset.of(lsv(3, Gas.NITRIC_OXIDE, 0.005, 0.5, 2.0, E, I), 1e-3);
        // −1 mA/cm² lies between (0.4 V, −0.5) and (0.3 V, −1.5):
        // E = 0.4 + (−1 − (−0.5))·(0.3 − 0.4)/(−1.5 − (−0.5)) = 0.4 + (−0.5)(−0.1)/(−1.0) = 0.4 − 0.05 = 0.35 V
        assertThat(onset.voltsVsRhe().getAsDouble()).isCloseTo(0.35, within(TOL));
        assertThat(onset.describe()).isEqualTo("0.350 V vs RHE");
        assertThat(onset.explanation()).contains("between 0.4000 V (-0.5 mA/cm²) and 0.3000 V (-1.5 mA/cm²)");
    }

    @Test
    void anAnodicSweepIsReadFromItsPositiveEnd() {
        double[] e = {-0.3, -0.2, -0.1, 0.0};
        double[] i = {-6.0e-3, -3.0e-3, -1.0e-3, -0.2e-3};
        // The same curve scanned the other way: the same 0.35 V.
        assertThat(Onset.of(lsv(3, Gas.NITRIC_OXIDE, 0.005, 0.5, 2.0, e, i), 1e-3).voltsVsRhe().getAsDouble())
                .isCloseTo(0.35, within(TOL));
    }

    @Test
    void aThresholdOutsideTheSweepGivesNoOnsetRatherThanAnExtrapolation() {
        Voltammogram sweep = lsv(3, Gas.ARGON, 0.005, 0.5, 2.0, E, I);
        Onset never = Onset.of(sweep, 5e-3);
        assertThat(never.found()).isFalse();
        assertThat(never.describe()).isEqualTo("no onset within the sweep: the cathodic current density never reaches"
                + " 5 mA/cm² (largest -3 mA/cm² at 0.200 V vs RHE)");
        Onset before = Onset.of(sweep, 0.05e-3);
        assertThat(before.found()).isFalse();
        assertThat(before.describe()).isEqualTo("no onset within the sweep: the cathodic current density is already"
                + " -0.1 mA/cm² (past 0.05 mA/cm²) at its most positive end, 0.500 V vs RHE; the onset lies positive of the sweep");
    }

    @Test
    void overloadedAndCurrentlessSamplesAreLeftOut() {
        List<Sample> samples = List.of(new Sample(0, 0.0, -0.2e-3, 1e-2, 0).inSweep(1, 1),
                new Sample(0.1, -0.1, -1e-2, 1e-2, SampleFlag.OVERLOAD.bit()).inSweep(1, 1),
                Sample.potentialOnly(0.2, -0.2).inSweep(1, 1), new Sample(0.3, -0.3, -6e-3, 1e-2, 0).inSweep(1, 1));
        Voltammogram sweep = Voltammogram.usable(1, "l", Technique.LINEAR_SWEEP, Optional.empty(), 1, 0.5, 2, samples);
        assertThat(sweep.samples()).hasSize(2);
        assertThat(sweep.leftOut()).isEqualTo(2);
        // Only (0.5 V, −0.1) and (0.2 V, −3.0) remain: −1 is reached at 0.5 + (−0.9)(−0.3)/(−2.9) = 0.5 − 0.0931034 V
        assertThat(Onset.of(sweep, 1e-3).voltsVsRhe().getAsDouble()).isCloseTo(0.5 - 0.27 / 2.9, within(TOL));
    }

    @Test
    void theDifferenceIsTakenOnTheCoarserGridOverTheOverlapOnly() {
        // Ar: E vs RE 0.0 … −0.4 in 0.1 V steps (offset 0.5 → 0.5 … 0.1 V vs RHE), j = 0.5·E_RHE − 0.3 (A/cm², area 1)
        // NO: E vs RE 0.05 … −0.35 in 0.05 V steps (0.55 … 0.15 V vs RHE), j = 2·E_RHE − 1.2
        double[] arE = {0.0, -0.1, -0.2, -0.3, -0.4};
        double[] arI = new double[5];
        for (int k = 0; k < 5; k++) {
            arI[k] = 0.5 * (arE[k] + 0.5) - 0.3;
        }
        double[] noE = new double[9];
        double[] noI = new double[9];
        for (int k = 0; k < 9; k++) {
            noE[k] = 0.05 - 0.05 * k;
            noI[k] = 2 * (noE[k] + 0.5) - 1.2;
        }
        SweepDifference d = SweepDifference.of(lsv(7, Gas.NITRIC_OXIDE, 0.005, 0.5, 1, noE, noI),
                lsv(5, Gas.ARGON, 0.005, 0.5, 1, arE, arI));
        // Overlap 0.15 … 0.5 V vs RHE; grid step = the coarser spacing, 0.1 V; from 0.5 down: 0.5, 0.4, 0.3, 0.2
        // (0.1 is outside the NO sweep).
        assertThat(d.voltsVsRhe()).containsExactly(new double[] {0.5, 0.4, 0.3, 0.2}, within(TOL));
        // Δj(E) = (2E − 1.2) − (0.5E − 0.3) = 1.5E − 0.9: at 0.5 → −0.15, at 0.2 → −0.6
        assertThat(d.difference()).containsExactly(new double[] {-0.15, -0.3, -0.45, -0.6}, within(1e-9));
        assertThat(d.mostCathodic()).isEqualTo(3);
        assertThat(d.summary()).isEqualTo("Δj = j(NO) − j(Ar), LSV step 7 (NO) − LSV step 5 (Ar), at 5 mV/s over 0.200"
                + " … 0.500 V vs RHE (the range both cover), 4 points 100.0 mV apart; most cathodic Δj -600 mA/cm² at"
                + " 0.200 V vs RHE");
    }

    @Test
    void sweepsOfOppositeDirectionOrDifferentRateAreNotSubtracted() {
        double[] down = {0.0, -0.1, -0.2};
        double[] up = {-0.2, -0.1, 0.0};
        double[] amps = {-1e-3, -2e-3, -3e-3};
        assertThatThrownBy(() -> SweepDifference.of(lsv(7, Gas.NITRIC_OXIDE, 0.005, 0.5, 1, down, amps),
                lsv(5, Gas.ARGON, 0.005, 0.5, 1, up, amps)))
                .isInstanceOf(BadInputException.class)
                .hasMessage("cannot subtract LSV step 5 (Ar) from LSV step 7 (NO): LSV step 5 (Ar) scans anodic (0.300 →"
                        + " 0.500 V vs RHE) and LSV step 7 (NO) cathodic (0.500 → 0.300 V vs RHE); the charging current"
                        + " changes sign with the direction, so the difference would hold it twice; run both LSVs in the"
                        + " same direction");
        assertThatThrownBy(() -> SweepDifference.of(lsv(7, Gas.NITRIC_OXIDE, 0.005, 0.5, 1, down, amps),
                lsv(5, Gas.ARGON, 0.010, 0.5, 1, down, amps)))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("different rates (10 mV/s and 5 mV/s)");
    }

    /**
     * A CV on the RHE scale (offset 0) between 0.15 and 0.25 V, begin 0.20 V, in 5 mV steps, {@code cycles} scans:
     * j = ±(C·v + extra) + background(E), + on anodic parts, − on cathodic ones; background 1e-4·(E − 0.1) A/cm² is
     * the same on both branches and cancels in Δj/2. Area 2 cm².
     */
    static Voltammogram cv(int step, double v, double cdl, double extra, boolean stateRate) {
        List<Sample> samples = new ArrayList<>();
        for (CvWalk.Point p : CvWalk.points(200, 250, 150, 2, 5, v)) {
            double j = p.direction() * (cdl * v + extra) + 1e-4 * (p.volts() - 0.1);
            samples.add(new Sample(p.timeSeconds(), p.volts(), j * 2.0, 1e-2, 0).inSweep(p.cycle(), p.segment()));
        }
        return Voltammogram.usable(step, "cv", Technique.CYCLIC_VOLTAMMETRY, Optional.of(Gas.ARGON),
                stateRate ? v : Double.NaN, 0.0, 2.0, samples);
    }

    @Test
    void cdlIsTheSlopeOfHalfTheBranchDifferenceAgainstScanRateWithItsTextbookStandardError() {
        double cdl = 1e-3; // 1 mF/cm²
        double[] rates = {0.01, 0.02, 0.04, 0.06, 0.08};
        double[] extra = {1e-7, -1e-7, 0, 1e-7, -1e-7}; // scatter of Δj/2 around the line, A/cm²
        List<Voltammogram> cvs = new ArrayList<>();
        for (int k = 0; k < rates.length; k++) {
            cvs.add(cv(10 + k, rates[k], cdl, extra[k], true));
        }
        DoubleLayer fit = DoubleLayer.fit(cvs, OptionalDouble.empty(), DoubleLayer.DEFAULT_SPECIFIC_FARADS_PER_CM2);
        // The window both branches of every last scan cover is 0.155 … 0.245 V: its middle is 0.200 V.
        assertThat(fit.voltsVsRhe()).isCloseTo(0.200, within(1e-12));
        // Δj/2 = C·v + extra (the background cancels).
        for (int k = 0; k < rates.length; k++) {
            assertThat(fit.points().get(k).halfDifference()).isCloseTo(cdl * rates[k] + extra[k], within(1e-15));
        }
        // Textbook least squares: x̄ = 0.042, Sxx = Σ(x − x̄)², slope = Σ(x − x̄)(y − ȳ)/Sxx,
        // SE = sqrt(SSE/(n − 2) / Sxx).
        int n = rates.length;
        double xBar = 0;
        double yBar = 0;
        for (int k = 0; k < n; k++) {
            xBar += rates[k] / n;
            yBar += (cdl * rates[k] + extra[k]) / n;
        }
        double sxx = 0;
        double sxy = 0;
        for (int k = 0; k < n; k++) {
            sxx += (rates[k] - xBar) * (rates[k] - xBar);
            sxy += (rates[k] - xBar) * (cdl * rates[k] + extra[k] - yBar);
        }
        double slope = sxy / sxx;
        double intercept = yBar - slope * xBar;
        double sse = 0;
        double syy = 0;
        for (int k = 0; k < n; k++) {
            double y = cdl * rates[k] + extra[k];
            sse += Math.pow(y - intercept - slope * rates[k], 2);
            syy += (y - yBar) * (y - yBar);
        }
        double se = Math.sqrt(sse / (n - 2) / sxx);
        // x̄ = 0.042, Sxx = 0.032² + 0.022² + 0.002² + 0.018² + 0.038² = 0.00328; Σ(x − x̄)·extra = 1e-7·(−0.032 + 0.022 + 0.018 − 0.038) = −3e-9, so the slope is
        // 1e-3 − 3e-9/0.00328 = 0.99908537 mF/cm²
        assertThat(sxx).isCloseTo(0.00328, within(1e-15));
        assertThat(slope).isCloseTo(1e-3 - 3e-9 / 0.00328, within(1e-15));
        assertThat(fit.faradsPerCm2().value()).isCloseTo(slope, within(1e-15));
        assertThat(fit.faradsPerCm2().sigma()).isCloseTo(se, within(1e-15));
        assertThat(se).isGreaterThan(0);
        assertThat(fit.rSquared()).isCloseTo(1 - sse / syy, within(1e-12));
        // ECSA = C_dl / C_s × area = 0.99908537e-3 / 40e-6 × 2 cm² = 49.954268 cm², SE scaled alike.
        assertThat(fit.ecsaCm2().value()).isCloseTo(slope / 40e-6 * 2, within(1e-9));
        assertThat(fit.ecsaCm2().value()).isCloseTo(49.954268, within(1e-5));
        assertThat(fit.ecsaCm2().sigma()).isCloseTo(se / 40e-6 * 2, within(1e-9));
        assertThat(fit.roughness().value()).isCloseTo(slope / 40e-6, within(1e-9));
    }

    @Test
    void aChosenPotentialAndAnotherSpecificCapacitanceAreUsed() {
        List<Voltammogram> cvs = List.of(cv(1, 0.01, 2e-3, 0, true), cv(2, 0.05, 2e-3, 0, true), cv(3, 0.1, 2e-3, 0, true));
        // 60 µF/cm²: ECSA = 2e-3 / 60e-6 × 2 = 66.667 cm²; at 0.1725 V (between samples 0.170 and 0.175)
        DoubleLayer fit = DoubleLayer.fit(cvs, OptionalDouble.of(0.1725), 60e-6);
        assertThat(fit.voltsVsRhe()).isEqualTo(0.1725);
        assertThat(fit.faradsPerCm2().value()).isCloseTo(2e-3, within(1e-12));
        assertThat(fit.ecsaCm2().value()).isCloseTo(2e-3 / 60e-6 * 2, within(1e-6));
        // background 1e-4·(0.1725 − 0.1) = 7.25e-6 on both branches; anodic = C·v + 7.25e-6 at 10 mV/s = 2.725e-5
        assertThat(fit.points().get(0).anodicAmperesPerCm2()).isCloseTo(2e-5 + 7.25e-6, within(1e-15));
        assertThatThrownBy(() -> DoubleLayer.fit(cvs, OptionalDouble.of(0.30), 40e-6))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("CV step 1 (Ar) does not reach 0.300 V vs RHE on both branches");
    }

    @Test
    void fewerThanThreeScanRatesAreRefused() {
        List<Voltammogram> two = List.of(cv(1, 0.01, 1e-3, 0, true), cv(2, 0.02, 1e-3, 0, true), cv(3, 0.02, 1e-3, 0, true));
        assertThatThrownBy(() -> DoubleLayer.fit(two, OptionalDouble.empty(), 40e-6))
                .isInstanceOf(BadInputException.class)
                .hasMessage("C_dl needs CVs at 3 or more scan rates for a slope and its standard error; the CVs have 2"
                        + " (10 mV/s, 20 mV/s)");
    }

    @Test
    void anUnstatedScanRateIsMeasuredFromTheDataAndAnUnmeasurableOneRefused() {
        ScanRate rate = ScanRate.of(cv(1, 0.025, 1e-3, 0, false));
        // t advances 5 mV / 25 mV/s = 0.2 s per sample: |dE/dt| = 0.025 V/s in every segment
        assertThat(rate.measured()).isTrue();
        assertThat(rate.voltsPerSecond()).isCloseTo(0.025, within(1e-12));
        assertThat(rate.describe()).isEqualTo("25 mV/s (measured from the data, dE/dt)");
        // Three CVs without a stated rate still give C_dl, from the measured rates.
        DoubleLayer fit = DoubleLayer.fit(List.of(cv(1, 0.01, 1e-3, 0, false), cv(2, 0.02, 1e-3, 0, false),
                cv(3, 0.04, 1e-3, 0, false)), OptionalDouble.empty(), 40e-6);
        assertThat(fit.faradsPerCm2().value()).isCloseTo(1e-3, within(1e-12));
        Voltammogram flat = lsv(4, Gas.ARGON, Double.NaN, 0, 1, new double[] {0.1, 0.1, 0.1}, new double[] {-1e-3, -1e-3, -1e-3});
        assertThatThrownBy(() -> ScanRate.of(flat)).isInstanceOf(BadInputException.class)
                .hasMessage("LSV step 4 (Ar) states no scan rate and its data cannot show one (no linear part with 3 or"
                        + " more samples whose potential changes in time); its scan rate is unknown, so it cannot be"
                        + " analysed");
    }

    @Test
    void aCvWhoseSegmentsAreNotMarkedIsRefusedRatherThanGivenTheSlopeOfATriangle() {
        // The same CV with every sample in "cycle 1, segment 1": a fit of E against t over up-down-up would give a
        // rate near zero and branches mixed together.
        Voltammogram marked = cv(1, 0.02, 1e-3, 0, false);
        List<Sample> unmarked = marked.samples().stream().map(s -> s.inSweep(1, 1)).toList();
        Voltammogram cv = Voltammogram.usable(1, "cv", Technique.CYCLIC_VOLTAMMETRY, Optional.of(Gas.ARGON), Double.NaN,
                0.0, 2.0, unmarked);
        assertThatThrownBy(() -> ScanRate.of(cv)).isInstanceOf(BadInputException.class)
                .hasMessageStartingWith("CV step 1 (Ar): the potential of cycle 1, segment 1 does not run one way")
                .hasMessageEndingWith("its samples are not split into the sweep's linear parts, so its scan rate and"
                        + " branches cannot be read");
    }
}
