package org.norrlab.scheduler;

import org.norrlab.driver.MeasurementEnd;
import org.norrlab.plan.PlannedStep;

/** Told of step boundaries on the scheduler's thread; must return quickly. */
public interface RunListener {
    RunListener NONE = new RunListener() {
    };

    default void stepStarted(PlannedStep step) {
    }

    default void stepEnded(PlannedStep step, MeasurementEnd end) {
    }

    /**
     * The run is now in {@code state}; every change is told once, in order. Called on the thread that made
     * the change (the scheduler's, or the one that asked for an abort) while the scheduler holds its state
     * lock: return at once, and do not wait for another thread that uses the scheduler.
     */
    default void stateChanged(RunState state) {
    }
}
