package org.norrlab.core;

/**
 * What a sweep or a constant-current step asked of the instrument, as the store keeps it with the step so that
 * the analysis knows the scan rate without guessing. Potentials are on the RHE scale; a value that does not
 * apply to the step's kind is NaN (0 for {@code cycles}). CA and OCP steps carry {@link #NONE}.
 *
 * <ul>
 *   <li>LSV: {@code startVsRhe} → {@code endVsRhe} at {@code scanRateVoltsPerSecond}, one point per {@code stepVolts};</li>
 *   <li>CV: begin ({@code startVsRhe}, also {@code endVsRhe}) → {@code vertex1VsRhe} → {@code vertex2VsRhe} → begin,
 *       {@code cycles} times;</li>
 *   <li>CP: {@code setCurrentAmperes} (cathodic negative) within {@code lowerLimitVsRhe} .. {@code upperLimitVsRhe}
 *       (NaN where the protocol set no limit).</li>
 *   <li>EIS: DC potential {@code startVsRhe} (NaN when the DC level is the open-circuit potential plus
 *       {@code openCircuitOffsetVolts}), AC {@code amplitudeVolts} (rms), {@code frequencyCount} frequencies from
 *       {@code highestFrequencyHz} down to {@code lowestFrequencyHz}.</li>
 * </ul>
 * For imported sweeps the scan rate is the file's, or the one measured from the data (dE/dt); never assumed.
 */
public record StepSettings(double scanRateVoltsPerSecond, double stepVolts, double startVsRhe, double vertex1VsRhe,
                           double vertex2VsRhe, double endVsRhe, int cycles, double setCurrentAmperes,
                           double lowerLimitVsRhe, double upperLimitVsRhe, double amplitudeVolts,
                           double highestFrequencyHz, double lowestFrequencyHz, int frequencyCount,
                           double openCircuitOffsetVolts) {

    /** A step with none of these settings (CA, OCP, hold). */
    public static final StepSettings NONE = new StepSettings(Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
            Double.NaN, 0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, 0, Double.NaN);

    /** The settings of the kinds before impedance (sweeps, CP): no impedance fields. */
    public StepSettings(double scanRateVoltsPerSecond, double stepVolts, double startVsRhe, double vertex1VsRhe,
                        double vertex2VsRhe, double endVsRhe, int cycles, double setCurrentAmperes,
                        double lowerLimitVsRhe, double upperLimitVsRhe) {
        this(scanRateVoltsPerSecond, stepVolts, startVsRhe, vertex1VsRhe, vertex2VsRhe, endVsRhe, cycles,
                setCurrentAmperes, lowerLimitVsRhe, upperLimitVsRhe, Double.NaN, Double.NaN, Double.NaN, 0, Double.NaN);
    }

    public StepSettings {
        if (cycles < 0) {
            throw new IllegalArgumentException("cycles must be >= 0, was " + cycles);
        }
        if (frequencyCount < 0) {
            throw new IllegalArgumentException("frequencyCount must be >= 0, was " + frequencyCount);
        }
        if (!Double.isNaN(scanRateVoltsPerSecond) && !(scanRateVoltsPerSecond > 0)) {
            throw new IllegalArgumentException("a scan rate must be positive, was " + scanRateVoltsPerSecond + " V/s");
        }
    }

    public static StepSettings linearSweep(double startVsRhe, double endVsRhe, double stepVolts, double scanRateVoltsPerSecond) {
        return new StepSettings(scanRateVoltsPerSecond, stepVolts, startVsRhe, Double.NaN, Double.NaN, endVsRhe, 1,
                Double.NaN, Double.NaN, Double.NaN);
    }

    public static StepSettings cyclicVoltammetry(double beginVsRhe, double vertex1VsRhe, double vertex2VsRhe, int cycles,
                                                 double stepVolts, double scanRateVoltsPerSecond) {
        return new StepSettings(scanRateVoltsPerSecond, stepVolts, beginVsRhe, vertex1VsRhe, vertex2VsRhe, beginVsRhe,
                cycles, Double.NaN, Double.NaN, Double.NaN);
    }

    public static StepSettings chronopotentiometry(double setCurrentAmperes, double lowerLimitVsRhe, double upperLimitVsRhe) {
        return new StepSettings(Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, 0,
                setCurrentAmperes, lowerLimitVsRhe, upperLimitVsRhe);
    }

    /**
     * An impedance spectrum's settings: DC at {@code dcVsRhe} (NaN: at open circuit plus {@code openCircuitOffsetVolts}),
     * {@code amplitudeVolts} rms, {@code frequencyCount} frequencies from {@code highestHz} to {@code lowestHz}.
     */
    public static StepSettings impedance(double dcVsRhe, double openCircuitOffsetVolts, double amplitudeVolts,
                                         double highestHz, double lowestHz, int frequencyCount) {
        return new StepSettings(Double.NaN, Double.NaN, dcVsRhe, Double.NaN, Double.NaN, Double.NaN, 0, Double.NaN,
                Double.NaN, Double.NaN, amplitudeVolts, highestHz, lowestHz, frequencyCount, openCircuitOffsetVolts);
    }

    /** Whether the DC level of an impedance step was the open-circuit potential (plus an offset). */
    public boolean dcAtOpenCircuit() {
        return !Double.isNaN(openCircuitOffsetVolts);
    }

    /** Whether a scan rate is known (a sweep run by norrlab, or an imported one whose rate was read or measured). */
    public boolean hasScanRate() {
        return !Double.isNaN(scanRateVoltsPerSecond);
    }
}
