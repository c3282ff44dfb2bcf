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
            rows.add(new StepSummary(step, t.samples(), t.lastTime(), hasCurrent ? t.meanAmperes() : Double.NaN,
                    hasCurrent ? t.coulombs(0) : Double.NaN, t.meanVolts(), t.monotonic()));
        }
        return rows;
    }
}
