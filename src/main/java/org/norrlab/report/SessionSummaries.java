package org.norrlab.report;

import org.norrlab.analysis.ChargeAccumulator;
import org.norrlab.core.Sample;
import org.norrlab.store.SqliteStore;
import org.norrlab.store.StoreException;
import org.norrlab.store.StoredStep;

import java.util.ArrayList;
import java.util.List;

/** Summarises each step of a stored session from its samples. */
public final class SessionSummaries {
    private SessionSummaries() {
    }

    public static List<StepSummary> of(SqliteStore store, long sessionId) throws StoreException {
        List<StepSummary> rows = new ArrayList<>();
        for (StoredStep step : store.steps(sessionId)) {
            StepTally tally = new StepTally();
            store.forEachSample(sessionId, step.index(), (sequence, sample) -> tally.add(sample));
            rows.add(tally.summary(step));
        }
        return rows;
    }

    /** Streams through one step's samples once. */
    private static final class StepTally {
        private final ChargeAccumulator charge = new ChargeAccumulator();
        private long count;
        private double sumVolts;
        private double lastTime = -1;
        private boolean monotonic = true;

        void add(Sample sample) {
            charge.add(sample.timeSeconds(), sample.currentAmperes());
            count++;
            sumVolts += sample.potentialVolts();
            monotonic &= sample.timeSeconds() > lastTime;
            lastTime = sample.timeSeconds();
        }

        StepSummary summary(StoredStep step) {
            boolean hasCurrent = charge.currentSamples() > 0;
            return new StepSummary(step, count, Math.max(lastTime, 0), hasCurrent ? charge.meanAmperes() : Double.NaN,
                    hasCurrent ? charge.coulombs() : Double.NaN, count == 0 ? Double.NaN : sumVolts / count, monotonic);
        }
    }
}
