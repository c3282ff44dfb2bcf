package org.norrlab.run;

import org.norrlab.config.Location;
import org.norrlab.config.Potential;
import org.norrlab.core.CurrentRangeChoice;
import org.norrlab.core.StepSettings;
import org.norrlab.plan.PlannedPotential;
import org.norrlab.plan.PlannedStep;
import org.norrlab.plan.StepContext;
import org.norrlab.store.StoredStep;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A stored LSV, CV, CP or EIS step planned again from what the store kept with it (schema 13: its settings and gas), for a
 * replay of its recorded samples: the replayed session then stores the same kind, settings and gas. Potentials come
 * back vs RHE exactly as stored; vs the reference electrode they take the step's own RE → RHE offset (its stored
 * start potential on both scales), or the cell's where the step stored none (CP).
 */
final class SettingsReplan {
    private SettingsReplan() {
    }

    /**
     * What the store lacks to plan {@code step} again, e.g. "scan rate, step" of a sweep imported from a file that
     * stated neither (a scan rate is never assumed); empty when nothing is missing.
     */
    static Optional<String> missing(StoredStep step) {
        StepSettings s = step.settings();
        Map<String, Boolean> needed = new LinkedHashMap<>();
        switch (step.kind()) {
            case "lsv" -> {
                needed.put("scan rate", s.hasScanRate());
                needed.put("step", !Double.isNaN(s.stepVolts()));
                needed.put("start", !Double.isNaN(s.startVsRhe()));
                needed.put("end", !Double.isNaN(s.endVsRhe()));
            }
            case "cv" -> {
                needed.put("scan rate", s.hasScanRate());
                needed.put("step", !Double.isNaN(s.stepVolts()));
                needed.put("begin", !Double.isNaN(s.startVsRhe()));
                needed.put("vertex 1", !Double.isNaN(s.vertex1VsRhe()));
                needed.put("vertex 2", !Double.isNaN(s.vertex2VsRhe()));
                needed.put("cycles", s.cycles() > 0);
            }
            case "cp" -> needed.put("set current", !Double.isNaN(s.setCurrentAmperes()));
            case "eis" -> {
                needed.put("amplitude", !Double.isNaN(s.amplitudeVolts()));
                needed.put("DC potential (or DC at open circuit)", !Double.isNaN(step.voltsVsReference())
                        || s.dcAtOpenCircuit());
            }
            default -> needed.put("settings norrlab can replay", false);
        }
        List<String> missing = needed.entrySet().stream().filter(e -> !e.getValue()).map(Map.Entry::getKey).toList();
        return missing.isEmpty() ? Optional.empty() : Optional.of("a stored " + String.join(", ", missing));
    }

    /** Only the step's gas: where the step sat in its protocol is not part of a replay of recorded samples. */
    static StepContext gasOnly(StoredStep step) {
        return StepContext.NONE.withGas(step.gas());
    }

    /** The step planned again; {@link #missing} must be empty. Interval and duration are the recording's. */
    static PlannedStep step(StoredStep step, int index, Duration interval, Duration duration, Location where,
                            double cellOffsetVolts) {
        StepSettings s = step.settings();
        double stepOffset = step.voltsVsRhe() - step.voltsVsReference();
        double offset = Double.isNaN(stepOffset) ? cellOffsetVolts : stepOffset;
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

    /**
     * An EIS step planned again at the frequencies its recorded spectrum has (in the order measured), with its stored
     * DC potential on both scales, or at open circuit plus its stored offset; {@link #missing} must be empty.
     */
    static PlannedStep.Impedance impedance(StoredStep step, int index, List<Double> frequenciesHz, Location where) {
        StepSettings s = step.settings();
        Optional<PlannedPotential> dc = Double.isNaN(step.voltsVsReference()) ? Optional.empty()
                : Optional.of(new PlannedPotential(new Potential(step.voltsVsRhe(), Potential.Scale.RHE), step.voltsVsRhe(),
                step.voltsVsReference()));
        return new PlannedStep.Impedance(index, step.label(), dc, dc.isPresent() ? 0 : s.openCircuitOffsetVolts(),
                s.amplitudeVolts(), frequenciesHz, CurrentRangeChoice.AUTO, where, gasOnly(step));
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
