package org.norrlab.driver;

import org.norrlab.core.BadInputException;

/**
 * A catalyst preset the run asked for (not the profile's default) that the simulator does not have. The driver does
 * not know where the name was written, so whoever passed it on names that place (the --catalyst option, a lab file's
 * line) with {@link #problem()}; the profile's own default_catalyst is reported with its file's line instead.
 */
public final class UnknownPresetException extends BadInputException {
    private final String problem;

    public UnknownPresetException(String problem) {
        super(problem);
        this.problem = problem;
    }

    /** What is wrong and what is allowed, without a place: "'nimc' is not a preset in catalysts.yaml; known: …". */
    public String problem() {
        return problem;
    }
}
