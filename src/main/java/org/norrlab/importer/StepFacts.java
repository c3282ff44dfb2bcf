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
 * @param context         the repeat cycle and electrolyte batch a norrlab export states; {@link Context#NONE} for
 *                        every other file
 * @param sweep           what the file states of an LSV or CV (scan rate, potentials, cycles); {@link StatedSweep#NONE}
 *                        for other kinds and for files that state nothing of it
 */
public record StepFacts(String kind, String label, Optional<Potential> setPotential, double intervalSeconds,
                        Context context, StatedSweep sweep) {
    /**
     * Where a norrlab export says the step sat in its protocol (the store's StepContext, in the importer's terms):
     * cycle and cycles of a repeat block (0 outside one), the block's label, the electrolyte batch (0 unknown).
     */
    public record Context(String block, int cycle, int cycles, int batch) {
        public static final Context NONE = new Context("", 0, 0, 0);

        public Context {
            block = block == null ? "" : block;
        }
    }

    public StepFacts {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(setPotential, "setPotential");
        Objects.requireNonNull(context, "context");
        Objects.requireNonNull(sweep, "sweep");
    }

    /** A step without sweep facts. */
    public StepFacts(String kind, String label, Optional<Potential> setPotential, double intervalSeconds,
                     Context context) {
        this(kind, label, setPotential, intervalSeconds, context, StatedSweep.NONE);
    }

    /** A sweep step (LSV, CV) with what its file states of it. */
    public StepFacts(String kind, String label, double intervalSeconds, StatedSweep sweep) {
        this(kind, label, Optional.empty(), intervalSeconds, Context.NONE, sweep);
    }

    /** Whether the step is a potential sweep (LSV or CV), whose samples carry cycle and segment. */
    public boolean isSweep() {
        return kind.equals("lsv") || kind.equals("cv");
    }

    public StepFacts withSweep(StatedSweep stated) {
        return new StepFacts(kind, label, setPotential, intervalSeconds, context, stated);
    }

    /** A step of a file that says nothing of cycles or batches (every vendor file). */
    public StepFacts(String kind, String label, Optional<Potential> setPotential, double intervalSeconds) {
        this(kind, label, setPotential, intervalSeconds, Context.NONE);
    }

    public StepFacts withSetPotential(Optional<Potential> potential) {
        return new StepFacts(kind, label, potential, intervalSeconds, context, sweep);
    }

    public StepFacts withKind(String newKind) {
        return new StepFacts(newKind, label, setPotential, intervalSeconds, context, sweep);
    }

    public StepFacts withInterval(double seconds) {
        return new StepFacts(kind, label, setPotential, seconds, context, sweep);
    }
}
