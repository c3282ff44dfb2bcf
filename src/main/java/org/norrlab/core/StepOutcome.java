package org.norrlab.core;

import java.util.Arrays;
import java.util.Locale;

/**
 * How a step ended, as stored in the {@code outcome} column of its row (the lower-case name). A step
 * still running, or cut off without an end, has no outcome.
 */
public enum StepOutcome {
    COMPLETED,
    ABORTED,
    FAILED,
    LINK_LOST,
    /** The instrument ended the step as completed before all its planned samples were in. */
    ENDED_EARLY;

    /** The name in the store, e.g. {@code ended_early}. */
    public String dbName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** For messages: {@code ended early}. */
    public String words() {
        return dbName().replace('_', ' ');
    }

    public static StepOutcome fromDb(String name) {
        for (StepOutcome outcome : values()) {
            if (outcome.dbName().equals(name)) {
                return outcome;
            }
        }
        throw new IllegalArgumentException("'" + name + "' is not a step outcome; known: "
                + String.join(", ", Arrays.stream(values()).map(StepOutcome::dbName).toList()));
    }
}
