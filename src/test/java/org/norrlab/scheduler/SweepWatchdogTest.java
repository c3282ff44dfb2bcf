package org.norrlab.scheduler;

import org.junit.jupiter.api.Test;
import org.norrlab.config.Location;
import org.norrlab.config.Potential;
import org.norrlab.core.CurrentRangeChoice;
import org.norrlab.plan.PlannedPotential;
import org.norrlab.plan.PlannedStep;
import org.norrlab.plan.StepContext;

import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** A sweep's sample interval is its potential step / scan rate, and the watchdog gives it three of them. */
class SweepWatchdogTest {
    private static PlannedPotential vsRhe(double volts) {
        return new PlannedPotential(new Potential(volts, Potential.Scale.RHE), volts, volts - 0.6111);
    }

    @Test
    void aSlowSweepIsGivenThreePointsBeforeTheWatchdogFires() {
        // 50 mV steps at 1 mV/s: a point every 50 s, so 3 × 50 s = 150 s, not the site's 30 s
        PlannedStep.LinearSweep slow = new PlannedStep.LinearSweep(1, "slow LSV", vsRhe(0.3), vsRhe(-0.7), 0.050, 0.001,
                CurrentRangeChoice.AUTO, new Location(Path.of("p.yaml"), 2, 5), StepContext.NONE);
        assertThat(slow.interval()).isEqualTo(Duration.ofSeconds(50));
        assertThat(Watchdog.limitFor(Duration.ofSeconds(30), slow.interval())).isEqualTo(Duration.ofSeconds(150));
        // a CV's too: 1 mV at 10 mV/s is a point every 100 ms, and the site's 30 s stand
        PlannedStep.CyclicVoltammetry cv = new PlannedStep.CyclicVoltammetry(2, "C_dl", vsRhe(0.35), vsRhe(0.4),
                vsRhe(0.3), 3, 0.001, 0.010, CurrentRangeChoice.AUTO, new Location(Path.of("p.yaml"), 3, 5),
                StepContext.NONE);
        assertThat(cv.interval()).isEqualTo(Duration.ofMillis(100));
        assertThat(Watchdog.limitFor(Duration.ofSeconds(30), cv.interval())).isEqualTo(Duration.ofSeconds(30));
    }
}
