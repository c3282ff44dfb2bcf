package org.norrlab.driver;

import org.junit.jupiter.api.Test;
import org.norrlab.core.Capabilities;
import org.norrlab.core.CurrentRangeChoice;
import org.norrlab.core.InstrumentIdentity;
import org.norrlab.core.Sample;
import org.norrlab.driver.recorded.RecordedSamplesPotentiostat;
import org.norrlab.testing.CollectingSink;
import org.norrlab.testing.Fixtures;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An abort that comes while the instrument waits for its next sample ends the step at the last sample it
 * measured: no driver hands over a sample stamped with a time the measurement never reached.
 */
class AbortBetweenSamplesTest {
    /** Samples 60 s apart at 20x: three seconds of wall time between them, ample for the abort to come between. */
    private static final Duration INTERVAL = Duration.ofSeconds(60);
    private static final Speed SPEED = new Speed(20);

    private static void abortAfterTheFirstSample(Potentiostat instrument, Measurement measurement, CollectingSink sink,
                                                 double firstSampleSeconds) throws Exception {
        while (sink.samples.isEmpty()) {
            Thread.sleep(2);
        }
        instrument.abort();
        MeasurementEnd end = measurement.awaitEnd(Duration.ofSeconds(30)).orElseThrow();
        assertThat(end.outcome()).isEqualTo(MeasurementEnd.Outcome.ABORTED);
        assertThat(sink.samples).as("samples delivered").hasSize(1);
        assertThat(end.samples()).isEqualTo(1);
        assertThat(sink.samples.get(0).timeSeconds()).isEqualTo(firstSampleSeconds);
        assertThat(end.lastTimeSeconds()).as("the step ends at its last measured sample").isEqualTo(firstSampleSeconds);
    }

    @Test
    void theSimulatorEndsAtItsLastMeasuredSample() throws Exception {
        try (Potentiostat sim = Fixtures.simulator("NiNC", 3, SPEED, Fixtures.cellAtPh7())) {
            CollectingSink sink = new CollectingSink();
            Measurement measurement = sim.start(new ChronoamperometryRequest(
                    Fixtures.cellAtPh7().rheScale().toReference(-0.5), INTERVAL, Duration.ofMinutes(10),
                    CurrentRangeChoice.AUTO), sink);
            abortAfterTheFirstSample(sim, measurement, sink, 60.0);
        }
    }

    @Test
    void aReplayOfRecordedSamplesEndsAtItsLastPlayedSample() throws Exception {
        // the first sample soon after the start, the next a minute later
        List<Sample> recorded = new ArrayList<>(List.of(new Sample(1.0, -1.1, -0.01, 0.1, 0)));
        for (int k = 1; k <= 10; k++) {
            recorded.add(new Sample(1.0 + k * 60.0, -1.1, -0.01, 0.1, 0));
        }
        try (Potentiostat replay = new RecordedSamplesPotentiostat(new InstrumentIdentity("sim", "sim", "m", "f", "s"),
                new Capabilities(-5, 5, List.of(0.1), Duration.ofMillis(1), Capabilities.ALL_TECHNIQUES),
                List.of(new RecordedSamplesPotentiostat.RecordedStep("ca", recorded)), SPEED)) {
            CollectingSink sink = new CollectingSink();
            Measurement measurement = replay.start(new ChronoamperometryRequest(-1.1, INTERVAL,
                    Duration.ofMinutes(10), CurrentRangeChoice.AUTO), sink);
            abortAfterTheFirstSample(replay, measurement, sink, 1.0);
        }
    }
}
