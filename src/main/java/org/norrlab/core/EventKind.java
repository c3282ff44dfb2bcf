package org.norrlab.core;

/** What kind of thing happened during a session. Stored by name, so never rename a constant. */
public enum EventKind {
    /** samples are missing for a stretch of time (lost link, stalled instrument) */
    GAP,
    RECONNECT,
    RANGE_CHANGE,
    ENVELOPE_BREACH,
    DEVICE_ERROR,
    OPERATOR_ABORT,
    /** the instrument or the run failed; the message says why */
    FAILURE,
    /** the simulator's ground truth for a step: products made and charge passed */
    SIMULATOR_TRUTH,
    /** the run waited between two steps at the operator's request, with the cell off */
    PAUSE,
    NOTE,
    /** a plausible mistake in the protocol found before the run started (a sign slip, mixed scales); the run went on */
    WARNING,
    /**
     * the run waited at a hold step for the operator; values: waited_s, and continued_by 0 = the operator,
     * 1 = the timeout, 2 = unattended (followed on_timeout at once); the message says who and what followed
     */
    HOLD,
    /** an aliquot was taken out of the catholyte (values: after_step, volume_ml, replaced, by_autosampler) */
    ALIQUOT
}
