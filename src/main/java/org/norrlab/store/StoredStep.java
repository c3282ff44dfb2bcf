package org.norrlab.store;

import org.norrlab.core.Technique;
import org.norrlab.core.Gas;
import org.norrlab.core.StepOutcome;
import org.norrlab.core.StepSettings;
import org.norrlab.plan.StepContext;

import java.time.Instant;
import java.util.Optional;

/**
 * A step as recorded. Potentials are NaN for open-circuit steps; the fields after
 * {@code sessionOffsetSeconds} are empty or NaN while the step runs or when the run was cut off.
 *
 * @param context its repeat cycle and electrolyte batch ({@link StepContext#NONE} for steps stored before schema 11
 *                and for imports, where neither is known); also the gas in the electrolyte, where known
 * @param settings what a sweep (scan rate, potentials, cycles) or a CP step (set current, limits) asked for;
 *                 {@link StepSettings#NONE} for CA, OCP and holds and for steps stored before schema 13. For a sweep
 *                 {@code voltsVsRhe} / {@code voltsVsReference} hold its start (CV: begin) potential, so that
 *                 their difference converts the samples' potentials to the RHE scale as for CA
 */
public record StoredStep(int index, String kind, String label, double voltsVsRhe, double voltsVsReference,
                         double intervalSeconds, double plannedDurationSeconds, String currentRange, String source,
                         Instant started, double sessionOffsetSeconds, Optional<Instant> ended, double durationSeconds,
                         long sampleCount, Optional<StepOutcome> outcome, double lagMillis, StepContext context,
                         StepSettings settings) {

    /** A step without sweep or constant-current settings. */
    public StoredStep(int index, String kind, String label, double voltsVsRhe, double voltsVsReference,
                      double intervalSeconds, double plannedDurationSeconds, String currentRange, String source,
                      Instant started, double sessionOffsetSeconds, Optional<Instant> ended, double durationSeconds,
                      long sampleCount, Optional<StepOutcome> outcome, double lagMillis, StepContext context) {
        this(index, kind, label, voltsVsRhe, voltsVsReference, intervalSeconds, plannedDurationSeconds, currentRange,
                source, started, sessionOffsetSeconds, ended, durationSeconds, sampleCount, outcome, lagMillis, context,
                StepSettings.NONE);
    }

    public StoredStep {
        settings = settings == null ? StepSettings.NONE : settings;
    }

    /** Whether the step swept the potential (LSV, CV): its samples carry cycle and segment. */
    public boolean isSweep() {
        return Technique.isSweep(kind);
    }

    /** The gas the electrolyte was saturated with, where the protocol or the import said. */
    public Optional<Gas> gas() {
        return context.gas();
    }
    // The context's parts for the packages that read stored steps but may not depend on plan (report: analysis,
    // export, figures).

    /** Whether the step ran in a cycle of a repeat block. */
    public boolean inRepeat() {
        return context.inRepeat();
    }

    /** The cycle of its repeat block, from 1; 0 outside one. */
    public int cycle() {
        return context.cycle();
    }

    /** How many cycles its repeat block has; 0 outside one. */
    public int cycles() {
        return context.cycles();
    }

    /** The repeat block's label; empty outside one. */
    public String block() {
        return context.block();
    }

    /** The electrolyte batch it ran in, from 1; 0 where unknown. */
    public int batch() {
        return context.batch();
    }
}
