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
 * </ul>
 * For imported sweeps the scan rate is the file's, or the one measured from the data (dE/dt); never assumed.
 */
public record StepSettings(double scanRateVoltsPerSecond, double stepVolts, double startVsRhe, double vertex1VsRhe,
                           double vertex2VsRhe, double endVsRhe, int cycles, double setCurrentAmperes,
                           double lowerLimitVsRhe, double upperLimitVsRhe) {

    /** A step with none of these settings (CA, OCP, hold). */
    public static final StepSettings NONE = new StepSettings(Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
            Double.NaN, 0, Double.NaN, Double.NaN, Double.NaN);

    public StepSettings {
        if (cycles < 0) {
            throw new IllegalArgumentException("cycles must be >= 0, was " + cycles);
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

    /** Whether a scan rate is known (a sweep run by norrlab, or an imported one whose rate was read or measured). */
    public boolean hasScanRate() {
        return !Double.isNaN(scanRateVoltsPerSecond);
    }
}
