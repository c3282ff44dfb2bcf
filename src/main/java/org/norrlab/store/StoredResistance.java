package org.norrlab.store;

import org.norrlab.core.UncompensatedResistance;

import java.util.Objects;

/**
 * A row of a session's R_u history (schema 14's {@code resistances} table): the resistance and the uid that names the
 * row in every store it is exported, imported or synced to, so that each journey carries it once.
 */
public record StoredResistance(String uid, UncompensatedResistance resistance) {
    public StoredResistance {
        Objects.requireNonNull(uid, "uid");
        Objects.requireNonNull(resistance, "resistance");
    }
}
