package org.norrlab.electrochem;

/**
 * Converts between the RHE scale (how experiments are designed) and the physical reference
 * electrode (what the potentiostat controls): E_RHE = E_RE + E°_RE + (ln 10·R·T/F)·pH.
 */
public record RheScale(ReferenceElectrode referenceElectrode, double pH, double temperatureCelsius) {
    /** ln(10)·R/F in V/K; times 298.15 K gives the familiar 0.05916 V per pH unit. */
    public static final double NERNST_SLOPE_PER_KELVIN = Math.log(10) * 8.314462618 / 96485.33212;

    public double nernstSlopeVolts() {
        return NERNST_SLOPE_PER_KELVIN * (temperatureCelsius + 273.15);
    }

    /** How far the RHE sits above the reference electrode, in volts. */
    public double offsetVolts() {
        if (referenceElectrode.isRhe()) {
            return 0;
        }
        return referenceElectrode.e0VsSheVolts() + nernstSlopeVolts() * pH;
    }

    public double toReference(double voltsVsRhe) {
        return voltsVsRhe - offsetVolts();
    }

    public double toRhe(double voltsVsReference) {
        return voltsVsReference + offsetVolts();
    }
}
