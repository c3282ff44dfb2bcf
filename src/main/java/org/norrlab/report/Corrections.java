package org.norrlab.report;

import org.norrlab.electrochem.CellSettings;
import org.norrlab.store.CorrectionStore;
import org.norrlab.store.SessionStore;
import org.norrlab.store.StoreException;
import org.norrlab.store.StoredCorrection;
import org.norrlab.store.StoredSession;
import org.norrlab.store.StoredStep;

import java.util.List;

/**
 * A session as the analysis sees it after corrections: the cell values the operator corrected, and every step's
 * potential vs RHE recomputed from the potential the instrument applied vs the reference electrode. What a correction
 * changes is the cell (its pH, its reference electrode), never what the instrument did, so E vs RE stays as recorded
 * and E_RHE = E_RE + E°_RE + (ln 10·R·T/F)·pH follows the corrected values. The store keeps what the run recorded.
 */
public record Corrections(StoredSession session, List<StoredStep> steps, List<StoredCorrection> trail) {
    public Corrections {
        steps = List.copyOf(steps);
        trail = List.copyOf(trail);
    }

    /** The session, its steps and its trail read from the store, the corrections applied. */
    public static Corrections read(SessionStore store, long sessionId) throws StoreException {
        return apply(store.existingSession(sessionId), store.steps(sessionId), store.corrections().corrections(sessionId));
    }

    /** Pure: the recorded session and steps with the trail's session corrections laid over them. */
    public static Corrections apply(StoredSession recorded, List<StoredStep> steps, List<StoredCorrection> trail) {
        if (trail.stream().noneMatch(StoredCorrection::isSessionField)) {
            return new Corrections(recorded, steps, trail);
        }
        CellSettings cell = CorrectionStore.correctedCell(recorded.cell(), trail);
        StoredSession s = recorded;
        StoredSession corrected = new StoredSession(s.id(), s.started(), s.ended(), s.status(), s.statusReason(),
                s.protocolName(), s.protocolFile(), s.protocolText(), cell, s.instrument(), s.runOptions(),
                s.softwareVersion(), s.instrumentSettings(), s.replayOf(), s.resumedFrom(), s.electrolyte(), s.sample());
        return new Corrections(corrected, steps.stream().map(step -> onRheScale(step, cell)).toList(), trail);
    }

    /** The step's E vs RHE from its E vs RE on the corrected cell's scale; an open-circuit step (NaN) stays NaN. */
    static StoredStep onRheScale(StoredStep t, CellSettings cell) {
        if (!Double.isFinite(t.voltsVsReference())) {
            return t;
        }
        return new StoredStep(t.index(), t.kind(), t.label(), cell.rheScale().toRhe(t.voltsVsReference()),
                t.voltsVsReference(), t.intervalSeconds(), t.plannedDurationSeconds(), t.currentRange(), t.source(),
                t.started(), t.sessionOffsetSeconds(), t.ended(), t.durationSeconds(), t.sampleCount(), t.outcome(),
                t.lagMillis(), t.context());
    }
}
