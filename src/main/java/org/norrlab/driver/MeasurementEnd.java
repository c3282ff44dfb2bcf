package org.norrlab.driver;

import java.util.Objects;
import java.util.Optional;

/**
 * How a measurement ended.
 *
 * @param samples         how many samples it delivered
 * @param lastTimeSeconds the step time of its last sample (0 when none)
 * @param error           the reason for FAILED and LINK_LOST
 */
public record MeasurementEnd(Outcome outcome, long samples, double lastTimeSeconds, Optional<DriverException> error) {
    public enum Outcome { COMPLETED, ABORTED, FAILED, LINK_LOST }

    public MeasurementEnd {
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(error, "error");
        if ((outcome == Outcome.FAILED || outcome == Outcome.LINK_LOST) && error.isEmpty()) {
            throw new IllegalArgumentException(outcome + " needs the error that caused it");
        }
    }
}
