package org.norrlab.driver;

import org.norrlab.core.CurrentRangeChoice;
import org.norrlab.core.Technique;

import java.time.Duration;

/**
 * Hold {@code currentAmperes} (cathodic negative) for {@code duration} and record the potential every
 * {@code interval}. The instrument stops the step when the potential leaves {@code minVolts} .. {@code maxVolts}
 * (vs the reference electrode; infinite where the protocol set no limit) — a constant-current step would
 * otherwise drive the cell to the compliance voltage when the catalyst fails.
 */
public record ChronopotentiometryRequest(double currentAmperes, Duration interval, Duration duration, double minVolts,
                                         double maxVolts, CurrentRangeChoice currentRange) implements MeasurementRequest {
    public ChronopotentiometryRequest {
        Timing.check(interval, duration);
        if (!Double.isFinite(currentAmperes)) {
            throw new IllegalArgumentException("a set current must be finite, was " + currentAmperes);
        }
        if (!(minVolts < maxVolts)) {
            throw new IllegalArgumentException("potential limits are empty: " + minVolts + " .. " + maxVolts + " V");
        }
    }

    @Override
    public Technique technique() {
        return Technique.CHRONOPOTENTIOMETRY;
    }

    @Override
    public <R> R accept(Visitor<R> visitor) throws DriverException {
        return visitor.chronopotentiometry(this);
    }
}
