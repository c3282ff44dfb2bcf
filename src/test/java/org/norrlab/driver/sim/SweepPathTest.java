package org.norrlab.driver.sim;

import org.junit.jupiter.api.Test;
import org.norrlab.core.CurrentRangeChoice;
import org.norrlab.driver.CyclicVoltammetryRequest;
import org.norrlab.driver.LinearSweepRequest;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The points a simulated sweep takes, where a span is not a whole number of steps and where a CV begins at a vertex. */
class SweepPathTest {

    @Test
    void aSpanThatIsNotAWholeNumberOfStepsEndsOnItsEndPotentialAtTheScanRate() {
        // 0 → −0.100 V in 3 mV steps at 50 mV/s: 0.100 / 0.003 = 33.3, so 33 steps (34 points, as points() says):
        // 32 of 3 mV (60 ms each) to −0.096 V, then one of 4 mV (80 ms) onto −0.100 V at 0.100 / 0.05 = 2 s.
        LinearSweepRequest lsv = new LinearSweepRequest(0, -0.100, 0.003, 0.050, CurrentRangeChoice.AUTO);
        List<SweepPath.Tread> treads = SweepPath.of(lsv).treads();

        assertThat(treads).hasSize(34);
        assertThat(lsv.points()).isEqualTo(34);
        assertThat(treads.get(0).voltsVsReference()).isZero();
        assertThat(treads.get(0).seconds()).isCloseTo(0.060, within(1e-12));
        assertThat(treads.get(32).voltsVsReference()).isCloseTo(-0.096, within(1e-12));
        assertThat(treads.get(32).timeSeconds()).isCloseTo(1.920, within(1e-12));
        assertThat(treads.get(33).voltsVsReference()).isEqualTo(-0.100);
        assertThat(treads.get(33).seconds()).isCloseTo(0.080, within(1e-12));
        assertThat(treads.get(33).timeSeconds()).isCloseTo(2.0, within(1e-12));
        for (int k = 1; k < treads.size(); k++) {
            double rate = Math.abs(treads.get(k).voltsVsReference() - treads.get(k - 1).voltsVsReference())
                    / treads.get(k).seconds();
            assertThat(rate).as("dE/dt of point %d", k).isCloseTo(0.050, within(1e-9));
        }
    }

    @Test
    void aCvBegunAtAVertexHasNoFirstSegmentAfterItsBeginPoint() {
        // begin = vertex 1 = 0 V, vertex 2 = −0.1 V, 10 mV steps, 2 cycles: each cycle is segment 2 (10 steps down)
        // and segment 3 (10 steps up); the begin point stands alone in cycle 1, segment 1.
        CyclicVoltammetryRequest cv = new CyclicVoltammetryRequest(0, 0, -0.1, 2, 0.01, 0.1, CurrentRangeChoice.AUTO);
        List<SweepPath.Tread> treads = SweepPath.of(cv).treads();

        assertThat(treads).hasSize(1 + 2 * 20);
        assertThat(treads.stream().filter(t -> t.segment() == 1)).hasSize(1);
        assertThat(treads.get(1).segment()).isEqualTo(2);
        assertThat(treads.get(10).voltsVsReference()).isEqualTo(-0.1);
        assertThat(treads.get(20).voltsVsReference()).isEqualTo(0.0);
        assertThat(treads.get(20).cycle()).isEqualTo(1);
        assertThat(treads.get(21).cycle()).isEqualTo(2);
        assertThat(treads.get(40).timeSeconds()).isCloseTo(4.0, within(1e-12));
    }
}
