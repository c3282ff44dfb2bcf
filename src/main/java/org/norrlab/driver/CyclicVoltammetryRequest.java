package org.norrlab.driver;

import org.norrlab.core.CurrentRangeChoice;
import org.norrlab.core.SweepTiming;
import org.norrlab.core.Technique;

import java.time.Duration;

/**
 * Cyclic voltammetry as PalmSens' {@code meas_loop_cv} runs it: from {@code beginVolts} to {@code vertex1Volts},
 * then to {@code vertex2Volts}, then back to {@code beginVolts}, {@code cycles} times, at
 * {@code scanRateVoltsPerSecond} with one sample per {@code stepVolts}. Potentials are vs the reference electrode.
 * Samples carry their cycle (from 1) and segment (1: begin → vertex 1, 2: vertex 1 → vertex 2, 3: vertex 2 → begin).
 */
public record CyclicVoltammetryRequest(double beginVolts, double vertex1Volts, double vertex2Volts, int cycles,
                                       double stepVolts, double scanRateVoltsPerSecond, CurrentRangeChoice currentRange)
        implements MeasurementRequest {
    public CyclicVoltammetryRequest {
        if (cycles < 1) {
            throw new IllegalArgumentException("a CV needs at least one cycle, was " + cycles);
        }
        if (!(Math.min(vertex1Volts, vertex2Volts) <= beginVolts && beginVolts <= Math.max(vertex1Volts, vertex2Volts))) {
            throw new IllegalArgumentException("a CV's begin potential " + beginVolts + " V must lie between its vertices "
                    + vertex1Volts + " V and " + vertex2Volts + " V");
        }
        Sweeps.check(stepVolts, scanRateVoltsPerSecond, Math.abs(vertex2Volts - vertex1Volts));
    }

    /** The potential travelled in one cycle, in volts. */
    public double voltsPerCycle() {
        return SweepTiming.voltsPerCycle(beginVolts, vertex1Volts, vertex2Volts);
    }

    @Override
    public Duration interval() {
        return SweepTiming.interval(stepVolts, scanRateVoltsPerSecond);
    }

    @Override
    public Duration duration() {
        return SweepTiming.travel(cycles * voltsPerCycle(), scanRateVoltsPerSecond);
    }

    @Override
    public Technique technique() {
        return Technique.CYCLIC_VOLTAMMETRY;
    }

    @Override
    public <R> R accept(Visitor<R> visitor) throws DriverException {
        return visitor.cyclicVoltammetry(this);
    }
}
