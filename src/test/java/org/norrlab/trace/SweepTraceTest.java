package org.norrlab.trace;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The live I–E trace stays bounded: points per cycle and cycles kept. */
class SweepTraceTest {
    @Test
    void aLongCycleKeepsEveryOtherPointOnceFullAndTheWholeCycleStaysDrawn() {
        SweepTrace trace = new SweepTrace();
        // 10000 samples: full at 4096 (stride 2 → 2048 kept), full again at 8192 samples (stride 4 → 2048 kept);
        // samples 8192, 8196, ..., 9996 add (9996 - 8192) / 4 + 1 = 452: 2048 + 452 = 2500 points.
        for (int k = 0; k < 10_000; k++) {
            trace.add(1, k * 1e-3, -k * 1e-6);
        }
        SweepTrace.Curve curve = trace.curves().get(0);
        assertThat(curve.points()).isEqualTo(2500);
        assertThat(curve.volts()[0]).isEqualTo(0.0);
        assertThat(curve.volts()[1]).isEqualTo(0.004);
        assertThat(curve.volts()[2499]).isEqualTo(9.996);
    }

    @Test
    void onlyTheLastFiftyCyclesAreKeptAndTheDroppedOnesCounted() {
        SweepTrace trace = new SweepTrace();
        for (int cycle = 1; cycle <= 60; cycle++) {
            for (int k = 0; k < 3; k++) {
                trace.add(cycle, k, cycle);
            }
        }
        trace.add(59, 0, 0);   // a late sample of an earlier cycle is not drawn into the last one
        assertThat(trace.curves()).hasSize(50);
        assertThat(trace.curves().get(0).cycle()).isEqualTo(11);
        assertThat(trace.curves().get(49).points()).isEqualTo(3);
        assertThat(trace.droppedCycles()).isEqualTo(10);
    }
}
