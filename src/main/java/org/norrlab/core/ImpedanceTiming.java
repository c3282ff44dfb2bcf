package org.norrlab.core;

import java.time.Duration;
import java.util.List;

/**
 * How long an impedance point takes, for planning and for the watchdog: an instrument settles at each frequency and
 * then measures a few periods, so one point at 0.1 Hz takes tens of seconds while one at 10 kHz takes a fraction of a
 * second. Instruments differ; this is the estimate norrlab plans with (the simulated cell takes exactly this long),
 * and the watchdog allows three times the slowest point of a step.
 */
public final class ImpedanceTiming {
    /** Settling at each new frequency, in seconds. */
    public static final double SETTLE_SECONDS = 0.5;
    /** Periods measured per point. */
    public static final int PERIODS = 3;

    private ImpedanceTiming() {
    }

    /** Seconds one point at {@code frequencyHz} takes: settle, then {@link #PERIODS} periods. */
    public static double pointSeconds(double frequencyHz) {
        return SETTLE_SECONDS + PERIODS / frequencyHz;
    }

    /** The slowest point of the spectrum, for the watchdog. */
    public static Duration longestPoint(List<Double> frequenciesHz) {
        double longest = 0;
        for (double f : frequenciesHz) {
            longest = Math.max(longest, pointSeconds(f));
        }
        return Duration.ofNanos(Math.round(longest * 1e9));
    }

    /** The whole spectrum. */
    public static Duration total(List<Double> frequenciesHz) {
        double seconds = 0;
        for (double f : frequenciesHz) {
            seconds += pointSeconds(f);
        }
        return Duration.ofNanos(Math.round(seconds * 1e9));
    }

    /**
     * Log-spaced frequencies from {@code highestHz} down to {@code lowestHz}, both included, {@code perDecade} per decade
     * (the span rounded to whole points), as vendor suites lay out a spectrum.
     */
    public static List<Double> logSpaced(double highestHz, double lowestHz, int perDecade) {
        if (!(highestHz > 0) || !(lowestHz > 0) || Double.isInfinite(highestHz) || !(highestHz >= lowestHz)) {
            throw new IllegalArgumentException("a frequency range runs from a highest to a lowest positive frequency, was "
                    + highestHz + " .. " + lowestHz + " Hz");
        }
        if (perDecade < 1) {
            throw new IllegalArgumentException("points per decade must be >= 1, was " + perDecade);
        }
        double decades = Math.log10(highestHz / lowestHz);
        int intervals = (int) Math.max(0, Math.round(decades * perDecade));
        if (intervals == 0) {
            return List.of(highestHz);
        }
        Double[] f = new Double[intervals + 1];
        for (int k = 0; k <= intervals; k++) {
            f[k] = highestHz * Math.pow(lowestHz / highestHz, (double) k / intervals);
        }
        f[intervals] = lowestHz;
        return List.of(f);
    }
}
