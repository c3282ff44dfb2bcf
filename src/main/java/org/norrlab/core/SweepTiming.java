package org.norrlab.core;

import java.time.Duration;

/**
 * The timing of a potential sweep (LSV, CV), written once for the plan (what it shows and predicts) and the driver
 * requests (what the instrument is asked for), so that the two cannot drift apart: one point per potential step, so
 * every step / scan rate seconds, and the potential travelled / scan rate in all.
 */
public final class SweepTiming {
    private SweepTiming() {
    }

    /** The time between two points: one potential step at the scan rate. */
    public static Duration interval(double stepVolts, double scanRateVoltsPerSecond) {
        return seconds(stepVolts / scanRateVoltsPerSecond);
    }

    /** The time to travel {@code volts} at the scan rate. */
    public static Duration travel(double volts, double scanRateVoltsPerSecond) {
        return seconds(volts / scanRateVoltsPerSecond);
    }

    /** The potential one CV cycle travels, begin → vertex 1 → vertex 2 → begin, in volts (on any one scale). */
    public static double voltsPerCycle(double begin, double vertex1, double vertex2) {
        return Math.abs(vertex1 - begin) + Math.abs(vertex2 - vertex1) + Math.abs(begin - vertex2);
    }

    /** Seconds as a Duration, to the nanosecond (a sweep's interval is rarely whole milliseconds: 1 mV at 60 mV/s). */
    private static Duration seconds(double seconds) {
        return Duration.ofNanos(Math.round(seconds * 1e9));
    }
}
