package org.norrlab.driver;

/** Checks shared by the sweep requests (their timing is {@code core.SweepTiming}, shared with the plan). */
final class Sweeps {
    private Sweeps() {
    }

    static void check(double stepVolts, double scanRateVoltsPerSecond, double spanVolts) {
        if (!(scanRateVoltsPerSecond > 0) || !Double.isFinite(scanRateVoltsPerSecond)) {
            throw new IllegalArgumentException("a scan rate must be positive, was " + scanRateVoltsPerSecond + " V/s");
        }
        if (!(stepVolts > 0) || !Double.isFinite(stepVolts)) {
            throw new IllegalArgumentException("a potential step must be positive, was " + stepVolts + " V");
        }
        if (!(spanVolts >= stepVolts)) {
            throw new IllegalArgumentException("a sweep over " + spanVolts + " V is shorter than its step " + stepVolts + " V");
        }
    }
}
