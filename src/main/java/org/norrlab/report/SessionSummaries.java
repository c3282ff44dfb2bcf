package org.norrlab.report;

import org.norrlab.analysis.StepTally;
import org.norrlab.store.SessionStore;
import org.norrlab.store.StoreException;
import org.norrlab.store.StoredStep;

import java.util.ArrayList;
import java.util.List;

/**
 * Summarises each step of a stored session from its samples (through the tally stored when the step ended); a step's
 * E vs RHE follows the session's corrected cell ({@link Corrections}).
 */
public final class SessionSummaries {
    private SessionSummaries() {
    }

    public static List<StepSummary> of(SessionStore store, long sessionId) throws StoreException {
        List<StepSummary> rows = new ArrayList<>();
        for (StoredStep step : Corrections.read(store, sessionId).steps()) {
            StepTally t = store.tally(sessionId, step.index());
            boolean hasCurrent = t.currentSamples() > 0;
            // A hold lasts as long as the operator took: its stored duration, not its last sample's time (a hold with
            // the cell off has none, and an open-circuit record may run on ahead of the wait at a simulator's speed).
            // An EIS step has impedance points and no samples: its stored duration too (until its last point).
            double duration = step.kind().equals("hold") || step.kind().equals("eis") ? step.durationSeconds()
                    : t.lastTime();
            rows.add(new StepSummary(step, t.samples(), duration, hasCurrent ? t.meanAmperes() : Double.NaN,
                    hasCurrent ? t.coulombs(0) : Double.NaN, t.meanVolts(), t.monotonic()));
        }
        return rows;
    }
}
