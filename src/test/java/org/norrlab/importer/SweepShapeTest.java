package org.norrlab.importer;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The segment, cycle and scan-rate rules of imported sweeps (docs/import.md, "Sweeps"), on waveforms drawn by hand. */
class SweepShapeTest {
    /** Potentials from {@code from} to {@code to} in steps of 0.1 V, both ends included, appended to {@code e}. */
    private static void ramp(List<Double> e, double from, double to) {
        int steps = (int) Math.round(Math.abs(to - from) / 0.1);
        double sign = Math.signum(to - from);
        for (int k = 0; k <= steps; k++) {
            e.add(from + sign * 0.1 * k);
        }
    }

    private static double[] times(int n, double dt) {
        double[] t = new double[n];
        for (int i = 0; i < n; i++) {
            t[i] = i * dt;
        }
        return t;
    }

    /** How many samples each "cycle/segment" holds, in order. */
    private static Map<String, Integer> counts(SweepShape.Result r) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (int i = 0; i < r.cycles().length; i++) {
            counts.merge(r.cycles()[i] + "/" + r.segments()[i], 1, Integer::sum);
        }
        return counts;
    }

    @Test
    void aCvBeginningBetweenItsVerticesHasThreeSegmentsPerCycleAndItsCyclesEndWhereItPassesItsBegin() {
        // 0 → 1 → −1 → 0, twice; 0.1 V every 0.1 s = 1 V/s
        List<Double> e = new ArrayList<>();
        ramp(e, 0, 1);            // 11 samples 0.0 .. 1.0
        ramp(e, 0.9, -1);         // 20 samples 0.9 .. −1.0
        ramp(e, -0.9, 0);         // 10 samples −0.9 .. 0.0
        ramp(e, 0.1, 1);          // cycle 2 begins at the first sample past 0 V going up: 10 samples 0.1 .. 1.0
        ramp(e, 0.9, -1);         // 20
        ramp(e, -0.9, 0);         // 10
        double[] potential = e.stream().mapToDouble(Double::doubleValue).toArray();
        SweepShape.Result r = SweepShape.of(times(potential.length, 0.1), potential, null, true);
        // the sample after each extreme begins the next segment: 1.0 V is the last of segment 1
        assertThat(counts(r)).containsExactly(Map.entry("1/1", 11), Map.entry("1/2", 20), Map.entry("1/3", 10),
                Map.entry("2/1", 10), Map.entry("2/2", 20), Map.entry("2/3", 10));
        assertThat(r.cycleCount()).isEqualTo(2);
        assertThat(r.vertices()).containsExactly(1.0, -1.0);
        // every run is a straight line of 0.1 V per 0.1 s: |dE/dt| = 1 V/s in all six, so they agree
        assertThat(r.runRates()).hasSize(6);
        assertThat(r.measuredRate()).isCloseTo(1.0, within(1e-9));
        assertThat(r.runsAgree()).isTrue();
    }

    @Test
    void aCvBeginningAtItsSecondVertexHasTwoSegmentsPerCycle() {
        // CHI's usual layout: Init E = Low E = 0 V, up to 0.5 V and back, three times (0.1 V per 0.5 s = 0.2 V/s)
        List<Double> e = new ArrayList<>();
        ramp(e, 0, 0.5);          // 6: 0.0 .. 0.5
        ramp(e, 0.4, 0);          // 5: 0.4 .. 0.0 (the second vertex: the cycle ends at the next turn)
        ramp(e, 0.1, 0.5);        // 5
        ramp(e, 0.4, 0);          // 5
        ramp(e, 0.1, 0.5);        // 5
        ramp(e, 0.4, 0);          // 5
        double[] potential = e.stream().mapToDouble(Double::doubleValue).toArray();
        SweepShape.Result r = SweepShape.of(times(potential.length, 0.5), potential, null, true);
        assertThat(counts(r)).containsExactly(Map.entry("1/1", 6), Map.entry("1/2", 5), Map.entry("2/1", 5),
                Map.entry("2/2", 5), Map.entry("3/1", 5), Map.entry("3/2", 5));
        // 0.1 V / 0.5 s = 0.2 V/s
        assertThat(r.measuredRate()).isCloseTo(0.2, within(1e-9));
    }

    @Test
    void theFilesCyclesAreKeptAndTurnsAreLookedForWithinEach() {
        // two cycles the file numbers 1 and 2, each 0 → 0.3 → 0 (4 + 3 samples), at 0.1 V per 1 s
        double[] potential = {0, 0.1, 0.2, 0.3, 0.2, 0.1, 0.0, 0, 0.1, 0.2, 0.3, 0.2, 0.1, 0.0};
        int[] cycles = {1, 1, 1, 1, 1, 1, 1, 2, 2, 2, 2, 2, 2, 2};
        SweepShape.Result r = SweepShape.of(times(potential.length, 1), potential, cycles, true);
        assertThat(counts(r)).containsExactly(Map.entry("1/1", 4), Map.entry("1/2", 3), Map.entry("2/1", 4),
                Map.entry("2/2", 3));
        // runs of 3 samples are too short to fit (FIT_POINTS = 5): no rate, rather than one from too few points
        assertThat(r.runRates()).isEmpty();
        assertThat(r.measuredRate()).isNaN();
    }

    @Test
    void runsAtDifferentRatesDisagree() {
        // 0 → 0.5 at 0.1 V/s (6 samples, 1 s apart), then back to 0 at 0.2 V/s (0.1 V per 0.5 s)
        double[] potential = {0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.4, 0.3, 0.2, 0.1, 0.0};
        double[] time = {0, 1, 2, 3, 4, 5, 5.5, 6, 6.5, 7, 7.5};
        SweepShape.Result r = SweepShape.of(time, potential, null, true);
        assertThat(r.runRates()).usingComparatorWithPrecision(1e-9).containsExactly(0.1, 0.2);
        assertThat(r.runsAgree()).isFalse();
    }

    @Test
    void noiseSmallerThanTheTurnThresholdIsNoTurn() {
        // an LSV-like ramp 0 → 1 V with ±0.02 V of noise (below 5 % of the 1 V span) is one segment of a CV
        double[] potential = new double[101];
        for (int i = 0; i <= 100; i++) {
            potential[i] = 0.01 * i + (i % 2 == 0 ? 0.02 : -0.02);
        }
        SweepShape.Result r = SweepShape.of(times(101, 0.01), potential, null, true);
        assertThat(counts(r)).containsExactly(Map.entry("1/1", 101));
    }
}
