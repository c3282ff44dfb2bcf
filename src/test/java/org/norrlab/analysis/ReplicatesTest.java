package org.norrlab.analysis;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Mean and sample standard deviation (n − 1) per potential over replicate sessions, against hand arithmetic. */
class ReplicatesTest {
    private static Replicates.Observation at(long session, int step, double volts, Double fe, Double sum, Double yield) {
        return new Replicates.Observation(session, step, volts, Optional.ofNullable(fe), Optional.ofNullable(sum),
                Optional.ofNullable(yield), fe == null ? "no NH3 assay" : "", List.of());
    }

    @Test
    void threeFeValuesGiveTheirMeanAndSampleStandardDeviation() {
        // FE 0.80, 0.85, 0.90: mean 2.55 / 3 = 0.85; deviations −0.05, 0, +0.05; squares 0.0025 + 0 + 0.0025 = 0.005;
        // / (n − 1 = 2) = 0.0025; √ = 0.05.  Yield 10, 12, 17: mean 13; squares 9 + 1 + 16 = 26; / 2 = 13; √13 = 3.60555
        List<Replicates.AtPotential> out = Replicates.combine(List.of(at(3, 2, -0.5, 0.80, 0.90, 10.0),
                at(4, 2, -0.5, 0.85, 0.95, 12.0), at(5, 2, -0.5, 0.90, 1.00, 17.0)));
        assertThat(out).hasSize(1);
        Replicates.AtPotential p = out.get(0);
        assertThat(p.sessions()).containsExactly(3L, 4L, 5L);
        assertThat(p.feNh3().n()).isEqualTo(3);
        assertThat(p.feNh3().mean()).isCloseTo(0.85, within(1e-12));
        assertThat(p.feNh3().standardDeviation()).isCloseTo(0.05, within(1e-12));
        assertThat(p.feSum().mean()).isCloseTo(0.95, within(1e-12));
        assertThat(p.feSum().standardDeviation()).isCloseTo(0.05, within(1e-12));
        assertThat(p.yield().mean()).isCloseTo(13.0, within(1e-12));
        assertThat(p.yield().standardDeviation()).isCloseTo(3.60555, within(1e-5));
        assertThat(p.notes()).isEmpty();
    }

    @Test
    void aSessionWithoutAnFeAtAPotentialIsLeftOutThereWithANote() {
        // at −0.3 V session 4 has no NH3 assay: n = 2 of 0.40 and 0.50 → mean 0.45; squares 0.0025 × 2 = 0.005; / 1; √ = 0.070711
        List<Replicates.AtPotential> out = Replicates.combine(List.of(at(3, 1, -0.3, 0.40, 0.40, 5.0),
                at(3, 2, -0.5, 0.80, 0.80, 10.0), at(4, 1, -0.3, null, null, null), at(4, 2, -0.5, 0.90, 0.90, 12.0),
                at(5, 1, -0.3, 0.50, 0.50, 6.0)));
        assertThat(out).extracting(Replicates.AtPotential::voltsVsRhe).containsExactly(-0.3, -0.5);
        Replicates.AtPotential p = out.get(0);
        assertThat(p.sessions()).containsExactly(3L, 5L);
        assertThat(p.feNh3().n()).isEqualTo(2);
        assertThat(p.feNh3().mean()).isCloseTo(0.45, within(1e-12));
        assertThat(p.feNh3().standardDeviation()).isCloseTo(0.0707107, within(1e-7));
        assertThat(p.notes()).containsExactly("session 4 step 1 left out: no NH3 assay");
        // −0.5 V: one value per session, 0.80 and 0.90
        assertThat(out.get(1).feNh3().n()).isEqualTo(2);
        assertThat(out.get(1).feNh3().mean()).isCloseTo(0.85, within(1e-12));
    }

    @Test
    void oneValueHasNoStandardDeviationAndRepeatedStepsOfASessionCountOnce() {
        // session 3 ran −0.5 V twice (0.70 and 0.90): its mean 0.80 counts once; session 4 has no FE there
        List<Replicates.AtPotential> out = Replicates.combine(List.of(at(3, 1, -0.5, 0.70, 0.70, 8.0),
                at(3, 2, -0.5, 0.90, 0.90, 10.0), at(4, 1, -0.5, null, null, null)));
        Replicates.AtPotential p = out.get(0);
        assertThat(p.feNh3().n()).isEqualTo(1);
        assertThat(p.feNh3().mean()).isCloseTo(0.80, within(1e-12));
        assertThat(p.feNh3().standardDeviation()).isNaN();
        assertThat(p.yield().mean()).isCloseTo(9.0, within(1e-12));
        assertThat(p.notes()).containsExactly("session 3 has 2 steps here (step 1, step 2): their mean counts as one replicate",
                "session 4 step 1 left out: no NH3 assay");
    }
}
