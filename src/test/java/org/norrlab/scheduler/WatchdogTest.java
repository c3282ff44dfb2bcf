package org.norrlab.scheduler;

import org.junit.jupiter.api.Test;
import org.norrlab.core.Sample;
import org.norrlab.driver.Speed;
import org.norrlab.testing.CollectingSink;

import java.time.Duration;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** A step's watchdog limit, and the count of what the step delivered. */
class WatchdogTest {
    @Test
    void aStepGetsTheConfiguredWatchdogOrThreeOfItsIntervalsWhicheverIsLonger() {
        assertThat(Watchdog.limitFor(Duration.ofSeconds(30), Duration.ofSeconds(40))).isEqualTo(Duration.ofSeconds(120));
        assertThat(Watchdog.limitFor(Duration.ofSeconds(30), Duration.ofSeconds(10))).isEqualTo(Duration.ofSeconds(30));
        assertThat(Watchdog.limitFor(Duration.ofSeconds(30), Duration.ofMillis(100))).isEqualTo(Duration.ofSeconds(30));
        Watchdog slow = new Watchdog(new CollectingSink(), Optional.of(Duration.ofSeconds(30)), Duration.ofSeconds(40),
                new Speed(600));
        assertThat(slow.reason(4)).isEqualTo("watchdog: no sample for 120 s during step 4; the cell was switched off");
    }

    @Test
    void itCountsTheSamplesPassedOnAndTheTimeOfTheLast() throws Exception {
        CollectingSink next = new CollectingSink();
        Watchdog watched = new Watchdog(next, Optional.empty(), Duration.ofSeconds(1), Speed.REAL_TIME);
        watched.sample(new Sample(1, -1.1, -0.01, 0.1, 0));
        watched.sample(new Sample(2, -1.1, -0.01, 0.1, 0));
        assertThat(watched.samples()).isEqualTo(2);
        assertThat(watched.lastSampleSeconds()).isEqualTo(2.0);
        assertThat(next.samples).hasSize(2);
        assertThat(watched.expired()).as("without a configured watchdog it never fires").isFalse();
    }
}
