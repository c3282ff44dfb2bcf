package org.norrlab.driver.sim;

import org.norrlab.core.BadInputException;

/**
 * Current densities of a NORR catalyst against the interface potential (V vs RHE), as magnitudes in
 * A cm⁻²: NORR with Tafel kinetics in series with an NO transport limit (Koutecký–Levich form), a
 * logistic share of NORR current that goes to NH3, and a Tafel HER branch.
 *
 * <p>{@link #fit} places the model on one published point (potential, NH3 rate, FE) by the rule of
 * the shared reference, norr-science-notes §5.3: NORR runs at a given fraction of its transport
 * limit there, and the HER slope makes FE fall by a given number of points 100 mV further negative.
 */
public record KineticModel(double anchorVolts, double kineticAtAnchor, double transportLimit, double herAtAnchor,
                           double norrTafelVolts, double herTafelVolts, double selectivityMax,
                           double selectivityMidpointVolts, double selectivityWidthVolts,
                           double transportRateConstant) {

    public static final double FARADAY = 96485.33212;
    /** NO diffusion coefficient in water at 25 °C, cm² s⁻¹ (Zacharia & Deen 2005). */
    static final double NO_DIFFUSIVITY = 2.21e-5;
    /** NO solubility in water at 25 °C, mol cm⁻³ atm⁻¹ (same source). */
    static final double NO_SOLUBILITY = 1.94e-6;

    /** Current densities at one potential and time. */
    public record Currents(double norr, double her, double nh3Share) {
        public double total() {
            return norr + her;
        }

        public double nh3() {
            return norr * nh3Share;
        }
    }

    /** The shape assumptions of the fit; the reference's values are the defaults in drivers/sim/catalysts.yaml. */
    public record Shape(double norrTafelVolts, double selectivityMax, double selectivityWidthVolts,
                        double selectivityOffsetVolts, double transportFractionAtAnchor, double feDropPer100mV) {
    }

    public static KineticModel fit(double anchorVolts, double nh3RateMolPerSecondCm2, double faradaicEfficiency, Shape shape) {
        double nh3Partial = 5 * FARADAY * nh3RateMolPerSecondCm2;
        double total = nh3Partial / faradaicEfficiency;
        double midpoint = anchorVolts + shape.selectivityOffsetVolts();
        double share = shape.selectivityMax() / (1 + Math.exp((anchorVolts - midpoint) / shape.selectivityWidthVolts()));
        double norr = nh3Partial / share;
        double her = total - norr;
        if (her <= 0) {
            throw new BadInputException(String.format(java.util.Locale.ROOT,
                    "FE %.1f %% is above the largest NH3 share the model allows at the anchor (%.1f %%)",
                    faradaicEfficiency * 100, share * 100));
        }
        double limit = norr / shape.transportFractionAtAnchor();
        double kinetic = norr * limit / (limit - norr);
        // Effective diffusion length at 1 atm NO, only used for the time constant of NO depletion.
        double diffusionLength = 5 * FARADAY * NO_DIFFUSIVITY * NO_SOLUBILITY / limit;
        double rateConstant = Math.PI * Math.PI * NO_DIFFUSIVITY / (diffusionLength * diffusionLength);

        double lo = 0.02;
        double hi = 0.5;
        double target = faradaicEfficiency - shape.feDropPer100mV();
        KineticModel model = null;
        for (int i = 0; i < 80; i++) {
            double herSlope = 0.5 * (lo + hi);
            model = new KineticModel(anchorVolts, kinetic, limit, her, shape.norrTafelVolts(), herSlope,
                    shape.selectivityMax(), midpoint, shape.selectivityWidthVolts(), rateConstant);
            Currents c = model.steadyState(anchorVolts - 0.1);
            if (c.nh3() / c.total() > target) {
                hi = herSlope;
            } else {
                lo = herSlope;
            }
        }
        return model;
    }

    public Currents steadyState(double volts) {
        return at(volts, transportLimit);
    }

    /**
     * Currents {@code secondsSinceStep} after the potential last changed: right after a step the NO
     * layer near the electrode is still full, so the transport limit starts high and decays to its
     * steady value (finite-layer diffusion series, norr-science-notes §5.4).
     */
    public Currents afterStep(double volts, double secondsSinceStep) {
        return at(volts, transportLimit * transientFactor(secondsSinceStep));
    }

    /**
     * The charge-transfer slope of NORR at {@code volts}, A cm⁻² V⁻¹ as a magnitude: d|j_NO|/d(−E) with the NO
     * concentration at the surface held where the steady current leaves it, as a fast potential perturbation sees
     * it. With Tafel kinetics j_NO = j_k(E)·c_s/c_b, so the slope is j_NO·ln10/b_NO; 1/slope is NORR's R_ct per cm².
     */
    public double norrChargeTransferSlope(double volts) {
        return steadyState(volts).norr() * Math.log(10) / norrTafelVolts;
    }

    /**
     * The slope of the steady (Koutecký–Levich) NORR current, A cm⁻² V⁻¹ as a magnitude: what a slow perturbation
     * sees, with the surface NO following the potential. d/dη of j_k·j_lim/(j_k + j_lim) is
     * (j_lim/(j_k + j_lim))²·dj_k/dη, never more than {@link #norrChargeTransferSlope}; the difference is the NO
     * transport resistance (R_d = R_ct·j_k/j_lim for NORR alone).
     */
    public double norrSteadySlope(double volts) {
        double kinetic = kineticAtAnchor * Math.pow(10, (anchorVolts - volts) / norrTafelVolts);
        double share = transportLimit / (kinetic + transportLimit);
        return share * share * kinetic * Math.log(10) / norrTafelVolts;
    }

    /** The slope of the HER current, A cm⁻² V⁻¹ as a magnitude: j_H·ln10/b_H (no transport limit). */
    public double herSlope(double volts) {
        return steadyState(volts).her() * Math.log(10) / herTafelVolts;
    }

    /**
     * τ_d = L_eff²/D of the NO diffusion layer, s: the time constant of the finite-layer series in
     * {@link #afterStep} (its rate constant is π²D/L_eff²) and of the spectrum's finite-length Warburg.
     */
    public double diffusionSeconds() {
        return Math.PI * Math.PI / transportRateConstant;
    }

    private Currents at(double volts, double limit) {
        double kinetic = kineticAtAnchor * Math.pow(10, (anchorVolts - volts) / norrTafelVolts);
        double norr = kinetic * limit / (kinetic + limit);
        double her = herAtAnchor * Math.pow(10, (anchorVolts - volts) / herTafelVolts);
        double share = selectivityMax / (1 + Math.exp((volts - selectivityMidpointVolts) / selectivityWidthVolts));
        return new Currents(norr, her, share);
    }

    double transientFactor(double seconds) {
        double sum = 0;
        for (int k = 1; k < 200; k++) {
            double term = Math.exp(-k * k * transportRateConstant * seconds);
            sum += term;
            if (term < 1e-9) {
                break;
            }
        }
        return 1 + 2 * sum;
    }
}
