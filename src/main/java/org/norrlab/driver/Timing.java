package org.norrlab.driver;

import org.norrlab.core.Units;

import java.time.Duration;

final class Timing {
    private Timing() {
    }

    static void check(Duration interval, Duration duration) {
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("sample interval must be positive, was " + Units.formatDuration(interval));
        }
        if (duration.compareTo(interval) < 0) {
            throw new IllegalArgumentException("duration " + Units.formatDuration(duration) + " is shorter than the interval " + Units.formatDuration(interval));
        }
    }
}
