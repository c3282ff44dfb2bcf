package org.norrlab.importer;

import org.norrlab.core.Technique;
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
 * @param settings        what a sweep or CP step asked for, as a norrlab export states it (scan rate, potentials vs
 *                        RHE, cycles; set current); {@link StepSettings#NONE} for vendor files, which state {@code sweep}
 * @param sweep           what a vendor file states of an LSV or CV (scan rate, potentials, cycles); {@link StatedSweep#NONE}
 *                        for other kinds and for files that state nothing of it; resolved for a norrlab export
 * @param statedVsRhe     the set potential vs RHE a norrlab export states beside {@code setPotential} vs RE, as written;
 *                        NaN for every other file. The import keeps it where its cell turns it into exactly the stated
 *                        vs RE value (the cell it was run with), rather than a sum equal only to the last digit.
 */
public record StepFacts(String kind, String label, Optional<Potential> setPotential, double intervalSeconds,
                        Context context, StepSettings settings, StatedSweep sweep, double statedVsRhe) {
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

    public StepFacts(String kind, String label, Optional<Potential> setPotential, double intervalSeconds,
                     Context context, StepSettings settings, StatedSweep sweep) {
        this(kind, label, setPotential, intervalSeconds, context, settings, sweep, Double.NaN);
    }

    public StepFacts {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(setPotential, "setPotential");
        Objects.requireNonNull(context, "context");
        settings = settings == null ? StepSettings.NONE : settings;
        Objects.requireNonNull(sweep, "sweep");
    }

    /**
     * A step of a norrlab export, with the settings the export states: its samples carry their cycle and segment
     * already, so the sweep rules of vendor files leave it as it is.
     */
    public StepFacts(String kind, String label, Optional<Potential> setPotential, double intervalSeconds, Context context,
                     StepSettings settings) {
        this(kind, label, setPotential, intervalSeconds, context, settings,
                settings.equals(StepSettings.NONE) ? StatedSweep.NONE : StatedSweep.NONE.asResolved());
    }

    /** A step of a vendor file with what it states of its sweep. */
    public StepFacts(String kind, String label, Optional<Potential> setPotential, double intervalSeconds,
                     Context context, StatedSweep sweep) {
        this(kind, label, setPotential, intervalSeconds, context, StepSettings.NONE, sweep);
    }

    /** A step without sweep facts. */
    public StepFacts(String kind, String label, Optional<Potential> setPotential, double intervalSeconds,
                     Context context) {
        this(kind, label, setPotential, intervalSeconds, context, StepSettings.NONE, StatedSweep.NONE);
    }

    /** A sweep step (LSV, CV) with what its file states of it. */
    public StepFacts(String kind, String label, double intervalSeconds, StatedSweep sweep) {
        this(kind, label, Optional.empty(), intervalSeconds, Context.NONE, StepSettings.NONE, sweep);
    }

    /** Whether the step is a potential sweep (LSV or CV), whose samples carry cycle and segment. */
    public boolean isSweep() {
        return Technique.isSweep(kind);
    }

    public StepFacts withSweep(StatedSweep stated) {
        return new StepFacts(kind, label, setPotential, intervalSeconds, context, settings, stated, statedVsRhe);
    }

    /** A step of a file that says nothing of cycles or batches (every vendor file). */
    public StepFacts(String kind, String label, Optional<Potential> setPotential, double intervalSeconds) {
        this(kind, label, setPotential, intervalSeconds, Context.NONE, StepSettings.NONE);
    }

    public StepFacts withSetPotential(Optional<Potential> potential) {
        return new StepFacts(kind, label, potential, intervalSeconds, context, settings, sweep, statedVsRhe);
    }

    public StepFacts withKind(String newKind) {
        return new StepFacts(newKind, label, setPotential, intervalSeconds, context, settings, sweep, statedVsRhe);
    }

    public StepFacts withInterval(double seconds) {
        return new StepFacts(kind, label, setPotential, seconds, context, settings, sweep, statedVsRhe);
    }

    public StepFacts withSettings(StepSettings newSettings) {
        return new StepFacts(kind, label, setPotential, intervalSeconds, context, newSettings,
                newSettings.equals(StepSettings.NONE) ? sweep : sweep.asResolved(), statedVsRhe);
    }

    /** The same step with the set potential vs RHE its norrlab export states too (NaN: none). */
    public StepFacts withStatedVsRhe(double volts) {
        return new StepFacts(kind, label, setPotential, intervalSeconds, context, settings, sweep, volts);
    }
}
