package org.norrlab.driver.sim;

import org.apache.commons.math3.complex.Complex;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** The simulated cell's closed-form impedance against hand calculations and its limits. */
class RandlesImpedanceTest {
    /** R_u = 10 Ω, C_dl = 5 mF, R_ct = 4 Ω, no diffusion: R_ct·C_dl = 20 ms. */
    private static final RandlesImpedance PLAIN = new RandlesImpedance(10, 5e-3, 1, 4, 0, 0.04);
    /** The same with a finite-length Warburg of R_d = 5 Ω, τ_d = 40 ms. */
    private static final RandlesImpedance WITH_DIFFUSION = new RandlesImpedance(10, 5e-3, 1, 4, 5, 0.04);

    @ParameterizedTest(name = "ω = {0} rad/s")
    @CsvSource({
            // Y = 1/R_ct + jωC = 0.25 + j·0.005ω;  Z = R_u + 1/Y = R_u + (0.25 − j·0.005ω)/(0.0625 + (0.005ω)²)
            // ω = 10:  Y = 0.25 + 0.05j,  |Y|² = 0.065,  1/Y = 3.846154 − 0.769231j
            "10,  13.846154, -0.769231",
            // ω = 50 = 1/(R_ct·C):  Y = 0.25 + 0.25j,  |Y|² = 0.125,  1/Y = 2 − 2j (the top of the arc)
            "50,  12.000000, -2.000000",
            // ω = 250:  Y = 0.25 + 1.25j,  |Y|² = 1.625,  1/Y = 0.153846 − 0.769231j
            "250, 10.153846, -0.769231",
    })
    void aRandlesCellMatchesTheHandCalculation(double omega, double real, double imaginary) {
        Complex z = PLAIN.at(omega);
        assertThat(z.getReal()).isCloseTo(real, within(1e-6));
        assertThat(z.getImaginary()).isCloseTo(imaginary, within(1e-6));
    }

    @Test
    void theFiniteLengthWarburgAndTheWholeCircuitMatchTheHandCalculation() {
        // Choose ωτ = π²/8, so x = √(jωτ) = (π/4)(1 + j): ω = π²/(8·0.04) = 30.842514 rad/s.
        double omega = Math.PI * Math.PI / 8 / 0.04;
        // tanh(a(1+j)) = (sinh 2a + j·sin 2a)/(cosh 2a + cos 2a) with 2a = π/2:
        //   sinh(π/2) = 2.301299, sin(π/2) = 1, cosh(π/2) = 2.509178, cos(π/2) = 0  →  0.917152 + 0.398537j
        // tanh(x)/x = (0.917152 + 0.398537j)(1 − j)/(2·π/4) = (1.315689 − 0.518615j)/1.570796 = 0.837594 − 0.330161j
        // Z_W = 5·that = 4.187969 − 1.650804j
        Complex warburg = WITH_DIFFUSION.warburg(omega);
        assertThat(warburg.getReal()).isCloseTo(4.187969, within(2e-6));
        assertThat(warburg.getImaginary()).isCloseTo(-1.650804, within(2e-6));
        // R_ct + Z_W = 8.187969 − 1.650804j;  1/that = (8.187969 + 1.650804j)/(67.042836 + 2.725154) = 0.117360 + 0.023661j
        // Y_dl = jωC = 0.154213j;  Y = 0.117360 + 0.177874j;  |Y|² = 0.013773 + 0.031639 = 0.045413
        // 1/Y = (0.117360 − 0.177874j)/0.045413 = 2.584310 − 3.916850j;  Z = 12.584310 − 3.916850j
        Complex z = WITH_DIFFUSION.at(omega);
        assertThat(z.getReal()).isCloseTo(12.584310, within(1e-5));
        assertThat(z.getImaginary()).isCloseTo(-3.916850, within(1e-5));
    }

    @Test
    void aConstantPhaseDoubleLayerMatchesTheHandCalculation() {
        // Q = 0.01 F s^-0.5, α = 0.5, R_ct = 4 Ω, no R_u, no diffusion, ω = 100 rad/s:
        // (jω)^0.5 = 10·(cos 45° + j sin 45°) = 7.071068(1 + j);  Y_dl = 0.070711(1 + j)
        // Y = 0.25 + 0.070711 + 0.070711j = 0.320711 + 0.070711j;  |Y|² = 0.102855 + 0.005000 = 0.107855
        // Z = (0.320711 − 0.070711j)/0.107855 = 2.973526 − 0.655607j
        Complex z = new RandlesImpedance(0, 0.01, 0.5, 4, 0, 1).at(100);
        assertThat(z.getReal()).isCloseTo(2.973526, within(1e-5));
        assertThat(z.getImaginary()).isCloseTo(-0.655607, within(1e-5));
    }

    @Test
    void highFrequenciesGiveRuAndLowFrequenciesRuPlusRctPlusRd() {
        assertThat(WITH_DIFFUSION.highFrequencyLimitOhms()).isEqualTo(10);
        assertThat(WITH_DIFFUSION.lowFrequencyLimitOhms()).isEqualTo(19);
        // ω → ∞: the double layer shorts the faradaic branch, 1/(ωC) = 1/(1e9·5e-3) = 2e-7 Ω is left.
        Complex high = WITH_DIFFUSION.at(1e9);
        assertThat(high.getReal()).isCloseTo(10, within(1e-6));
        assertThat(high.getImaginary()).isCloseTo(0, within(1e-6));
        // ω → 0: the Warburg tends to R_d and the double layer carries nothing: 10 + 4 + 5.
        assertThat(WITH_DIFFUSION.at(0)).isEqualTo(new Complex(19, 0));
        Complex low = WITH_DIFFUSION.at(1e-6);
        assertThat(low.getReal()).isCloseTo(19, within(1e-6));
        assertThat(low.getImaginary()).isCloseTo(0, within(1e-3));
        // Capacitive everywhere between: Z'' < 0 (as measured).
        for (double omega = 1e-3; omega < 1e7; omega *= 10) {
            assertThat(WITH_DIFFUSION.at(omega).getImaginary()).as("Z'' at %g rad/s", omega).isNegative();
        }
    }

    @Test
    void aLongDiffusionTimeStaysFiniteAtMegahertz() {
        // τ_d = 5 s at 1 MHz: |√(jωτ)| = √(3.1e7) ≈ 5600, where cosh would overflow; tanh(x)/x is then 1/x.
        RandlesImpedance slow = new RandlesImpedance(10, 5e-3, 1, 4, 5, 5);
        Complex z = slow.atFrequency(1e6);
        assertThat(Double.isFinite(z.getReal()) && Double.isFinite(z.getImaginary())).isTrue();
        assertThat(z.getReal()).isCloseTo(10, within(1e-6));
        // Semi-infinite limit: Z_W → σ(1 − j)/√ω with σ = R_d/√(2τ_d) = 5/√10 = 1.581139 Ω s^-½.
        assertThat(slow.warburgCoefficient()).isCloseTo(1.581139, within(1e-6));
        double omega = 2 * Math.PI * 1e4;
        assertThat(slow.warburg(omega).getReal()).isCloseTo(1.581139 / Math.sqrt(omega), within(1e-9));
        assertThat(slow.warburg(omega).getImaginary()).isCloseTo(-1.581139 / Math.sqrt(omega), within(1e-9));
    }

    @Test
    void noReactionLeavesTheDoubleLayerAlone() {
        // R_ct = ∞: Z = R_u + 1/(jωC) = 10 − j/(100·5e-3) = 10 − 2j at ω = 100.
        Complex z = new RandlesImpedance(10, 5e-3, 1, Double.POSITIVE_INFINITY, 0, 1).at(100);
        assertThat(z.getReal()).isCloseTo(10, within(1e-9));
        assertThat(z.getImaginary()).isCloseTo(-2, within(1e-9));
        assertThatThrownBy(() -> new RandlesImpedance(10, 5e-3, 1, Double.POSITIVE_INFINITY, 0, 1).at(0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("infinite");
    }
}
