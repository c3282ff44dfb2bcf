package org.norrlab.driver.sim;

import org.norrlab.core.BadInputException;

/**
 * One simulated catalyst and the cell around it, from drivers/sim/catalysts.yaml.
 *
 * @param publishedVoltsVsRhe      the potential of the published result the model is fitted to
 * @param publishedNh3Rate         its NH3 yield, mol s⁻¹ cm⁻²
 * @param publishedFaradaicEfficiency its NH3 FE, as a fraction
 * @param doubleLayerFaradsPerCm2  C_dl per geometric cm²; with a CPE exponent below 1 the Q of the double layer in an
 *                                 impedance spectrum, F·s^(α−1) per cm² (the time-domain cell keeps an ideal C_dl)
 * @param cpeExponent              α of the double layer in a spectrum, Y = Q·(jω)^α; 1 (the default) is an ideal capacitor
 * @param uncompensatedOhms        R_u of the cell
 * @param compensation             fraction of R_u the potentiostat compensates (1 = the published, iR-free potentials)
 * @param openCircuitVoltsVsRhe    where the electrode rests with the cell off
 * @param driftPerHour             fractional loss of NORR activity per hour
 * @param bubblesPerSecond         mean rate of bubble spikes
 * @param bubbleAmplitudeMax       largest spike, as a fraction of the current
 * @param bubbleSecondsMax         longest spike decay time
 * @param byproductShares          how the non-NH3 NORR current splits: N2O, NH2OH, N2 (sums to 1)
 */
public record CatalystPreset(String name, String description, String source, double publishedVoltsVsRhe,
                             double publishedNh3Rate, double publishedFaradaicEfficiency, KineticModel model,
                             double doubleLayerFaradsPerCm2, double cpeExponent, double uncompensatedOhms, double compensation,
                             double openCircuitVoltsVsRhe, double openCircuitRelaxationSeconds, double driftPerHour,
                             double bubblesPerSecond, double bubbleAmplitudeMax, double bubbleSecondsMax,
                             ByproductShares byproductShares) {

    public CatalystPreset {
        if (!(cpeExponent > 0 && cpeExponent <= 1)) {
            throw new BadInputException("a constant-phase exponent lies above 0 and at most 1 (an ideal capacitor), was "
                    + cpeExponent);
        }
    }

    public record ByproductShares(double n2o, double nh2oh, double n2) {
        public ByproductShares {
            double sum = n2o + nh2oh + n2;
            if (Math.abs(sum - 1) > 1e-6 || n2o < 0 || nh2oh < 0 || n2 < 0) {
                throw new BadInputException("by-product shares must be >= 0 and add up to 100 %, they add up to "
                        + sum * 100 + " %");
            }
        }
    }

    /** R_u·(1 − compensation): the resistance the double layer charges through and the iR left at steady state. */
    public double effectiveResistanceOhms() {
        return uncompensatedOhms * (1 - compensation);
    }
}
