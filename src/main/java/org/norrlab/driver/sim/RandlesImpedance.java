package org.norrlab.driver.sim;

import org.apache.commons.math3.complex.Complex;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The small-signal impedance of the simulated cell, in closed form: the Randles circuit
 * <pre>
 *   Z(ω) = R_u + 1 / ( Y_dl(ω) + 1 / (R_ct + Z_W(ω)) )
 *   Y_dl(ω) = Q·(jω)^α                            (α = 1: an ideal double layer, Q = C_dl in F)
 *   Z_W(ω)  = R_d · tanh(√(jωτ_d)) / √(jωτ_d)     (finite-length Warburg: NO diffusing across a Nernst layer)
 * </pre>
 * so that ω → ∞ gives R_u and ω → 0 gives R_u + R_ct + R_d. Z is written Z' + jZ'' with Z'' as measured
 * (capacitive negative), the convention of {@link org.norrlab.core.ImpedancePoint}.
 *
 * <p>The finite-length ("transmissive") Warburg is the diffusion impedance of a layer of thickness L whose far side
 * keeps the bulk concentration, τ_d = L²/D; at low frequency it tends to the real R_d, the transport part of the DC
 * polarisation resistance, and at high frequency to the semi-infinite Warburg σ·(1 − j)/√ω with
 * σ = R_d/√(2τ_d) ({@link #warburgCoefficient}).
 *
 * @param uncompensatedOhms   R_u, the series (solution) resistance the spectrum shows at high frequency
 * @param doubleLayerQ        Q of the double layer, F·s^(α−1) (F when α = 1)
 * @param cpeExponent         α of the double layer, 0 < α ≤ 1 (1: an ideal capacitor)
 * @param chargeTransferOhms  R_ct, may be +∞ (no faradaic reaction: the branch carries no current)
 * @param diffusionOhms       R_d, 0 when no diffusing reactant limits the current
 * @param diffusionSeconds    τ_d = L²/D of the diffusion layer
 */
public record RandlesImpedance(double uncompensatedOhms, double doubleLayerQ, double cpeExponent,
                               double chargeTransferOhms, double diffusionOhms, double diffusionSeconds) {
    /** Below this |√(jωτ)| tanh(x)/x is taken from its series 1 − x²/3, which the exponential form loses to rounding. */
    private static final double SERIES_BELOW = 1e-4;

    public RandlesImpedance {
        if (!(uncompensatedOhms >= 0) || Double.isInfinite(uncompensatedOhms)) {
            throw new IllegalArgumentException("R_u must be finite and >= 0, was " + uncompensatedOhms);
        }
        if (!(doubleLayerQ > 0) || Double.isInfinite(doubleLayerQ)) {
            throw new IllegalArgumentException("the double layer's Q must be finite and > 0, was " + doubleLayerQ);
        }
        if (!(cpeExponent > 0 && cpeExponent <= 1)) {
            throw new IllegalArgumentException("a CPE exponent lies in (0, 1], was " + cpeExponent);
        }
        if (!(chargeTransferOhms > 0)) {
            throw new IllegalArgumentException("R_ct must be > 0 (+inf for no reaction), was " + chargeTransferOhms);
        }
        if (!(diffusionOhms >= 0) || Double.isInfinite(diffusionOhms)) {
            throw new IllegalArgumentException("R_d must be finite and >= 0, was " + diffusionOhms);
        }
        if (!(diffusionSeconds > 0) || Double.isInfinite(diffusionSeconds)) {
            throw new IllegalArgumentException("τ_d must be finite and > 0, was " + diffusionSeconds);
        }
    }

    /** Z at angular frequency {@code omega} (rad/s); ω = 0 gives the DC limit R_u + R_ct + R_d. */
    public Complex at(double omega) {
        if (!(omega >= 0) || Double.isInfinite(omega)) {
            throw new IllegalArgumentException("an angular frequency must be finite and >= 0, was " + omega);
        }
        Complex faradaic = Double.isInfinite(chargeTransferOhms) ? Complex.ZERO
                : new Complex(chargeTransferOhms).add(warburg(omega)).reciprocal();
        // (jω)^α = ω^α·(cos(απ/2) + j·sin(απ/2)): no complex power needed.
        double magnitude = doubleLayerQ * Math.pow(omega, cpeExponent);
        Complex doubleLayer = new Complex(magnitude * Math.cos(cpeExponent * Math.PI / 2),
                magnitude * Math.sin(cpeExponent * Math.PI / 2));
        Complex interfaceAdmittance = faradaic.add(doubleLayer);
        if (interfaceAdmittance.abs() == 0) {
            throw new IllegalArgumentException("at ω = 0 with no faradaic reaction the cell carries no current:"
                    + " its impedance is infinite");
        }
        return new Complex(uncompensatedOhms).add(interfaceAdmittance.reciprocal());
    }

    /** Z at {@code hertz}. */
    public Complex atFrequency(double hertz) {
        return at(2 * Math.PI * hertz);
    }

    /** Z_W(ω) = R_d·tanh(x)/x with x = √(jωτ_d). */
    public Complex warburg(double omega) {
        if (diffusionOhms == 0) {
            return Complex.ZERO;
        }
        Complex x = new Complex(0, omega * diffusionSeconds).sqrt();
        return tanhOverX(x).multiply(diffusionOhms);
    }

    /**
     * tanh(x)/x for Re x ≥ 0 (√ of jωτ always is): tanh(x) = (1 − e^(−2x)) / (1 + e^(−2x)) stays finite however large
     * x grows (|e^(−2x)| ≤ 1), where cosh and sinh would overflow above x ≈ 355 (1 MHz with τ_d of seconds).
     */
    private static Complex tanhOverX(Complex x) {
        if (x.abs() < SERIES_BELOW) {
            return Complex.ONE.subtract(x.multiply(x).divide(3));
        }
        Complex decay = x.multiply(-2).exp();
        return Complex.ONE.subtract(decay).divide(Complex.ONE.add(decay).multiply(x));
    }

    /** The high-frequency limit: R_u. */
    public double highFrequencyLimitOhms() {
        return uncompensatedOhms;
    }

    /** The DC limit R_u + R_ct + R_d (+∞ without a faradaic reaction). */
    public double lowFrequencyLimitOhms() {
        return uncompensatedOhms + chargeTransferOhms + diffusionOhms;
    }

    /** The Warburg coefficient σ (Ω s^−½) of the semi-infinite limit Z_W → σ·(1 − j)/√ω: R_d/√(2τ_d). */
    public double warburgCoefficient() {
        return diffusionOhms / Math.sqrt(2 * diffusionSeconds);
    }

    /** The circuit's elements as values of a SIMULATOR_TRUTH event (R_ct is absent when infinite: no reaction). */
    public Map<String, Double> asValues() {
        Map<String, Double> values = new LinkedHashMap<>();
        values.put("Ru_ohm", uncompensatedOhms);
        if (Double.isFinite(chargeTransferOhms)) {
            values.put("Rct_ohm", chargeTransferOhms);
        }
        values.put("Rd_ohm", diffusionOhms);
        values.put("tau_d_s", diffusionSeconds);
        values.put("warburg_sigma_ohm_s-0.5", warburgCoefficient());
        values.put("Cdl_Q", doubleLayerQ);
        values.put("cpe_alpha", cpeExponent);
        return values;
    }
}
