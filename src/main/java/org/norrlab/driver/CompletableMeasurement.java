package org.norrlab.driver;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** A {@link Measurement} that the driver's thread completes once. */
public final class CompletableMeasurement implements Measurement {
    private final CompletableFuture<MeasurementEnd> end = new CompletableFuture<>();

    public void complete(MeasurementEnd result) {
        end.complete(result);
    }

    @Override
    public Optional<MeasurementEnd> awaitEnd(Duration timeout) throws InterruptedException {
        try {
            return Optional.of(end.get(timeout.toNanos(), TimeUnit.NANOSECONDS));
        } catch (TimeoutException e) {
            return Optional.empty();
        } catch (ExecutionException e) {
            throw new IllegalStateException("measurements are completed with a result, never exceptionally", e);
        }
    }
}
