package org.norrlab.cli;

import org.norrlab.core.ImpedancePoint;
import org.norrlab.core.StepOutcome;
import org.norrlab.plan.PlannedStep;
import org.norrlab.store.StoredStep;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The lines {@code run} prints after its step table for each EIS step: how many impedance points the store holds for
 * it, against the frequencies it planned. An EIS step has points and no samples, so the table's sample count (0) says
 * nothing about it; the count here is the store's, read back, not what the driver said it sent.
 */
final class SpectrumCounts {
    private SpectrumCounts() {
    }

    /** One line per EIS step of {@code steps} ({@code spectra}: the store's points by step index); none without EIS. */
    static List<String> lines(List<StoredStep> steps, Map<Integer, List<ImpedancePoint>> spectra) {
        List<String> lines = new ArrayList<>();
        for (StoredStep step : steps) {
            if (!step.kind().equals("eis")) {
                continue;
            }
            List<ImpedancePoint> points = spectra.getOrDefault(step.index(), List.of());
            long without = points.stream().filter(p -> !p.hasImpedance()).count();
            int planned = step.settings().frequencyCount();
            lines.add(String.format(Locale.ROOT, "Impedance: step %d (%s) stored %d of %d planned points%s%s; %s.",
                    step.index(), step.label(), points.size(), planned,
                    planned == 0 ? "" : " (" + PlannedStep.frequencyText(step.settings().highestFrequencyHz()) + " → "
                            + PlannedStep.frequencyText(step.settings().lowestFrequencyHz()) + ")",
                    without == 0 ? "" : String.format(Locale.ROOT, ", %d of them without an impedance (the instrument"
                            + " sent NaN)", without),
                    step.outcome().map(StepOutcome::words).orElse("unfinished")));
        }
        return lines;
    }
}
