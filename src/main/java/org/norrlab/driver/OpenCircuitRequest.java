package org.norrlab.driver;

import java.time.Duration;

/** Record the open-circuit potential for {@code duration}, one sample every {@code interval}. */
public record OpenCircuitRequest(Duration interval, Duration duration) {
    public OpenCircuitRequest {
        Timing.check(interval, duration);
    }
}
