package org.norrlab.analysis;

import org.junit.jupiter.api.Test;
import org.norrlab.core.Sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
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
    void aValueThatIsNotFiniteIsRefusedNotIntegratedIntoAnInfiniteCharge() {
        ChargeAccumulator q = new ChargeAccumulator();
        q.add(1.0, -0.010);
        assertThatThrownBy(() -> q.add(2.0, Double.NEGATIVE_INFINITY)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not finite");
        assertThat(q.coulombs()).isCloseTo(-0.010, within(1e-15));
        // and no sample can carry one in the first place
        assertThatThrownBy(() -> new Sample(2.0, -1.1, Double.POSITIVE_INFINITY, 0.1, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must be finite");
        assertThatThrownBy(() -> new Sample(2.0, Double.NEGATIVE_INFINITY, -0.01, 0.1, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must be finite");
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
