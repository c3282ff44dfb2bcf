package org.norrlab.analysis;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class StabilityCyclesTest {
    /** 5 electrons per NH3: a charge of 5·F·10 µmol makes FE(NH3) = n / 10 µmol. */
    private static final double Q = 5 * Product.FARADAY * 10e-6;
    /** 0.8 h on 1 cm²: yield (µmol h⁻¹ cm⁻²) = n (µmol) / 0.8. */
    private static final double SECONDS = 0.8 * 3600;

    private static ProductAmount micromoles(Product product, double value) {
        return new ProductAmount(product, Amount.ofMicromoles(value, 0), Set.of());
    }

    private static StabilityCycles.CaStep step(int index, int cycle, double volts, double coulombs, double seconds,
                                               double nh3, double h2) {
        return new StabilityCycles.CaStep(index, cycle, volts, new Charge(coulombs), seconds,
                Map.of(Product.NH3, micromoles(Product.NH3, nh3), Product.H2, micromoles(Product.H2, h2)), Set.of());
    }

    @Test
    void fiveCyclesGiveMeanSdAndTheChangeFromTheFirstToTheLast() {
        // NH3 per cycle 8.0, 7.8, 7.6, 7.5, 7.1 µmol with 2.0 µmol H2 each; cycle 3 is two 0.4 h steps of 3.8 µmol.
        List<StabilityCycles.CaStep> steps = new ArrayList<>(List.of(
                step(2, 1, -0.6, Q, SECONDS, 8.0, 2.0),
                step(4, 2, -0.6, Q, SECONDS, 7.8, 2.0),
                step(6, 3, -0.6, Q / 2, SECONDS / 2, 3.8, 1.0),
                step(7, 3, -0.6, Q / 2, SECONDS / 2, 3.8, 1.0),
                step(9, 4, -0.6, Q, SECONDS, 7.5, 2.0),
                step(11, 5, -0.6, Q, SECONDS, 7.1, 2.0)));
        List<StabilityCycles.Series> series = StabilityCycles.evaluate(steps, 1.0, 0);
        assertThat(series).hasSize(1);
        StabilityCycles.Series s = series.get(0);
        assertThat(s.voltsVsRhe()).isEqualTo(-0.6);
        assertThat(s.cycles()).extracting(StabilityCycles.Cycle::cycle).containsExactly(1, 2, 3, 4, 5);
        StabilityCycles.Cycle third = s.cycles().get(2);
        assertThat(third.steps()).containsExactly(6, 7);
        assertThat(third.charge().coulombs()).isCloseTo(Q, within(1e-12));
        assertThat(third.seconds()).isCloseTo(SECONDS, within(1e-9));
        assertThat(third.notes()).containsExactly("charge and products summed over steps 6, 7");
        // FE NH3 = n / 10 µmol: 80, 78, 76, 75, 71 %.
        assertThat(s.cycles()).extracting(c -> Math.round(c.nh3FaradaicEfficiency().orElseThrow().value() * 100 * 1000))
                .containsExactly(80_000L, 78_000L, 76_000L, 75_000L, 71_000L);
        // mean = 380 / 5 = 76; deviations 4, 2, 0, −1, −5 → squares 16 + 4 + 0 + 1 + 25 = 46; SD = √(46 / 4) = 3.39116
        // relative change (71 − 80) / 80 = −11.25 %
        assertThat(s.nh3FaradaicEfficiency().n()).isEqualTo(5);
        assertThat(s.nh3FaradaicEfficiency().mean() * 100).isCloseTo(76.0, within(1e-9));
        assertThat(s.nh3FaradaicEfficiency().standardDeviation() * 100).isCloseTo(3.391165, within(1e-6));
        assertThat(s.nh3FaradaicEfficiency().relativeChangePercent()).isCloseTo(-11.25, within(1e-9));
        // H2: 2 µmol × 2 e⁻ / (5 e⁻ × 10 µmol) = 8 % each cycle: sums 88, 86, 84, 83, 79 → mean 84, same SD,
        // change (79 − 88) / 88 = −10.2273 %
        assertThat(s.faradaicEfficiencySum().mean() * 100).isCloseTo(84.0, within(1e-9));
        assertThat(s.faradaicEfficiencySum().standardDeviation() * 100).isCloseTo(3.391165, within(1e-6));
        assertThat(s.faradaicEfficiencySum().relativeChangePercent()).isCloseTo(-10.22727, within(1e-5));
        // Yield = n / 0.8 h: 10, 9.75, 9.5, 9.375, 8.875 → mean 47.5 / 5 = 9.5; deviations 0.5, 0.25, 0, −0.125, −0.625
        // → 0.25 + 0.0625 + 0 + 0.015625 + 0.390625 = 0.71875; SD = √(0.71875 / 4) = 0.423896; change −11.25 %
        assertThat(s.nh3Yield().mean()).isCloseTo(9.5, within(1e-9));
        assertThat(s.nh3Yield().standardDeviation()).isCloseTo(0.423896, within(1e-6));
        assertThat(s.nh3Yield().relativeChangePercent()).isCloseTo(-11.25, within(1e-9));
    }

    @Test
    void aRepeatedSweepGivesOneSeriesPerPotentialMostNegativeLast() {
        List<StabilityCycles.CaStep> steps = List.of(
                step(1, 1, -0.4, Q, SECONDS, 5.0, 0), step(2, 1, -0.7, Q, SECONDS, 6.0, 0),
                step(3, 2, -0.4, Q, SECONDS, 4.0, 0), step(4, 2, -0.7, Q, SECONDS, 3.0, 0));
        List<StabilityCycles.Series> series = StabilityCycles.evaluate(steps, 1.0, 0);
        assertThat(series).extracting(StabilityCycles.Series::voltsVsRhe).containsExactly(-0.4, -0.7);
        // −0.7 V: 60 % then 30 %: change (30 − 60) / 60 = −50 %; mean 45 %, SD √((15² + 15²) / 1) = 21.2132 %
        assertThat(series.get(1).nh3FaradaicEfficiency().relativeChangePercent()).isCloseTo(-50.0, within(1e-9));
        assertThat(series.get(1).nh3FaradaicEfficiency().standardDeviation() * 100).isCloseTo(21.2132, within(1e-4));
    }

    @Test
    void aCycleWithAStepWithoutNh3AssayHasNoNh3FeAndTheChangeNeedsTheFirstAndLastCycle() {
        StabilityCycles.CaStep bare = new StabilityCycles.CaStep(5, 2, -0.6, new Charge(Q), SECONDS,
                Map.of(Product.H2, micromoles(Product.H2, 2.0)), Set.of());
        List<StabilityCycles.CaStep> steps = List.of(step(2, 1, -0.6, Q, SECONDS, 8.0, 2.0),
                step(4, 2, -0.6, Q / 2, SECONDS / 2, 4.0, 1.0), bare, step(7, 3, -0.6, Q, SECONDS, 6.0, 2.0));
        StabilityCycles.Series s = StabilityCycles.evaluate(steps, 1.0, 0).get(0);
        StabilityCycles.Cycle second = s.cycles().get(1);
        assertThat(second.nh3FaradaicEfficiency()).isEmpty();
        assertThat(second.nh3Yield()).isEmpty();
        assertThat(second.notes()).contains("NH3 not assayed on step 5: the cycle's NH3 FE is not available"
                + " (it would cover only part of the cycle's charge)");
        // mean over cycles 1 and 3 only: (80 + 60) / 2 = 70 %; change (60 − 80) / 80 = −25 %
        assertThat(s.nh3FaradaicEfficiency().n()).isEqualTo(2);
        assertThat(s.nh3FaradaicEfficiency().mean() * 100).isCloseTo(70.0, within(1e-9));
        assertThat(s.nh3FaradaicEfficiency().relativeChangePercent()).isCloseTo(-25.0, within(1e-9));

        StabilityCycles.Spread noFirst = StabilityCycles.spread(Arrays.asList(Double.NaN, 2.0, 3.0));
        assertThat(noFirst.n()).isEqualTo(2);
        assertThat(noFirst.relativeChangePercent()).isNaN();
        assertThat(StabilityCycles.spread(List.of(5.0)).standardDeviation()).isNaN();
    }
}
