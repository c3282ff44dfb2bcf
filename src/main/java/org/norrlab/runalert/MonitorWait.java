package org.norrlab.runalert;

import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/** Waiting on an object's monitor until a condition holds or a deadline passes, as the close waits of a run do. */
final class MonitorWait {
    private MonitorWait() {
    }

    /**
     * Waits on {@code monitor}, whose lock the caller holds, until {@code done} is true or the deadline
     * ({@link System#nanoTime()}) passes. An interrupt ends the wait and is kept for the caller to see.
     *
     * @return whether {@code done} held
     */
    static boolean until(Object monitor, BooleanSupplier done, long deadline) {
        while (!done.getAsBoolean()) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            try {
                TimeUnit.NANOSECONDS.timedWait(monitor, left);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }
}
