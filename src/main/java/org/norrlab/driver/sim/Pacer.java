package org.norrlab.driver.sim;

import org.norrlab.driver.Speed;

import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/**
 * Holds a simulated instrument to its speed: virtual second v is delivered at wall time
 * start + v / speed. At {@link Speed#MAX} it never waits.
 */
final class Pacer {
    private static final long SLICE_NANOS = 20_000_000;

    private final Speed speed;
    private long wallStartNanos = Long.MIN_VALUE;

    Pacer(Speed speed) {
        this.speed = speed;
    }

    /** Waits until {@code virtualSeconds} is due, in short slices so an abort is seen promptly. */
    void awaitVirtual(double virtualSeconds, BooleanSupplier stop) throws InterruptedException {
        if (speed.isMax()) {
            return;
        }
        if (wallStartNanos == Long.MIN_VALUE) {
            wallStartNanos = System.nanoTime() - (long) (virtualSeconds / speed.factor() * 1e9);
        }
        long due = wallStartNanos + (long) (virtualSeconds / speed.factor() * 1e9);
        for (long left = due - System.nanoTime(); left > 0 && !stop.getAsBoolean(); left = due - System.nanoTime()) {
            LockSupport.parkNanos(Math.min(left, SLICE_NANOS));
            if (Thread.interrupted()) {
                throw new InterruptedException("interrupted while pacing the simulator");
            }
        }
    }
}
