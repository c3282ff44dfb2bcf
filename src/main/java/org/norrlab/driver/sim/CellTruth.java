package org.norrlab.driver.sim;

import org.norrlab.core.Gas;

import java.util.function.DoubleUnaryOperator;

/**
 * What the simulated cell really is, for tests that check an analysis against it (C_dl from CVs, an onset from an
 * LSV): its electrode area, double-layer capacitance, resistance and kinetics, and the quasi-steady currents they
 * give. It leaves out what the simulator adds on top (noise, bubbles, the slow activity drift of 2 % per hour):
 * a test compares within a tolerance that covers them.
 *
 * <p>Current densities are signed (IUPAC: cathodic negative), A cm⁻² of geometric area; potentials are interface
 * potentials vs RHE (the shipped presets compensate R_u fully, so the interface sits at the set potential).
 *
 * @param catalyst                the preset's name
 * @param areaCm2                 the electrode's geometric area
 * @param doubleLayerFaradsPerCm2 C_dl per geometric cm²: a CV in the non-faradaic window gives Δj/2 = C_dl·v
 * @param effectiveResistanceOhms R_u·(1 − compensation), the resistance the double layer charges through
 * @param openCircuitVoltsVsRhe   where the electrode rests with the cell off
 * @param model                   the faradaic kinetics
 */
public record CellTruth(String catalyst, double areaCm2, double doubleLayerFaradsPerCm2, double effectiveResistanceOhms,
                        double openCircuitVoltsVsRhe, KineticModel model) {
    private static final double POSITIVE_END = 1.5;
    private static final double NEGATIVE_END = -2.0;

    /** The truth of {@code preset} on an electrode of {@code areaCm2}. */
    public static CellTruth of(CatalystPreset preset, double areaCm2) {
        return new CellTruth(preset.name(), areaCm2, preset.doubleLayerFaradsPerCm2(), preset.effectiveResistanceOhms(),
                preset.openCircuitVoltsVsRhe(), preset.model());
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
