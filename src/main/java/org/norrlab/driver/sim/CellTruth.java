package org.norrlab.driver.sim;

import org.norrlab.core.Gas;

import java.util.function.DoubleUnaryOperator;

/**
 * What the simulated cell really is, for tests that check an analysis against it (C_dl from CVs, an onset from an
 * LSV, R_u and R_ct from a spectrum): its electrode area, double-layer capacitance, resistance and kinetics, and the
 * quasi-steady currents and the impedance they give. It leaves out what the simulator adds on top (noise, bubbles,
 * the slow activity drift of 2 % per hour): a test compares within a tolerance that covers them.
 *
 * <p>Current densities are signed (IUPAC: cathodic negative), A cm⁻² of geometric area; potentials are interface
 * potentials vs RHE (the shipped presets compensate R_u fully, so the interface sits at the set potential).
 *
 * <p>Impedance: the simulated instrument measures a spectrum with its positive-feedback compensation <em>off</em>
 * ({@link #COMPENSATION_DURING_SPECTRUM}), so the spectrum shows the whole R_u at high frequency and its DC potential
 * reaches the interface less the whole iR drop ({@link #spectrumInterfaceVolts}); see {@link #impedance}.
 *
 * @param catalyst                the preset's name
 * @param areaCm2                 the electrode's geometric area
 * @param doubleLayerFaradsPerCm2 C_dl per geometric cm²: a CV in the non-faradaic window gives Δj/2 = C_dl·v; with a
 *                                CPE exponent below 1 it is also the spectrum's Q per cm², F·s^(α−1)
 * @param cpeExponent             α of the double layer in a spectrum (1: an ideal capacitor)
 * @param uncompensatedOhms       R_u, the cell's whole uncompensated (solution) resistance
 * @param compensation            the fraction of R_u the instrument compensates by positive feedback in CA, LSV, CV
 *                                and CP steps (not during a spectrum)
 * @param openCircuitVoltsVsRhe   where the electrode rests with the cell off
 * @param model                   the faradaic kinetics
 */
public record CellTruth(String catalyst, double areaCm2, double doubleLayerFaradsPerCm2, double cpeExponent,
                        double uncompensatedOhms, double compensation, double openCircuitVoltsVsRhe, KineticModel model) {
    /**
     * The fraction of R_u compensated while a spectrum is measured: none. Positive feedback with a fast AC signal
     * risks the potentiostat's stability, and the high-frequency intercept is how R_u is measured in the first
     * place, so vendor suites measure EIS with it off (PSTrace and Gamry's Framework do not apply it to EIS; NOVA and
     * EC-Lab advise against it). A real instrument with f_comp on would show R_u·(1 − f_comp) at high frequency.
     */
    public static final double COMPENSATION_DURING_SPECTRUM = 0;
    private static final double POSITIVE_END = 1.5;
    private static final double NEGATIVE_END = -2.0;

    /** The truth of {@code preset} on an electrode of {@code areaCm2}. */
    public static CellTruth of(CatalystPreset preset, double areaCm2) {
        return new CellTruth(preset.name(), areaCm2, preset.doubleLayerFaradsPerCm2(), preset.cpeExponent(),
                preset.uncompensatedOhms(), preset.compensation(), preset.openCircuitVoltsVsRhe(), preset.model());
    }

    /** R_u·(1 − compensation), the resistance the double layer charges through in CA, LSV, CV and CP steps. */
    public double effectiveResistanceOhms() {
        return uncompensatedOhms * (1 - compensation);
    }

    /**
     * R_ct at interface potential {@code voltsVsRhe} under {@code gas}, Ω: 1/(∂I_F/∂E) with the NO concentration at
     * the surface held, the resistance a fast perturbation meets. NORR (only under NO) and HER react in parallel:
     * R_ct = 1/(A·(j_NO·ln10/b_NO + j_H·ln10/b_H)). +∞ where no current flows at all (underflow far anodic).
     */
    public double chargeTransferOhms(double voltsVsRhe, Gas gas) {
        double slope = (gas == Gas.NITRIC_OXIDE ? model.norrChargeTransferSlope(voltsVsRhe) : 0)
                + model.herSlope(voltsVsRhe);
        return 1 / (areaCm2 * slope);
    }

    /**
     * The DC polarisation resistance R_ct + R_d at {@code voltsVsRhe} under {@code gas}, Ω: 1/(dI/dE) of the steady
     * current, with the surface NO following the potential (Koutecký–Levich).
     */
    public double polarisationOhms(double voltsVsRhe, Gas gas) {
        double slope = (gas == Gas.NITRIC_OXIDE ? model.norrSteadySlope(voltsVsRhe) : 0) + model.herSlope(voltsVsRhe);
        return 1 / (areaCm2 * slope);
    }

    /**
     * R_d, the NO transport resistance at {@code voltsVsRhe} under {@code gas}, Ω: the DC polarisation resistance
     * less R_ct. 0 under Ar (no NO diffuses). The Randles circuit puts HER and NORR in one R_ct with one Warburg;
     * this R_d makes its DC limit the cell's true polarisation resistance, exact when either reaction is absent and
     * close while HER carries a small share (6 % for NiNC at −0.5 V vs RHE).
     */
    public double diffusionOhms(double voltsVsRhe, Gas gas) {
        if (gas != Gas.NITRIC_OXIDE) {
            return 0;
        }
        double polarisation = polarisationOhms(voltsVsRhe, gas);
        double chargeTransfer = chargeTransferOhms(voltsVsRhe, gas);
        return Double.isFinite(polarisation) && Double.isFinite(chargeTransfer) ? polarisation - chargeTransfer : 0;
    }

    /** C_dl of the whole electrode in a spectrum, or Q of its CPE (F·s^(α−1)) when α is below 1. */
    public double doubleLayerQ() {
        return doubleLayerFaradsPerCm2 * areaCm2;
    }

    /**
     * The small-signal impedance of the cell held at interface potential {@code voltsVsRhe} under {@code gas}, as the
     * simulated instrument measures it (compensation off): R_u in series with the double layer (C_dl or its CPE) in
     * parallel with R_ct and a finite-length Warburg of R_d and τ_d = L_eff²/D for NO.
     */
    public RandlesImpedance impedance(double voltsVsRhe, Gas gas) {
        return new RandlesImpedance(uncompensatedOhms * (1 - COMPENSATION_DURING_SPECTRUM), doubleLayerQ(), cpeExponent,
                chargeTransferOhms(voltsVsRhe, gas), diffusionOhms(voltsVsRhe, gas), model.diffusionSeconds());
    }

    /**
     * The interface potential vs RHE while a spectrum holds {@code setVoltsVsRhe} under {@code gas}: with the
     * compensation off the steady current I drops I·R_u across the solution, E_int = E_set − I·R_u (less negative
     * than the set point for a cathodic current). I rises monotonically with E, so bisection finds it to 1 nV.
     */
    public double spectrumInterfaceVolts(double setVoltsVsRhe, Gas gas) {
        double ohms = uncompensatedOhms * (1 - COMPENSATION_DURING_SPECTRUM);
        if (ohms == 0) {
            return setVoltsVsRhe;
        }
        // E − E_set + I(E)·R rises with E; at E_set it is ≤ 0 for a cathodic current, ≥ 0 for an anodic one (none here).
        DoubleUnaryOperator residual = e -> e - setVoltsVsRhe + areaCm2 * faradaicDensity(e, gas) * ohms;
        double low = setVoltsVsRhe;
        double high = setVoltsVsRhe;
        while (residual.applyAsDouble(high) < 0) {
            high += 0.1;
        }
        while (high - low > 1e-9) {
            double middle = 0.5 * (low + high);
            if (residual.applyAsDouble(middle) < 0) {
                low = middle;
            } else {
                high = middle;
            }
        }
        return 0.5 * (low + high);
    }

    /** C_dl of the whole electrode, F: the slope of Δi/2 against scan rate. */
    public double doubleLayerFarads() {
        return doubleLayerFaradsPerCm2 * areaCm2;
    }

    /** The steady NO-reduction current density at {@code voltsVsRhe} under NO (Koutecký–Levich), cathodic negative. */
    public double norrDensity(double voltsVsRhe) {
        return -model.steadyState(voltsVsRhe).norr();
    }

    /** The steady faradaic current density under {@code gas}: NORR (only under NO) plus HER, cathodic negative. */
    public double faradaicDensity(double voltsVsRhe, Gas gas) {
        KineticModel.Currents c = model.steadyState(voltsVsRhe);
        return -((gas == Gas.NITRIC_OXIDE ? c.norr() : 0) + c.her());
    }

    /**
     * The current density a slow sweep records at {@code voltsVsRhe}: the faradaic current plus the double-layer
     * charging C_dl·dE/dt ({@code voltsPerSecond} signed: negative for a cathodic scan, which charges cathodically).
     */
    public double sweepDensity(double voltsVsRhe, Gas gas, double voltsPerSecond) {
        return faradaicDensity(voltsVsRhe, gas) + doubleLayerFaradsPerCm2 * voltsPerSecond;
    }

    /**
     * The onset potential vs RHE of a cathodic sweep at {@code voltsPerSecond} (signed) under {@code gas}: where
     * its current density first reaches {@code densityAmperesPerCm2} (negative, e.g. −1 mA cm⁻² = −1e-3) coming
     * from positive potentials. The recorded current falls monotonically with potential, so bisection between
     * +1.5 V and −2 V vs RHE finds it to 1 µV.
     *
     * @throws IllegalArgumentException if the density is not cathodic or not reached in that range
     */
    public double onsetVoltsVsRhe(double densityAmperesPerCm2, Gas gas, double voltsPerSecond) {
        if (!(densityAmperesPerCm2 < 0)) {
            throw new IllegalArgumentException("an onset current density is cathodic (negative), was " + densityAmperesPerCm2);
        }
        DoubleUnaryOperator recorded = volts -> sweepDensity(volts, gas, voltsPerSecond);
        if (recorded.applyAsDouble(POSITIVE_END) <= densityAmperesPerCm2
                || recorded.applyAsDouble(NEGATIVE_END) > densityAmperesPerCm2) {
            throw new IllegalArgumentException("the sweep does not cross " + densityAmperesPerCm2
                    + " A/cm2 between +1.5 and -2 V vs RHE");
        }
        return crossing(recorded, densityAmperesPerCm2);
    }

    /** The potential vs RHE where the steady NORR current density alone reaches {@code densityAmperesPerCm2} (negative). */
    public double norrOnsetVoltsVsRhe(double densityAmperesPerCm2) {
        if (!(densityAmperesPerCm2 < 0) || norrDensity(NEGATIVE_END) > densityAmperesPerCm2) {
            throw new IllegalArgumentException("the NORR current density does not reach " + densityAmperesPerCm2
                    + " A/cm2 (its transport limit is " + -model.transportLimit() + " A/cm2)");
        }
        return crossing(this::norrDensity, densityAmperesPerCm2);
    }

    /** Where a density falling monotonically with potential crosses {@code target}, by bisection to 1 µV. */
    private static double crossing(DoubleUnaryOperator density, double target) {
        double positive = POSITIVE_END;
        double negative = NEGATIVE_END;
        while (positive - negative > 1e-6) {
            double middle = 0.5 * (positive + negative);
            if (density.applyAsDouble(middle) > target) {
                positive = middle;
            } else {
                negative = middle;
            }
        }
        return 0.5 * (positive + negative);
    }
}
