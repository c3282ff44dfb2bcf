package org.norrlab.driver;

import org.junit.jupiter.api.Test;
import org.norrlab.acquisition.AcquisitionFailedException;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** A read loop that throws (the acquisition refused a sample) still ends its measurement, and the stop goes out. */
class MeasurementRunnerTest {
    @Test
    void aReadLoopThatThrowsEndsTheMeasurementFailedAndTheStopCommandStillGoesOut() throws Exception {
        MeasurementRunner runner = new MeasurementRunner("test-reader", "ttyTEST", Duration.ofSeconds(2));
        CompletableMeasurement measurement = runner.begin();
        runner.read(measurement, () -> {
            throw new AcquisitionFailedException(new IllegalStateException("the store is gone"));
        });
        MeasurementEnd end = measurement.awaitEnd(Duration.ofSeconds(30)).orElseThrow(
                () -> new AssertionError("the measurement never ended"));
        assertThat(end.outcome()).isEqualTo(MeasurementEnd.Outcome.FAILED);
        assertThat(end.error()).get().extracting(Throwable::getMessage).asString()
                .startsWith("reading the measurement on ttyTEST stopped: ").contains("the store is gone");
        AtomicInteger stops = new AtomicInteger();
        runner.abort(stops::incrementAndGet);
        assertThat(stops).as("stop commands sent").hasValue(1);
        assertThat(runner.isRunning()).isFalse();
        runner.close(stops::incrementAndGet, () -> { }, () -> { });
        assertThat(stops).as("the close does not stop it twice").hasValue(1);
    }
}
