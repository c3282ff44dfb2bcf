package org.norrlab.report;

import org.norrlab.analysis.Charge;
import org.norrlab.analysis.FaradaicAnalysis;
import org.norrlab.analysis.Plausibility;
import org.norrlab.store.StoredStep;

import java.util.List;

/**
 * The analysis of one CA step: its charge over exactly its window, and FE/yield where assays exist.
 *
 * @param largestGapSeconds the longest stretch without samples beyond twice the interval (0 when none)
 * @param notes             what the operator must know: gaps, blank current used, steps without assays
 * @param flags             implausible results ({@link Plausibility}): a {@code *} beside the values they mark, and a note
 */
public record StepAnalysis(StoredStep step, long samples, double durationSeconds, Charge charge, double largestGapSeconds,
                           FaradaicAnalysis.Outcome outcome, List<String> notes,
                           List<Plausibility.Flag> flags) {
    public StepAnalysis {
        notes = List.copyOf(notes);
        flags = List.copyOf(flags);
    }

    /** Whether a flag puts a {@code *} beside this value of the step's row. */
    public boolean marked(Plausibility.Marked value) {
        return Plausibility.marks(flags, value);
    }

    public boolean hasGap() {
        return largestGapSeconds > 0;
    }
}
