package org.norrlab.run;

import org.norrlab.config.Location;
import org.norrlab.config.Potential;
import org.norrlab.core.CurrentRangeChoice;
import org.norrlab.core.StepSettings;
import org.norrlab.electrochem.RheScale;
import org.norrlab.plan.PlannedPotential;
import org.norrlab.plan.PlannedStep;
import org.norrlab.plan.StepContext;
import org.norrlab.store.StoredStep;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * A stored LSV, CV or CP step planned again from what the store kept with it (schema 13: its settings and gas), for a
 * replay of its recorded samples: the replayed session then stores the same kind, settings and gas. Potentials come
 * back vs RHE exactly as stored; vs the reference electrode they take the step's own RE → RHE offset (its stored
 * start potential on both scales), or the cell's where the step stored none (CP).
 */
final class SettingsReplan {
    private SettingsReplan() {
    }

    /** What the store lacks to plan {@code step} again (a sweep imported without its scan rate), or empty. */
    static Optional<String> missing(StoredStep step) {
        StepSettings s = step.settings();
        return switch (step.kind()) {
            case "lsv" -> !s.hasScanRate() || Double.isNaN(s.stepVolts()) || Double.isNaN(s.startVsRhe())
                    || Double.isNaN(s.endVsRhe()) ? Optional.of("its scan rate, step and potentials") : Optional.empty();
            case "cv" -> !s.hasScanRate() || Double.isNaN(s.stepVolts()) || Double.isNaN(s.startVsRhe())
                    || Double.isNaN(s.vertex1VsRhe()) || Double.isNaN(s.vertex2VsRhe()) || s.cycles() == 0
                    ? Optional.of("its scan rate, step, potentials and cycles") : Optional.empty();
            case "cp" -> Double.isNaN(s.setCurrentAmperes()) ? Optional.of("its set current") : Optional.empty();
            default -> Optional.of("settings norrlab can replay");
        };
    }

    /** Only the step's gas: where the step sat in its protocol is not part of a replay of recorded samples. */
    static StepContext gasOnly(StoredStep step) {
        return StepContext.NONE.withGas(step.gas());
    }

    /** The step planned again; {@link #missing} must be empty. Interval and duration are the recording's. */
    static PlannedStep step(StoredStep step, int index, Duration interval, Duration duration, Location where,
                            RheScale cell) {
        StepSettings s = step.settings();
        double stepOffset = step.voltsVsRhe() - step.voltsVsReference();
        double offset = Double.isNaN(stepOffset) ? cell.offsetVolts() : stepOffset;
        StepContext context = gasOnly(step);
        return switch (step.kind()) {
            case "lsv" -> new PlannedStep.LinearSweep(index, step.label(), start(step, s, offset), at(s.endVsRhe(), offset),
                    s.stepVolts(), s.scanRateVoltsPerSecond(), CurrentRangeChoice.AUTO, where, context);
            case "cv" -> new PlannedStep.CyclicVoltammetry(index, step.label(), start(step, s, offset), at(s.vertex1VsRhe(), offset),
                    at(s.vertex2VsRhe(), offset), s.cycles(), s.stepVolts(), s.scanRateVoltsPerSecond(),
                    CurrentRangeChoice.AUTO, where, context);
            case "cp" -> new PlannedStep.Chronopotentiometry(index, step.label(),
                    String.format(Locale.ROOT, "%s A", s.setCurrentAmperes()), s.setCurrentAmperes(), interval, duration,
                    limit(s.lowerLimitVsRhe(), offset), limit(s.upperLimitVsRhe(), offset), CurrentRangeChoice.AUTO, where,
                    context);
            default -> throw new IllegalArgumentException("a " + step.kind() + " step is not planned from its settings");
        };
    }

    /** The sweep's start vs RHE as its settings hold it; vs RE as stored with the step, where it was. */
    private static PlannedPotential start(StoredStep step, StepSettings s, double offset) {
        if (Double.isNaN(step.voltsVsReference())) {
            return at(s.startVsRhe(), offset);
        }
        return new PlannedPotential(new Potential(s.startVsRhe(), Potential.Scale.RHE), s.startVsRhe(),
                step.voltsVsReference());
    }

    private static PlannedPotential at(double voltsVsRhe, double offset) {
        return new PlannedPotential(new Potential(voltsVsRhe, Potential.Scale.RHE), voltsVsRhe, voltsVsRhe - offset);
    }

    private static Optional<PlannedPotential> limit(double voltsVsRhe, double offset) {
        return Double.isNaN(voltsVsRhe) ? Optional.empty() : Optional.of(at(voltsVsRhe, offset));
    }
}
