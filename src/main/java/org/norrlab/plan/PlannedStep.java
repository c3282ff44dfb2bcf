package org.norrlab.plan;

import org.norrlab.config.Location;
import org.norrlab.core.CurrentRangeChoice;
import org.norrlab.config.Potential;

import java.time.Duration;

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

    default String kind() {
        return this instanceof OpenCircuit ? "ocp" : "ca";
    }

    /** Rest at open circuit and record the potential: the cell is off. */
    record OpenCircuit(int index, String label, Duration interval, Duration duration, Location source)
            implements PlannedStep {
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
    }
}
