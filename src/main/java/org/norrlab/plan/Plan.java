package org.norrlab.plan;

import org.norrlab.electrochem.CellSettings;
import org.norrlab.safety.SafetyEnvelope;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A protocol ready to run.
 *
 * @param protocolText the file exactly as written, stored with the session
 * @param safety       the protocol's safety block over the site's
 * @param warnings     plausible mistakes found while reading it ({@link PlanWarnings}); they do not stop a run
 *                     unless the operator asks ({@code --strict})
 * @param electrolyte  what happens to the catholyte: refreshed for every CA step or accumulating, and the aliquots
 * @param unattended   the protocol says it runs with nobody at the bench: its holds follow their {@code on_timeout}
 *                     at once (the command line's {@code --unattended} says the same for one run)
 * @param notes        what the reader of the protocol should know that is not a mistake (an old name read under
 *                     its new one); printed by {@code plan} and before a run, never refused
 */
public record Plan(String name, String description, Path file, String protocolText, CellSettings cell,
                   List<PlannedStep> steps, SafetyEnvelope safety, OnInterruption onInterruption,
                   List<PlanWarning> warnings, Electrolyte electrolyte, boolean unattended, List<String> notes) {

    /** What {@code norrlab resume} does with the step a crash or a lost link interrupted. */
    public enum OnInterruption { RESTART, CONTINUE, SKIP }

    public Plan(String name, String description, Path file, String protocolText, CellSettings cell, List<PlannedStep> steps) {
        this(name, description, file, protocolText, cell, steps, SafetyEnvelope.NONE, OnInterruption.CONTINUE);
    }

    public Plan(String name, String description, Path file, String protocolText, CellSettings cell, List<PlannedStep> steps,
                SafetyEnvelope safety, OnInterruption onInterruption) {
        this(name, description, file, protocolText, cell, steps, safety, onInterruption, List.of());
    }

    public Plan(String name, String description, Path file, String protocolText, CellSettings cell, List<PlannedStep> steps,
                SafetyEnvelope safety, OnInterruption onInterruption, List<PlanWarning> warnings) {
        this(name, description, file, protocolText, cell, steps, safety, onInterruption, warnings, Electrolyte.REFRESH,
                false);
    }

    public Plan(String name, String description, Path file, String protocolText, CellSettings cell, List<PlannedStep> steps,
                SafetyEnvelope safety, OnInterruption onInterruption, List<PlanWarning> warnings, Electrolyte electrolyte,
                boolean unattended) {
        this(name, description, file, protocolText, cell, steps, safety, onInterruption, warnings, electrolyte, unattended,
                List.of());
    }

    public Plan {
        steps = List.copyOf(steps);
        warnings = List.copyOf(warnings);
        notes = List.copyOf(notes);
        if (steps.isEmpty()) {
            throw new IllegalArgumentException("a plan needs at least one step");
        }
    }

    /** The same plan with warnings found outside the protocol added (the PC it runs on: disk space, sleep). */
    public Plan withWarnings(List<PlanWarning> more) {
        List<PlanWarning> all = new ArrayList<>(warnings);
        all.addAll(more);
        return new Plan(name, description, file, protocolText, cell, steps, safety, onInterruption, all, electrolyte,
                unattended, notes);
    }

    /** The operator holds, in order. */
    public List<PlannedStep.Hold> holds() {
        return steps.stream().flatMap(s -> s.asHold().stream()).toList();
    }

    /** The longest the run takes: holds count with their timeout (a hold without one counts as zero). */
    public Duration totalDuration() {
        return steps.stream().map(PlannedStep::duration).reduce(Duration.ZERO, Duration::plus);
    }

    public long totalPlannedSamples() {
        return steps.stream().mapToLong(PlannedStep::plannedSamples).sum();
    }
}
