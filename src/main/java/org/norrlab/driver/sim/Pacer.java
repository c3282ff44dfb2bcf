package org.norrlab.driver.sim;

import org.norrlab.driver.Speed;

import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/**
 * Holds a simulated instrument to its speed: virtual second v of a measurement that began at virtual
 * second b is delivered no earlier than wall time (start of the measurement) + (v − b) / speed, so a
 * sample never arrives before the instrument could have measured it, the first one included. Each
 * measurement is anchored at its own start: a pause between steps does not make the next step's
 * samples due in the past. At {@link Speed#MAX} it never waits.
 */
final class Pacer {
    private static final long SLICE_NANOS = 20_000_000;

    private final Speed speed;
    private long wallStartNanos;
    private double virtualStartSeconds = Double.NaN;

    Pacer(Speed speed) {
        this.speed = speed;
    }

    /** A measurement starts now, at {@code virtualSeconds} of instrument time. */
    void begin(double virtualSeconds) {
        wallStartNanos = System.nanoTime();
        virtualStartSeconds = virtualSeconds;
    }

    /** Waits until {@code virtualSeconds} is due, in short slices so an abort is seen promptly. */
    void awaitVirtual(double virtualSeconds, BooleanSupplier stop) throws InterruptedException {
        if (speed.isMax()) {
            return;
        }
        if (Double.isNaN(virtualStartSeconds)) {
            throw new IllegalStateException("the pacer was asked for instrument time before a measurement began");
        }
        // Rounded up, so the wait never ends a fraction of a nanosecond before the sample's time.
        long due = wallStartNanos + (long) Math.ceil((virtualSeconds - virtualStartSeconds) / speed.factor() * 1e9);
        for (long left = due - System.nanoTime(); left > 0 && !stop.getAsBoolean(); left = due - System.nanoTime()) {
            LockSupport.parkNanos(Math.min(left, SLICE_NANOS));
            if (Thread.interrupted()) {
                throw new InterruptedException("interrupted while pacing the simulator");
            }
        }
    }
}
