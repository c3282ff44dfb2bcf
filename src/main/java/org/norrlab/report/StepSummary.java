package org.norrlab.report;

import org.norrlab.store.StoredStep;

/**
 * One row of the end-of-run table.
 *
 * @param coulombs     signed charge over the step window (cathodic negative); NaN for open-circuit steps
 * @param meanAmperes  mean current; NaN for open-circuit steps
 * @param meanVolts    mean measured potential vs the reference electrode
 */
public record StepSummary(StoredStep step, long samples, double durationSeconds, double meanAmperes, double coulombs,
                          double meanVolts, boolean timeMonotonic) {
}
