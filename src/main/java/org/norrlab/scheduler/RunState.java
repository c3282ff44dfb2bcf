package org.norrlab.scheduler;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The states of a run and the changes allowed between them. What the run view and the progress bar
 * say about a run in progress is read from here: a step measuring, a wait between steps with the cell
 * off, a lost link being got back, an abort on its way, and how the run ended.
 */
public enum RunState {
    IDLE,
    /** A step is measuring (or the scheduler is between two steps). */
    RUNNING,
    /** Waiting after a step at the operator's request, with the cell off. */
    PAUSED,
    /** At a hold: waiting for the operator (or the hold's timeout), the cell off or at open circuit. */
    WAITING_FOR_OPERATOR,
    /** The link was lost mid-step; the scheduler is trying to get the same instrument back. */
    RECONNECTING,
    /** An abort was asked for: the step is being stopped and the cell switched off. */
    ABORTING,
    COMPLETED, ABORTED, FAILED, INTERRUPTED;

    private static final Map<RunState, Set<RunState>> ALLOWED = Map.of(
            IDLE, EnumSet.of(RUNNING, FAILED, ABORTED),
            RUNNING, EnumSet.of(PAUSED, WAITING_FOR_OPERATOR, RECONNECTING, ABORTING, COMPLETED, FAILED, INTERRUPTED),
            PAUSED, EnumSet.of(RUNNING, ABORTING, FAILED),
            WAITING_FOR_OPERATOR, EnumSet.of(RUNNING, ABORTING, FAILED),
            RECONNECTING, EnumSet.of(RUNNING, ABORTING, FAILED, INTERRUPTED),
            // a link given up while aborting (or a failure) still ends the run as such
            ABORTING, EnumSet.of(ABORTED, FAILED, INTERRUPTED),
            COMPLETED, EnumSet.noneOf(RunState.class),
            ABORTED, EnumSet.noneOf(RunState.class),
            FAILED, EnumSet.noneOf(RunState.class),
            INTERRUPTED, EnumSet.noneOf(RunState.class));

    public boolean canBecome(RunState next) {
        return ALLOWED.get(this).contains(next);
    }

    public boolean isFinal() {
        return ALLOWED.get(this).isEmpty();
    }

    /** A run in progress that an abort request moves to {@link #ABORTING} at once. */
    boolean abortable() {
        return this == RUNNING || this == PAUSED || this == WAITING_FOR_OPERATOR || this == RECONNECTING;
    }
}
