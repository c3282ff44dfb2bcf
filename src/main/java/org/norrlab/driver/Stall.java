package org.norrlab.driver;

import java.time.Duration;

/**
 * When a streaming instrument has gone quiet for too long. A device that sends a sample every
 * interval and then nothing for twenty intervals (at least 3 s) has stalled: a frozen firmware, a
 * USB hub that dropped data lines but not power, an emulator that stopped.
 */
public final class Stall {
    private Stall() {
    }

    public static Duration limit(Duration interval) {
        Duration twenty = interval.multipliedBy(20);
        return twenty.compareTo(Duration.ofSeconds(3)) > 0 ? twenty : Duration.ofSeconds(3);
    }

    public static DriverException.Timeout error(String instrument, String port, Duration stall) {
        return new DriverException.Timeout(instrument + " on " + port + " sent nothing for " + stall.toSeconds()
                + " s during a measurement; the step was stopped. Check the cable and the instrument's power.");
    }
}
