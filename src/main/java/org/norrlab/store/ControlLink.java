package org.norrlab.store;

import java.util.Optional;

/**
 * A control run for a session: the products found in the control are subtracted before FE and
 * yield. An empty step means every step of the session; an empty control step means the control's
 * step of the same index.
 */
public record ControlLink(long sessionId, Optional<Integer> stepIndex, long controlSessionId,
                          Optional<Integer> controlStepIndex, String note) {
    /** The control's step for one step of the session, or empty when this link does not cover it. */
    public Optional<Integer> controlStepFor(int step) {
        if (stepIndex.isPresent() && stepIndex.get() != step) {
            return Optional.empty();
        }
        return Optional.of(controlStepIndex.orElse(step));
    }
}
