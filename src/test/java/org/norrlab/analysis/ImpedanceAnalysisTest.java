package org.norrlab.analysis;

import org.apache.commons.math3.complex.Complex;
import org.junit.jupiter.api.Test;
import org.norrlab.core.BadInputException;
import org.norrlab.core.ImpedancePoint;
import org.norrlab.core.SampleFlag;
import org.norrlab.testing.SharedFixtures;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class ImpedanceAnalysisTest {

    /**
     * Randles without diffusion, written out by hand: Z = R_u + R_ct/(1 + jωR_ctC_dl), so
     * Z' = R_u + R_ct/(1 + (ωR_ctC)²) and Z'' = −ωR_ct²C/(1 + (ωR_ctC)²); each part gets Gaussian noise of
     * {@code noise}·|Z| from a seeded generator. Frequencies log-spaced, 10 per decade, from {@code highest} down.
     */
    static List<ImpedancePoint> randles(double ru, double rct, double cdl, double highest, double lowest, double noise,
                                        long seed) {
        Random random = new Random(seed);
        List<ImpedancePoint> points = new ArrayList<>();
        int count = (int) Math.round(10 * Math.log10(highest / lowest)) + 1;
        for (int i = 0; i < count; i++) {
            double f = highest * Math.pow(10, -i / 10.0);
            double wrc = 2 * Math.PI * f * rct * cdl;
            double re = ru + rct / (1 + wrc * wrc);
            double im = -rct * wrc / (1 + wrc * wrc);
            double modulus = Math.hypot(re, im);
            points.add(ImpedancePoint.of(i, f, re + noise * modulus * random.nextGaussian(),
                    im + noise * modulus * random.nextGaussian()));
        }
        return points;
    }

    @Test
    void theRandlesCircuitHasTheLimitsOfItsParts() {
        // R(C(RW)) with Ru 10, Rct 50, Cdl 20 µF, Rw 30, τ_W 2 s: at ω → ∞ the capacitor shorts everything behind
        // R_u (Z → 10); at ω → 0 it blocks and Z_W → R_W, so Z → 10 + 50 + 30 = 90 ohm.
        double[] p = {10, 50, 20e-6, 30, 2};
        Complex high = EquivalentCircuit.RANDLES_WARBURG.impedance(p, 2 * Math.PI * 1e9);
        Complex low = EquivalentCircuit.RANDLES_WARBURG.impedance(p, 2 * Math.PI * 1e-6);
        assertThat(high.getReal()).isCloseTo(10, within(1e-3));
        assertThat(low.getReal()).isCloseTo(90, within(1e-3));
        // At ω = 1/(R_ct C_dl) = 1000 rad/s, R(RC) gives Z = 10 + 50/(1 + j) = 10 + 25 − 25j.
        Complex top = EquivalentCircuit.RANDLES.impedance(new double[]{10, 50, 20e-6}, 1000);
        assertThat(top.getReal()).isCloseTo(35, within(1e-9));
        assertThat(top.getImaginary()).isCloseTo(-25, within(1e-9));
        // A CPE with n = 1 is the capacitor.
        Complex cpe = EquivalentCircuit.RANDLES_CPE.impedance(new double[]{10, 50, 20e-6, 1}, 1000);
        assertThat(cpe.getImaginary()).isCloseTo(-25, within(1e-9));
    }

    @Test
    void ruAndRctAreRecoveredWithinOnePercentFromANoisyRandlesSpectrum() {
        // Truth: R_u 12.5 ohm, R_ct 180 ohm, C_dl 40 µF; 0.3 % noise; 100 kHz to 0.1 Hz (61 points).
        List<ImpedancePoint> spectrum = randles(12.5, 180, 40e-6, 1e5, 0.1, 0.003, 21);
        CircuitFit fit = CircuitFit.fit(spectrum, EquivalentCircuit.RANDLES);
        assertThat(fit.ru().value()).isCloseTo(12.5, within(0.125));
        assertThat(fit.rct().value()).isCloseTo(180, within(1.8));
        assertThat(fit.doubleLayer().value()).isCloseTo(40e-6, within(0.4e-6));
        // The standard errors are those of 0.3 % noise: small, but not zero, and the truth lies within 4 of them.
        assertThat(fit.ru().standardError()).isGreaterThan(0).isLessThan(0.1);
        assertThat(Math.abs(fit.ru().value() - 12.5)).isLessThan(4 * fit.ru().standardError());
        assertThat(fit.pointsUsed()).isEqualTo(61);
        assertThat(fit.residuals()).hasSize(61);
        // χ² of 122 residuals of 0.3 % noise is about 122·0.003² ≈ 1.1e-3.
        assertThat(fit.chiSquare()).isBetween(0.5e-3, 2e-3);
        // Without diffusion in the data, the automatic choice does not pay for the Warburg's two extra parameters.
        assertThat(CircuitFit.best(spectrum).circuit()).isIn(EquivalentCircuit.RANDLES, EquivalentCircuit.RANDLES_CPE);
    }

    @Test
    void pointsWithoutImpedanceAreLeftOutAndCounted() {
        List<ImpedancePoint> spectrum = new ArrayList<>(randles(12.5, 180, 40e-6, 1e5, 0.1, 0.003, 21));
        spectrum.set(5, ImpedancePoint.missing(5, spectrum.get(5).frequencyHz(), SampleFlag.OVERLOAD.bit()));
        CircuitFit fit = CircuitFit.fit(spectrum, EquivalentCircuit.RANDLES);
        assertThat(fit.pointsUsed()).isEqualTo(60);
        assertThat(fit.pointsLeftOut()).isEqualTo(1);
        assertThat(fit.ru().value()).isCloseTo(12.5, within(0.125));
    }

    @Test
    void theCpeAndWarburgCircuitsRecoverTheirOwnSpectra() {
        double[] truth = {8, 120, 2e-4, 0.88, 60, 0.5};
        List<ImpedancePoint> spectrum = new ArrayList<>();
        Random random = new Random(7);
        for (int i = 0; i <= 60; i++) {
            double f = 1e5 * Math.pow(10, -i / 10.0);
            Complex z = EquivalentCircuit.RANDLES_CPE_WARBURG.impedance(truth, 2 * Math.PI * f);
            spectrum.add(ImpedancePoint.of(i, f, z.getReal() + 0.002 * z.abs() * random.nextGaussian(),
                    z.getImaginary() + 0.002 * z.abs() * random.nextGaussian()));
        }
        CircuitFit fit = CircuitFit.fit(spectrum, EquivalentCircuit.RANDLES_CPE_WARBURG);
        assertThat(fit.ru().value()).isCloseTo(8, within(0.08));
        assertThat(fit.rct().value()).isCloseTo(120, within(1.2));
        assertThat(fit.parameter("n").value()).isCloseTo(0.88, within(0.01));
        assertThat(fit.parameter("Rw").value()).isCloseTo(60, within(1.2));
    }

    @Test
    void theHighFrequencyInterceptIsInterpolatedWhereZImaginaryCrossesZero() {
        // Above the crossing: 10 kHz, 10.2 − (+0.3)j ... written as (Z', Z''): (10.2, +0.3), then (10.5, −0.6).
        // Z'' = 0 lies 0.3/(0.3 + 0.6) = 1/3 of the way: Z' = 10.2 + (10.5 − 10.2)/3 = 10.3 ohm.
        List<ImpedancePoint> spectrum = List.of(ImpedancePoint.of(0, 1e5, 10.0, 2.0),
                ImpedancePoint.of(1, 1e4, 10.2, 0.3), ImpedancePoint.of(2, 1e3, 10.5, -0.6),
                ImpedancePoint.of(3, 1e2, 30, -20));
        HighFrequencyIntercept intercept = HighFrequencyIntercept.of(spectrum);
        assertThat(intercept.ohms()).isCloseTo(10.3, within(1e-12));
        assertThat(intercept.aboveFrequencyHz()).isEqualTo(1e4);
        assertThat(intercept.belowFrequencyHz()).isEqualTo(1e3);
    }

    @Test
    void aSpectrumThatNeverReachesTheRealAxisGivesNoIntercept() {
        List<ImpedancePoint> spectrum = randles(12.5, 180, 40e-6, 1e3, 0.1, 0, 1);
        assertThatThrownBy(() -> HighFrequencyIntercept.of(spectrum)).isInstanceOf(BadInputException.class)
                .hasMessageContaining("the highest frequency (1000 Hz) still shows a capacitive Z''")
                .hasMessageContaining("measure to higher frequency or use the fit");
        assertThat(HighFrequencyIntercept.find(spectrum)).isEmpty();
    }

    @Test
    void theChiFixtureGivesTheInterceptComputedByHand() throws IOException {
        Path file = SharedFixtures.vendorFile("chi/nomadce_EIS_-0,48_V.txt");
        List<ImpedancePoint> spectrum = chi(file);
        assertThat(spectrum).hasSize(73);
        // The file's first two rows: 9.990e5 Hz, Z' 1.780, Z'' +0.1567 (inductive); 8.252e5 Hz, Z' 1.794, Z'' −0.01875.
        // share = 0.1567/(0.1567 + 0.01875) = 0.893132; Z' = 1.780 + 0.893132·(1.794 − 1.780) = 1.792504 ohm.
        HighFrequencyIntercept intercept = HighFrequencyIntercept.of(spectrum);
        assertThat(intercept.ohms()).isCloseTo(1.792504, within(1e-6));
        // The spectrum has two arcs: a small one from 1 MHz to ~10 kHz (diameter ~12 ohm) and the electrode's
        // (~450 ohm) below. No Randles circuit follows both (the Kramers–Kronig check also flags the inductive top),
        // so R_u is fitted on the high-frequency arc alone: R(RC) on the 25 points at or above 10 kHz.
        CircuitFit fit = CircuitFit.fit(spectrum, EquivalentCircuit.RANDLES, 1e4);
        assertThat(fit.pointsUsed()).isEqualTo(25);
        // 1 % of 1.792504 is 0.0179 ohm (measured: 1.790 ± 0.062).
        assertThat(fit.ru().value()).isCloseTo(1.792504, within(0.0179));
    }

    @Test
    void theAutolabFixtureGivesTheInterceptComputedByHand() throws IOException {
        Path file = SharedFixtures.vendorFile("autolab/impedancepy_exampleDataAutolab.txt");
        List<ImpedancePoint> spectrum = autolab(file);
        assertThat(spectrum).hasSize(41);
        // Z'' crosses zero between 2371.4 Hz (Z' 0.0136244690, Z'' +0.0004356697) and 1778.3 Hz (Z' 0.0138936846,
        // Z'' −0.0002671758): share = 0.0004356697/0.0007028455 = 0.6198655;
        // Z' = 0.0136244690 + 0.6198655·0.0002692156 = 0.0137913464 ohm.
        HighFrequencyIntercept intercept = HighFrequencyIntercept.of(spectrum);
        assertThat(intercept.ohms()).isCloseTo(0.0137913464, within(1e-9));
        // A battery measured from 10 kHz to 0.1 Hz is consistent with Kramers–Kronig (measured: largest miss 1.9 %).
        assertThat(KramersKronig.check(spectrum).passes()).isTrue();
    }

    @Test
    void theGamryFixtureStartsOnTheArcSoOnlyTheFitGivesRu() throws IOException {
        Path file = SharedFixtures.vendorFile("gamry-dta/impedancepy_exampleDataGamry_EIS.DTA");
        List<ImpedancePoint> spectrum = gamry(file);
        assertThatThrownBy(() -> HighFrequencyIntercept.of(spectrum))
                .hasMessageContaining("the highest frequency (2.000e+05 Hz) still shows a capacitive Z''");
    }

    @Test
    void kramersKronigPassesARandlesSpectrumAndFailsADriftingOne() {
        List<ImpedancePoint> sound = randles(12.5, 180, 40e-6, 1e5, 0.1, 0.003, 21);
        KramersKronig check = KramersKronig.check(sound);
        assertThat(check.passes()).as(check.summary()).isTrue();
        assertThat(check.largestResidual()).isLessThan(0.012);
        // The cell drifted during the low-frequency points: R_ct grew by 1 % per point below 10 Hz, so each point
        // comes from a different cell. Z' is raised, Z'' left alone: no causal circuit makes both.
        List<ImpedancePoint> drifting = new ArrayList<>();
        for (ImpedancePoint p : sound) {
            double grow = p.frequencyHz() < 10 ? 1 + 0.01 * 10 * Math.log10(10 / p.frequencyHz()) : 1;
            drifting.add(ImpedancePoint.of(p.timeSeconds(), p.frequencyHz(), 12.5 + (p.realOhms() - 12.5) * grow
                    * grow, p.imaginaryOhms()));
        }
        KramersKronig failed = KramersKronig.check(drifting);
        assertThat(failed.passes()).as(failed.summary()).isFalse();
        assertThat(failed.summary()).startsWith("FAILS");
    }

    /** CHI "A.C. Impedance": rows "Freq/Hz, Z'/ohm, Z"/ohm, Z/ohm, Phase/deg" after the header, Z'' as measured. */
    static List<ImpedancePoint> chi(Path file) throws IOException {
        List<ImpedancePoint> points = new ArrayList<>();
        boolean data = false;
        for (String line : Files.readAllLines(file, StandardCharsets.ISO_8859_1)) {
            if (line.startsWith("Freq/Hz")) {
                data = true;
            } else if (data && !line.isBlank()) {
                String[] f = line.split(",\\s*");
                points.add(ImpedancePoint.of(points.size(), Double.parseDouble(f[0]), Double.parseDouble(f[1]),
                        Double.parseDouble(f[2])));
            }
        }
        return points;
    }

    /** Autolab ZView layout: after the column titles, "freq,ampl,bias,time,Z'(a),Z''(b),..."; Z'' as measured. */
    static List<ImpedancePoint> autolab(Path file) throws IOException {
        List<ImpedancePoint> points = new ArrayList<>();
        boolean data = false;
        for (String line : Files.readAllLines(file, StandardCharsets.ISO_8859_1)) {
            if (line.contains("Freq (Hz)")) {
                data = true;
            } else if (data && !line.isBlank()) {
                String[] f = line.split(",");
                points.add(ImpedancePoint.of(points.size(), Double.parseDouble(f[0]), Double.parseDouble(f[4]),
                        Double.parseDouble(f[5])));
            }
        }
        return points;
    }

    /** Gamry ZCURVE table: Pt, Time, Freq, Zreal, Zimag (as measured), ... after two title rows. */
    static List<ImpedancePoint> gamry(Path file) throws IOException {
        List<ImpedancePoint> points = new ArrayList<>();
        List<String> lines = Files.readAllLines(file, StandardCharsets.ISO_8859_1);
        int start = lines.indexOf("ZCURVE\tTABLE") + 3;
        for (int i = start; i < lines.size() && lines.get(i).startsWith("\t"); i++) {
            String[] f = lines.get(i).trim().split("\t");
            points.add(ImpedancePoint.of(Double.parseDouble(f[1]), Double.parseDouble(f[2]), Double.parseDouble(f[3]),
                    Double.parseDouble(f[4])));
        }
        return points;
    }
}
