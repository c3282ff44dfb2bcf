package org.norrlab.driver;

import java.time.Duration;
import java.util.Optional;

/** A running measurement. Its end says whether it completed, was aborted, failed or lost the link. */
public interface Measurement {
    /** Waits up to {@code timeout} for the end; empty while still running. */
    Optional<MeasurementEnd> awaitEnd(Duration timeout) throws InterruptedException;
}
