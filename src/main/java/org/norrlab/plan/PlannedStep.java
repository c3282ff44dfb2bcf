package org.norrlab.plan;

import org.norrlab.config.Location;
import org.norrlab.core.CurrentRangeChoice;
import org.norrlab.config.Potential;

import java.time.Duration;
import java.util.function.Function;

/** One step the scheduler will run, with everything resolved. Indices count from 1, as operators do. */
public sealed interface PlannedStep permits PlannedStep.OpenCircuit, PlannedStep.Chronoamperometry {

    int index();

    String label();

    Duration interval();

    Duration duration();

    /** The protocol line this step was written on. */
    Location source();

    default long plannedSamples() {
        return duration().toNanos() / interval().toNanos();
    }

    /**
     * The one dispatch on the step's kind: each caller says what to do for every kind, so that a new kind
     * of step does not compile until every place that treats steps differently by kind handles it.
     */
    <R> R match(Function<OpenCircuit, R> openCircuit, Function<Chronoamperometry, R> chronoamperometry);

    default String kind() {
        return match(ocp -> "ocp", ca -> "ca");
    }

    /** Rest at open circuit and record the potential: the cell is off. */
    record OpenCircuit(int index, String label, Duration interval, Duration duration, Location source)
            implements PlannedStep {
        @Override
        public <R> R match(Function<OpenCircuit, R> openCircuit, Function<Chronoamperometry, R> chronoamperometry) {
            return openCircuit.apply(this);
        }
    }

    /**
     * Hold the working electrode at a potential and record the current.
     *
     * @param asWritten the potential as the protocol gave it
     * @param voltsVsRhe the set point on the RHE scale
     * @param voltsVsReference the set point the instrument applies, vs the physical reference electrode
     */
    record Chronoamperometry(int index, String label, Potential asWritten, double voltsVsRhe, double voltsVsReference,
                             Duration interval, Duration duration, CurrentRangeChoice currentRange, Location source)
            implements PlannedStep {
        @Override
        public <R> R match(Function<OpenCircuit, R> openCircuit, Function<Chronoamperometry, R> chronoamperometry) {
            return chronoamperometry.apply(this);
        }
    }
}
