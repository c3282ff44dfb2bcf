package org.norrlab.importer;

import org.norrlab.config.Potential;

import java.util.Objects;
import java.util.Optional;

/**
 * A step as its file describes it, before its samples.
 *
 * @param kind            ca, ocp, cv, lsv, cp, other
 * @param label           what the file calls it ("CURVE2", "Amperometric i-t Curve", "pulse 3")
 * @param setPotential    the potential the instrument held (a CA step), on the scale the file or the operator gave;
 *                        empty when the file does not say (never a default such as 0 V)
 * @param intervalSeconds the sample interval the file states; NaN to take it from the samples
 */
public record StepFacts(String kind, String label, Optional<Potential> setPotential, double intervalSeconds) {
    public StepFacts {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(setPotential, "setPotential");
    }

    public StepFacts withSetPotential(Optional<Potential> potential) {
        return new StepFacts(kind, label, potential, intervalSeconds);
    }

    public StepFacts withKind(String newKind) {
        return new StepFacts(newKind, label, setPotential, intervalSeconds);
    }
}
