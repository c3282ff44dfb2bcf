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
}
