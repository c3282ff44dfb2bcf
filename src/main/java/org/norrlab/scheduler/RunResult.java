package org.norrlab.scheduler;

import java.util.List;

/**
 * How a run ended.
 *
 * @param lagMillis wall time between the end of one step and the start of the next, per step boundary
 * @param cellOffConfirmed whether the instrument accepted the final abort and cell-off (false when
 *                         the link was gone, so the operator must check the cell by hand)
 * @param endedByProtocol  an ABORTED run that the protocol's own rule stopped (a hold's on_timeout: abort), not a
 *                         person or a signal: it did not complete, but nobody interrupted it
 */
public record RunResult(RunState state, String reason, int stepsCompleted, List<Double> lagMillis,
                        boolean cellOffConfirmed, boolean endedByProtocol) {
    public RunResult {
        lagMillis = List.copyOf(lagMillis);
        if (!state.isFinal()) {
            throw new IllegalArgumentException("a run result needs a final state, not " + state);
        }
    }

    /** A run the protocol's rules did not stop. */
    public RunResult(RunState state, String reason, int stepsCompleted, List<Double> lagMillis, boolean cellOffConfirmed) {
        this(state, reason, stepsCompleted, lagMillis, cellOffConfirmed, false);
    }
}
