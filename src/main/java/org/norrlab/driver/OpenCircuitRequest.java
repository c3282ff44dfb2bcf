package org.norrlab.driver;

import org.norrlab.core.Technique;

import java.time.Duration;

/** Record the open-circuit potential for {@code duration}, one sample every {@code interval}. */
public record OpenCircuitRequest(Duration interval, Duration duration) implements MeasurementRequest {
    public OpenCircuitRequest {
        Timing.check(interval, duration);
    }

    @Override
    public Technique technique() {
        return Technique.OPEN_CIRCUIT;
    }

    @Override
    public <R> R accept(Visitor<R> visitor) throws DriverException {
        return visitor.openCircuit(this);
    }
}
