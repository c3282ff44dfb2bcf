package org.norrlab.driver.sim;

import java.util.Map;
import java.util.Optional;

/**
 * The simulator's truth for one impedance spectrum, as its step's SIMULATOR_TRUTH event carries it beside what the
 * DC current made ({@link ProductTally}): the Randles circuit the spectrum was computed from, the interface potential
 * it was taken at, and how much of R_u the instrument compensated during the spectrum (none) and in the other steps.
 * The closing note and tests compare recovered R_u and R_ct with it.
 *
 * @param interfaceVoltsVsRhe        where the DC held the interface (the set potential less the whole iR drop)
 * @param compensationDuringSpectrum the fraction of R_u compensated while the spectrum was measured
 * @param compensationOtherSteps     the fraction compensated in the session's CA, LSV, CV and CP steps: the c of
 *                                   E − I·R_u·(1 − c) for their potentials
 * @param circuit                    the cell's small-signal circuit at that DC
 */
public record SpectrumTruth(double interfaceVoltsVsRhe, double compensationDuringSpectrum, double compensationOtherSteps,
                            RandlesImpedance circuit) {
    static final String INTERFACE = "E_interface_V_vs_RHE";
    static final String COMPENSATION_DURING_SPECTRUM = "compensation_during_spectrum";
    static final String COMPENSATION_OTHER_STEPS = "compensation_other_steps";

    /**
     * The spectrum's truth in a SIMULATOR_TRUTH event's values; empty for the truth of any other step (no R_u in it).
     * R_ct is absent from the values where no reaction runs (+∞).
     */
    public static Optional<SpectrumTruth> fromValues(Map<String, Double> values) {
        if (!values.containsKey("Ru_ohm")) {
            return Optional.empty();
        }
        RandlesImpedance circuit = new RandlesImpedance(values.get("Ru_ohm"), values.get("Cdl_Q"), values.get("cpe_alpha"),
                values.getOrDefault("Rct_ohm", Double.POSITIVE_INFINITY), values.get("Rd_ohm"), values.get("tau_d_s"));
        return Optional.of(new SpectrumTruth(values.get(INTERFACE), values.get(COMPENSATION_DURING_SPECTRUM),
                values.get(COMPENSATION_OTHER_STEPS), circuit));
    }
}
