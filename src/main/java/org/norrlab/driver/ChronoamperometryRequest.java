package org.norrlab.driver;

import org.norrlab.core.CurrentRangeChoice;
import org.norrlab.core.Technique;

import java.time.Duration;

/** Hold {@code voltsVsReference} for {@code duration}, one sample every {@code interval}. */
public record ChronoamperometryRequest(double voltsVsReference, Duration interval, Duration duration,
                                       CurrentRangeChoice currentRange) implements MeasurementRequest {
    public ChronoamperometryRequest {
        Timing.check(interval, duration);
    }

    @Override
    public Technique technique() {
        return Technique.CHRONOAMPEROMETRY;
    }

    @Override
    public <R> R accept(Visitor<R> visitor) throws DriverException {
        return visitor.chronoamperometry(this);
    }
}
