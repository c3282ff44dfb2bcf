package org.norrlab.importer;

import org.norrlab.config.Potential;
import org.norrlab.core.Gas;
import org.norrlab.core.StepSettings;

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
 * @param context         the repeat cycle, electrolyte batch and gas a norrlab export states; {@link Context#NONE}
 *                        for every other file
 * @param settings        what a sweep or CP step asked for (scan rate, potentials vs RHE, cycles; set current),
 *                        as far as the file states it; {@link StepSettings#NONE} for CA, OCP and files that say nothing
 */
public record StepFacts(String kind, String label, Optional<Potential> setPotential, double intervalSeconds,
                        Context context, StepSettings settings) {
    /**
     * Where a norrlab export says the step sat in its protocol (the store's StepContext, in the importer's terms):
     * cycle and cycles of a repeat block (0 outside one), the block's label, the electrolyte batch (0 unknown), the
     * gas in the electrolyte (empty where nobody stated it).
     */
    public record Context(String block, int cycle, int cycles, int batch, Optional<Gas> gas) {
        public static final Context NONE = new Context("", 0, 0, 0, Optional.empty());

        public Context(String block, int cycle, int cycles, int batch) {
            this(block, cycle, cycles, batch, Optional.empty());
        }

        public Context {
            block = block == null ? "" : block;
            gas = gas == null ? Optional.empty() : gas;
        }

        public Context withGas(Optional<Gas> newGas) {
            return new Context(block, cycle, cycles, batch, newGas);
        }
    }

    public StepFacts {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(setPotential, "setPotential");
        Objects.requireNonNull(context, "context");
        settings = settings == null ? StepSettings.NONE : settings;
    }

    /** A step without sweep or constant-current settings. */
    public StepFacts(String kind, String label, Optional<Potential> setPotential, double intervalSeconds, Context context) {
        this(kind, label, setPotential, intervalSeconds, context, StepSettings.NONE);
    }

    /** A step of a file that says nothing of cycles or batches (every vendor file). */
    public StepFacts(String kind, String label, Optional<Potential> setPotential, double intervalSeconds) {
        this(kind, label, setPotential, intervalSeconds, Context.NONE, StepSettings.NONE);
    }

    public StepFacts withSetPotential(Optional<Potential> potential) {
        return new StepFacts(kind, label, potential, intervalSeconds, context, settings);
    }

    public StepFacts withKind(String newKind) {
        return new StepFacts(newKind, label, setPotential, intervalSeconds, context, settings);
    }

    public StepFacts withInterval(double seconds) {
        return new StepFacts(kind, label, setPotential, seconds, context, settings);
    }

    public StepFacts withSettings(StepSettings newSettings) {
        return new StepFacts(kind, label, setPotential, intervalSeconds, context, newSettings);
    }
}
