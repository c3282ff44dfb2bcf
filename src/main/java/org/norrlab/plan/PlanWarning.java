package org.norrlab.plan;

import java.util.Objects;

/**
 * A plausible mistake in a protocol that does not make it unrunnable: printed by {@code plan} and before a
 * run starts, stored with the session as a {@link org.norrlab.core.EventKind#WARNING} event, and refused
 * under {@code --strict}. The rules that find them are in {@link PlanWarnings}.
 *
 * @param message what looks wrong, where (step, file:line:column) and what to do; one paragraph
 */
public record PlanWarning(String message) {
    public PlanWarning {
        Objects.requireNonNull(message, "message");
    }

    @Override
    public String toString() {
        return message;
    }
}
