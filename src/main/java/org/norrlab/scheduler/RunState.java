package org.norrlab.scheduler;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/** The states of a run and the changes allowed between them. */
public enum RunState {
    IDLE, RUNNING, ABORTING, COMPLETED, ABORTED, FAILED, INTERRUPTED;

    private static final Map<RunState, Set<RunState>> ALLOWED = Map.of(
            IDLE, EnumSet.of(RUNNING, FAILED, ABORTED),
            RUNNING, EnumSet.of(ABORTING, COMPLETED, FAILED, INTERRUPTED),
            ABORTING, EnumSet.of(ABORTED, FAILED),
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
}
