package org.norrlab.plan;

import org.norrlab.config.Location;
import org.norrlab.core.CurrentRangeChoice;
import org.norrlab.config.Potential;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;

/** One step the scheduler will run, with everything resolved. Indices count from 1, as operators do. */
public sealed interface PlannedStep permits PlannedStep.OpenCircuit, PlannedStep.Chronoamperometry, PlannedStep.Hold {

    int index();

    String label();

    Duration interval();

    /** How long the step runs; for a hold, the longest it waits (its timeout), zero when it waits without limit. */
    Duration duration();

    /** The protocol line this step was written on. */
    Location source();

    /** Its repeat cycle and electrolyte batch. */
    StepContext context();

    /** The same step in another place of the plan (a repeat block's cycle, an electrolyte batch, a resumed run). */
    PlannedStep with(int newIndex, StepContext newContext);

    default long plannedSamples() {
        return duration().toNanos() / interval().toNanos();
    }

    /**
     * The one dispatch on the step's kind: each caller says what to do for every kind, so that a new kind
     * of step does not compile until every place that treats steps differently by kind handles it.
     */
    <R> R match(Function<OpenCircuit, R> openCircuit, Function<Chronoamperometry, R> chronoamperometry,
                Function<Hold, R> hold);

    default String kind() {
        return match(ocp -> "ocp", ca -> "ca", hold -> "hold");
    }

    /** Rest at open circuit and record the potential: the cell is off. */
    record OpenCircuit(int index, String label, Duration interval, Duration duration, Location source,
                       StepContext context) implements PlannedStep {
        public OpenCircuit(int index, String label, Duration interval, Duration duration, Location source) {
            this(index, label, interval, duration, source, StepContext.NONE);
        }

        @Override
        public PlannedStep with(int newIndex, StepContext newContext) {
            return new OpenCircuit(newIndex, label, interval, duration, source, newContext);
        }

        @Override
        public <R> R match(Function<OpenCircuit, R> openCircuit, Function<Chronoamperometry, R> chronoamperometry,
                           Function<Hold, R> hold) {
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
                             Duration interval, Duration duration, CurrentRangeChoice currentRange, Location source,
                             StepContext context) implements PlannedStep {
        public Chronoamperometry(int index, String label, Potential asWritten, double voltsVsRhe, double voltsVsReference,
                                 Duration interval, Duration duration, CurrentRangeChoice currentRange, Location source) {
            this(index, label, asWritten, voltsVsRhe, voltsVsReference, interval, duration, currentRange, source,
                    StepContext.NONE);
        }

        @Override
        public PlannedStep with(int newIndex, StepContext newContext) {
            return new Chronoamperometry(newIndex, label, asWritten, voltsVsRhe, voltsVsReference, interval, duration,
                    currentRange, source, newContext);
        }

        @Override
        public <R> R match(Function<OpenCircuit, R> openCircuit, Function<Chronoamperometry, R> chronoamperometry,
                           Function<Hold, R> hold) {
            return chronoamperometry.apply(this);
        }
    }

    /**
     * Wait for the operator (change the electrolyte, take an aliquot, switch the gas) with the cell in a
     * stated state. The scheduler runs it itself: the instrument only sees the cell switched off, or an
     * open-circuit measurement while {@code cell} is {@link HoldCell#OCP}.
     *
     * @param message       what the operator is asked to do, shown as written
     * @param interval      how often the potential is recorded while {@code cell} is OCP
     * @param timeout       the longest the run waits; empty: it waits without limit (refused when unattended)
     * @param onTimeout     what happens when the timeout runs out, or at once when the run is unattended;
     *                      empty when the protocol does not say (refused when unattended)
     * @param newElectrolyte the operator puts in fresh electrolyte here: a new batch begins after this hold
     */
    record Hold(int index, String label, String message, HoldCell cell, Duration interval, Optional<Duration> timeout,
                Optional<OnTimeout> onTimeout, boolean newElectrolyte, Location source, StepContext context)
            implements PlannedStep {

        public enum HoldCell {
            OFF, OCP;

            public String written() {
                return name().toLowerCase(java.util.Locale.ROOT);
            }
        }

        public enum OnTimeout {
            CONTINUE, ABORT;

            public String written() {
                return name().toLowerCase(java.util.Locale.ROOT);
            }
        }

        @Override
        public Duration duration() {
            return timeout.orElse(Duration.ZERO);
        }

        /** A hold lasts as long as the operator takes: no sample count is planned for it. */
        @Override
        public long plannedSamples() {
            return 0;
        }

        @Override
        public PlannedStep with(int newIndex, StepContext newContext) {
            return new Hold(newIndex, label, message, cell, interval, timeout, onTimeout, newElectrolyte, source,
                    newContext);
        }

        @Override
        public <R> R match(Function<OpenCircuit, R> openCircuit, Function<Chronoamperometry, R> chronoamperometry,
                           Function<Hold, R> hold) {
            return hold.apply(this);
        }
    }
}
