package org.norrlab.plan;

import org.norrlab.electrochem.CellSettings;
import org.norrlab.safety.SafetyEnvelope;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * A protocol ready to run.
 *
 * @param protocolText the file exactly as written, stored with the session
 * @param safety       the protocol's safety block over the site's
 * @param warnings     plausible mistakes found while reading it ({@link PlanWarnings}); they do not stop a run
 *                     unless the operator asks ({@code --strict})
 */
public record Plan(String name, String description, Path file, String protocolText, CellSettings cell,
                   List<PlannedStep> steps, SafetyEnvelope safety, OnInterruption onInterruption,
                   List<PlanWarning> warnings) {

    /** What {@code norrlab resume} does with the step a crash or a lost link interrupted. */
    public enum OnInterruption { RESTART, CONTINUE, SKIP }

    public Plan(String name, String description, Path file, String protocolText, CellSettings cell, List<PlannedStep> steps) {
        this(name, description, file, protocolText, cell, steps, SafetyEnvelope.NONE, OnInterruption.CONTINUE);
    }

    public Plan(String name, String description, Path file, String protocolText, CellSettings cell, List<PlannedStep> steps,
                SafetyEnvelope safety, OnInterruption onInterruption) {
        this(name, description, file, protocolText, cell, steps, safety, onInterruption, List.of());
    }

    public Plan {
        steps = List.copyOf(steps);
        warnings = List.copyOf(warnings);
        if (steps.isEmpty()) {
            throw new IllegalArgumentException("a plan needs at least one step");
        }
    }

    public Duration totalDuration() {
        return steps.stream().map(PlannedStep::duration).reduce(Duration.ZERO, Duration::plus);
    }

    public long totalPlannedSamples() {
        return steps.stream().mapToLong(PlannedStep::plannedSamples).sum();
    }
}
