package org.norrlab.store;

import org.norrlab.core.StepOutcome;
import org.norrlab.plan.StepContext;

import java.time.Instant;
import java.util.Optional;

/**
 * A step as recorded. Potentials are NaN for open-circuit steps; the fields after
 * {@code sessionOffsetSeconds} are empty or NaN while the step runs or when the run was cut off.
 *
 * @param context its repeat cycle and electrolyte batch ({@link StepContext#NONE} for steps stored before schema 11
 *                and for imports, where neither is known)
 */
public record StoredStep(int index, String kind, String label, double voltsVsRhe, double voltsVsReference,
                         double intervalSeconds, double plannedDurationSeconds, String currentRange, String source,
                         Instant started, double sessionOffsetSeconds, Optional<Instant> ended, double durationSeconds,
                         long sampleCount, Optional<StepOutcome> outcome, double lagMillis, StepContext context) {
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
