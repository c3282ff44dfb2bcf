package org.norrlab.figures;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The time unit rule the run view, the Sessions view and the report share. */
class TimeScaleTest {
    @Test
    void theUnitFollowsTheLength() {
        // up to 10 min (600 s) in s; up to 5 h (18000 s) in min; longer in h
        assertThat(TimeScale.forSpan(0)).isEqualTo(TimeScale.SECONDS);
        assertThat(TimeScale.forSpan(600)).isEqualTo(TimeScale.SECONDS);
        assertThat(TimeScale.forSpan(601)).isEqualTo(TimeScale.MINUTES);
        assertThat(TimeScale.forSpan(18_000)).isEqualTo(TimeScale.MINUTES);
        assertThat(TimeScale.forSpan(18_001)).isEqualTo(TimeScale.HOURS);
        assertThat(TimeScale.forSpan(Double.NaN)).isEqualTo(TimeScale.SECONDS);
        // 1220 s (the demo: 20 s + 4 × 5 min) = 20.33 min; 2 h = 7200 s
        assertThat(TimeScale.MINUTES.fromSeconds(1220)).isEqualTo(1220 / 60.0);
        assertThat(TimeScale.HOURS.toSeconds(2)).isEqualTo(7200);
    }
}
