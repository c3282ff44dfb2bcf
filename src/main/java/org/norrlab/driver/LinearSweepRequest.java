package org.norrlab.driver;

import org.norrlab.core.CurrentRangeChoice;
import org.norrlab.core.SweepTiming;
import org.norrlab.core.Technique;

import java.time.Duration;

/**
 * Sweep the potential linearly from {@code startVoltsVsReference} to {@code endVoltsVsReference} at
 * {@code scanRateVoltsPerSecond}, one sample per {@code stepVolts} (so every {@code stepVolts / scanRate} seconds).
 * Samples carry cycle 1, segment 1.
 */
public record LinearSweepRequest(double startVoltsVsReference, double endVoltsVsReference, double stepVolts,
                                 double scanRateVoltsPerSecond, CurrentRangeChoice currentRange) implements MeasurementRequest {
    public LinearSweepRequest {
        Sweeps.check(stepVolts, scanRateVoltsPerSecond, Math.abs(endVoltsVsReference - startVoltsVsReference));
    }

    @Override
    public Duration interval() {
        return SweepTiming.interval(stepVolts, scanRateVoltsPerSecond);
    }

    @Override
    public Duration duration() {
        return SweepTiming.travel(Math.abs(endVoltsVsReference - startVoltsVsReference), scanRateVoltsPerSecond);
    }

    /** How many points the sweep has, both ends included. */
    public long points() {
        return Math.round(Math.abs(endVoltsVsReference - startVoltsVsReference) / stepVolts) + 1;
    }

    @Override
    public Technique technique() {
        return Technique.LINEAR_SWEEP;
    }

    @Override
    public <R> R accept(Visitor<R> visitor) throws DriverException {
        return visitor.linearSweep(this);
    }
}
