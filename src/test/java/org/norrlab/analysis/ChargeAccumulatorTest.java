package org.norrlab.analysis;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class ChargeAccumulatorTest {

    @Test
    void steadyCurrentForOneHourIsThirtySixCoulombs() {
        // The reference's worked example: 1 h at a steady -10.0 mA passes 36.0 C.
        ChargeAccumulator q = new ChargeAccumulator();
        for (int k = 1; k <= 36_000; k++) {
            q.add(k * 0.1, -0.010);
        }
        assertThat(q.coulombs()).isCloseTo(-36.0, within(1e-9));
        assertThat(q.meanAmperes()).isCloseTo(-0.010, within(1e-12));
    }

    @Test
    void unevenIntervalsUseTrapezoidsAndTheFirstSampleHoldsFromZero() {
        ChargeAccumulator q = new ChargeAccumulator();
        q.add(1.0, -2.0);   // [0,1] at -2           -> -2
        q.add(1.5, -4.0);   // trapezoid over 0.5 s  -> -1.5
        q.add(3.5, 0.0);    // trapezoid over 2 s    -> -4
        assertThat(q.coulombs()).isCloseTo(-7.5, within(1e-12));
        assertThat(q.meanAmperes()).isCloseTo(-2.0, within(1e-12));
        assertThat(q.currentSamples()).isEqualTo(3);
    }

    @Test
    void samplesWithoutCurrentAreSkipped() {
        ChargeAccumulator q = new ChargeAccumulator();
        q.add(1, Double.NaN);
        q.add(2, -1.0);
        assertThat(q.coulombs()).isCloseTo(-2.0, within(1e-12));
        assertThat(q.currentSamples()).isEqualTo(1);
    }
}
