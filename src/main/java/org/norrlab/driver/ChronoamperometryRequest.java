package org.norrlab.driver;

import org.norrlab.core.CurrentRangeChoice;

import java.time.Duration;

/** Hold {@code voltsVsReference} for {@code duration}, one sample every {@code interval}. */
public record ChronoamperometryRequest(double voltsVsReference, Duration interval, Duration duration,
                                       CurrentRangeChoice currentRange) {
    public ChronoamperometryRequest {
        Timing.check(interval, duration);
    }
}
