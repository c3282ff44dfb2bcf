package org.norrlab.trace;

import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class MinMaxTraceTest {

    @Test
    void aRampKeepsEachColumnsEdgesAndASingleSpikeSurvivesAMillionPoints() {
        MinMaxTrace trace = new MinMaxTrace(4096, 0.01);
        int n = 1_000_000;
        double dt = 0.01;
        int spikeAt = 654_321;
        for (int i = 0; i < n; i++) {
            double y = i == spikeAt ? 1e6 : i * dt;   // y = x, one spike
            trace.add(i * dt, y);
        }
        assertThat(trace.points()).isEqualTo(n);
        // 10 000 s in 4096 buckets: the width doubled from 0.01 s to 0.01 * 2^8 = 2.56 s (10 000 / 2.56 = 3907 buckets).
        assertThat(trace.bucketWidth()).isEqualTo(2.56);

        MinMaxTrace.Envelope e = trace.envelope(1000);
        assertThat(e.size()).isLessThanOrEqualTo(1000).isGreaterThan(900);
        double columnWidth = (e.x()[1] - e.x()[0]);
        for (int c = 0; c < e.size() - 1; c++) {   // the last column may be narrower
            double left = e.x()[c] - columnWidth / 2;
            boolean holdsSpike = spikeAt * dt >= left && spikeAt * dt < left + columnWidth;
            // For y = x the least value in a column is at its left edge (to one sample), the greatest at its right.
            assertThat(e.min()[c]).isCloseTo(Math.max(0, left), within(dt * 1.01));
            if (holdsSpike) {
                assertThat(e.max()[c]).isEqualTo(1e6);
            } else {
                assertThat(e.max()[c]).isCloseTo(left + columnWidth - dt, within(dt * 1.01));
            }
        }
        assertThat(Arrays.stream(e.max()).max().orElseThrow()).isEqualTo(1e6);
        assertThat(e.min()[0]).isZero();
        assertThat(e.max()[e.size() - 1]).isCloseTo((n - 1) * dt, within(1e-9));
    }

    @Test
    void fewerPointsThanColumnsComeBackOneColumnEachAndNaNIsSkipped() {
        MinMaxTrace trace = new MinMaxTrace(16, 1.0);
        trace.add(0, 5);
        trace.add(1, Double.NaN);
        trace.add(2, -3);
        MinMaxTrace.Envelope e = trace.envelope(100);
        assertThat(e.x()).containsExactly(0.5, 2.5);
        assertThat(e.min()).containsExactly(5, -3);
        assertThat(e.max()).containsExactly(5, -3);
        double[][] zigzag = e.zigzag(1000);
        assertThat(zigzag[0]).containsExactly(0.5, 0.5, 2.5, 2.5);
        assertThat(zigzag[1]).containsExactly(5000, 5000, -3000, -3000);
        trace.clear();
        assertThat(trace.envelope(100).size()).isZero();
        assertThat(trace.bucketWidth()).isEqualTo(1.0);
    }

    @Test
    void aCapacityThatIsNotAPowerOfTwoIsRefused() {
        assertThatThrownBy(() -> new MinMaxTrace(1000, 1)).hasMessageContaining("power of two");
        assertThatThrownBy(() -> new MinMaxTrace(1024, 0)).hasMessageContaining("width must be > 0");
    }
}
