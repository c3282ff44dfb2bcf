package org.norrlab.scheduler;

import org.junit.jupiter.api.Test;
import org.norrlab.acquisition.AcquisitionCore;
import org.norrlab.config.Location;
import org.norrlab.config.Potential;
import org.norrlab.core.Capabilities;
import org.norrlab.core.CurrentRangeChoice;
import org.norrlab.core.InstrumentIdentity;
import org.norrlab.driver.DriverException;
import org.norrlab.driver.Measurement;
import org.norrlab.driver.MeasurementRequest;
import org.norrlab.driver.MeasurementEnd;
import org.norrlab.driver.Potentiostat;
import org.norrlab.driver.SampleSink;
import org.norrlab.plan.PlannedStep;
import org.norrlab.testing.CollectingSink;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The reconnect window is kept on a clock the test drives, so what is checked is the logic: no wait
 * runs past the window, the message says how long it was, and an abort ends the waiting at the next poll.
 */
class LinkRecoveryTest {
    private static final InstrumentIdentity IDENTITY = new InstrumentIdentity("p", "f", "m", "fw", "SN1");

    /** A clock that only moves when the code under test sleeps. */
    static final class FakeClock implements LinkRecovery.Clock {
        long now = 1_000_000_000L;
        final List<Long> attempts = new ArrayList<>();
        Runnable onSleep = () -> { };

        @Override
        public long nanoTime() {
            return now;
        }

        @Override
        public void sleep(long nanos) {
            now += nanos;
            onSleep.run();
        }
    }

    /** An instrument whose port never comes back. */
    private static Potentiostat gone(FakeClock clock) {
        return new Potentiostat() {
            @Override
            public InstrumentIdentity identify() {
                return IDENTITY;
            }

            @Override
            public Capabilities capabilities() {
                return new Capabilities(-1, 1, List.of(1.0), Duration.ofMillis(1), Capabilities.ALL_TECHNIQUES);
            }

            @Override
            public void setCellOn(boolean on) {
            }

            @Override
            public Measurement start(MeasurementRequest request, SampleSink sink) {
                throw new AssertionError("nothing to start");
            }

            @Override
            public InstrumentIdentity reconnect() throws DriverException {
                clock.attempts.add(clock.now);
                throw new DriverException("serial port /dev/ttyACM0 does not exist");
            }

            @Override
            public void abort() {
            }

            @Override
            public void close() {
            }
        };
    }

    private static PlannedStep step() {
        return new PlannedStep.Chronoamperometry(1, "CA", new Potential(-0.5, Potential.Scale.RHE), -0.5, -1.1,
                Duration.ofMillis(100), Duration.ofSeconds(60), CurrentRangeChoice.AUTO, new Location(Path.of("p.yaml"), 1, 1));
    }

    private static MeasurementEnd lost() {
        return new MeasurementEnd(MeasurementEnd.Outcome.LINK_LOST, 10, 1.0,
                Optional.of(new DriverException.LinkLost("reading failed", null)));
    }

    @Test
    void aTenSecondWindowGivesUpAtTenSecondsAndSaysSo() throws Exception {
        FakeClock clock = new FakeClock();
        long start = clock.now;
        AcquisitionCore core = new AcquisitionCore(64, List.of((record, end) -> { }));
        LinkRecovery.Outcome outcome = new LinkRecovery(gone(clock), core, IDENTITY, Duration.ofSeconds(10), clock)
                .recover(step(), new CollectingSink(), start, lost(), () -> false);
        core.close();
        double waited = (clock.now - start) / 1e9;
        // Backoff 0.5, 1, 2, 4 s: the next wait (8 s) is cut to the window's end instead of running to 15.5 s.
        assertThat(waited).isEqualTo(10.0);
        assertThat(clock.attempts).allMatch(t -> t <= start + 10_000_000_000L);
        assertThat(outcome.measurement()).isEmpty();
        assertThat(outcome.reason()).contains("the link stayed lost for 10.0 s").contains("reconnect_for 10 s")
                .contains("does not exist");
    }

    @Test
    void anAbortDuringAWaitEndsItAtTheNextPoll() throws Exception {
        FakeClock clock = new FakeClock();
        long start = clock.now;
        AtomicBoolean aborted = new AtomicBoolean();
        long abortAt = start + 4_200_000_000L; // during the 4 s wait after the third attempt
        clock.onSleep = () -> aborted.compareAndSet(false, clock.now >= abortAt);
        AcquisitionCore core = new AcquisitionCore(64, List.of((record, end) -> { }));
        LinkRecovery.Outcome outcome = new LinkRecovery(gone(clock), core, IDENTITY, Duration.ofMinutes(5), clock)
                .recover(step(), new CollectingSink(), start, lost(), aborted::get);
        core.close();
        assertThat(outcome.reason()).isEqualTo("aborted while reconnecting");
        assertThat(clock.now - abortAt).as("clock time from the abort to the end of the wait")
                .isLessThanOrEqualTo(Duration.ofMillis(100).toNanos());
    }
}
