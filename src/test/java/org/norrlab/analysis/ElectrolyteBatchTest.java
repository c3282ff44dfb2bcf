package org.norrlab.analysis;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * A 4-step accumulating sweep, V₀ = 35 mL, a 1 mL aliquot after every step, assayed after each step at
 * c₁..c₄ = 0.10, 0.25, 0.38, 0.50 mM, each ± 0.005 mM. mM·mL = µmol, so the arithmetic reads in µmol.
 */
class ElectrolyteBatchTest {
    private static final double MM = 1e-3;
    private static final double[] C = {0.10, 0.25, 0.38, 0.50};

    private static List<ElectrolyteBatch.BatchStep> sweep(boolean replaced, double[] concentrations) {
        return List.of(step(1, concentrations[0], replaced), step(2, concentrations[1], replaced),
                step(3, concentrations[2], replaced), step(4, concentrations[3], replaced));
    }

    private static ElectrolyteBatch.BatchStep step(int index, double mM, boolean replaced) {
        return new ElectrolyteBatch.BatchStep(index, Optional.of(ElectrolyteBatch.Reading.of(new Measure(mM * MM, 0.005 * MM))),
                List.of(new ElectrolyteBatch.Aliquot(1.0, replaced)));
    }

    private static double micromoles(ElectrolyteBatch.Segment segment) {
        return segment.produced().orElseThrow().value() * 1e6;
    }

    private static double sigmaMicromoles(ElectrolyteBatch.Segment segment) {
        return segment.produced().orElseThrow().sigma() * 1e6;
    }

    @Test
    void notReplacedAliquotsLowerTheVolumeAndEachStepIsTheDifferenceAtTheVolumeLeft() {
        ElectrolyteBatch.Result result = ElectrolyteBatch.evaluate(35, 0, sweep(false, C));
        // V₁..V₄ = 35, 34, 33, 32 mL
        assertThat(result.steps()).extracting(s -> s.volumeMl().value()).containsExactly(35.0, 34.0, 33.0, 32.0);
        assertThat(result.segments()).hasSize(4).allSatisfy(s -> assertThat(s.steps()).hasSize(1));
        // n₁ = 0.10·35 = 3.5 µmol
        // n₂ = c₂V₂ − c₁(V₁ − 1) = 0.25·34 − 0.10·34 = 8.5 − 3.4 = 5.1 µmol
        // n₃ = 0.38·33 − 0.25·33 = 12.54 − 8.25 = 4.29 µmol
        // n₄ = 0.50·32 − 0.38·32 = 16.0 − 12.16 = 3.84 µmol
        assertThat(result.segments()).extracting(ElectrolyteBatchTest::micromoles)
                .satisfiesExactly(n -> assertThat(n).isCloseTo(3.5, within(1e-9)), n -> assertThat(n).isCloseTo(5.1, within(1e-9)),
                        n -> assertThat(n).isCloseTo(4.29, within(1e-9)), n -> assertThat(n).isCloseTo(3.84, within(1e-9)));
        // σ(n₁) = 35·0.005 = 0.175; σ(n₂) = √((34·0.005)² + (34·0.005)²) = 0.17·√2 = 0.240416;
        // σ(n₃) = 0.165·√2 = 0.233345; σ(n₄) = 0.16·√2 = 0.226274 µmol
        assertThat(result.segments()).extracting(ElectrolyteBatchTest::sigmaMicromoles)
                .satisfiesExactly(s -> assertThat(s).isCloseTo(0.175, within(1e-6)), s -> assertThat(s).isCloseTo(0.240416, within(1e-6)),
                        s -> assertThat(s).isCloseTo(0.233345, within(1e-6)), s -> assertThat(s).isCloseTo(0.226274, within(1e-6)));
        // c₄V₄ = 16.0 µmol in the cell; P₄ = 16.0 + (0.10 + 0.25 + 0.38)·1 = 16.73 µmol = Σ n_k
        assertThat(result.steps().get(3).inCell().orElseThrow().value() * 1e6).isCloseTo(16.0, within(1e-9));
        assertThat(result.steps().get(3).cumulative().orElseThrow().value() * 1e6).isCloseTo(16.73, within(1e-9));
    }

    @Test
    void replacedAliquotsKeepTheVolumeButTakeTheirProductAway() {
        ElectrolyteBatch.Result result = ElectrolyteBatch.evaluate(35, 0, sweep(true, C));
        assertThat(result.steps()).extracting(s -> s.volumeMl().value()).containsExactly(35.0, 35.0, 35.0, 35.0);
        // n₁ = 0.10·35 = 3.5
        // n₂ = c₂·35 − c₁·(35 − 1) = 8.75 − 3.4 = 5.35
        // n₃ = 0.38·35 − 0.25·34 = 13.3 − 8.5 = 4.8
        // n₄ = 0.50·35 − 0.38·34 = 17.5 − 12.92 = 4.58   (Σ = 18.23 = P₄ = 17.5 + 0.73)
        assertThat(result.segments()).extracting(ElectrolyteBatchTest::micromoles)
                .satisfiesExactly(n -> assertThat(n).isCloseTo(3.5, within(1e-9)), n -> assertThat(n).isCloseTo(5.35, within(1e-9)),
                        n -> assertThat(n).isCloseTo(4.8, within(1e-9)), n -> assertThat(n).isCloseTo(4.58, within(1e-9)));
        assertThat(result.steps().get(3).cumulative().orElseThrow().value() * 1e6).isCloseTo(18.23, within(1e-9));
        // σ(n₂) = √((35·0.005)² + (34·0.005)²) = √(0.030625 + 0.0289) = 0.243978 µmol
        assertThat(sigmaMicromoles(result.segments().get(1))).isCloseTo(0.243978, within(1e-6));
    }

    @Test
    void volumeUncertaintyEntersThroughTheStartVolumeAndTheAliquot() {
        ElectrolyteBatch.Result result = ElectrolyteBatch.evaluate(35, 0.01, sweep(false, C));
        // n₂ = (c₂ − c₁)·(V₀ − v₁): ∂/∂V₀ = 0.15, ∂/∂v₁ = −0.15, ∂/∂c₂ = 34, ∂/∂c₁ = −34;
        // σ² = (0.15·0.35)² + (0.15·0.01)² + 2·(34·0.005)² = 0.00275625 + 0.00000225 + 0.0578 = 0.0605585
        assertThat(sigmaMicromoles(result.segments().get(1))).isCloseTo(Math.sqrt(0.0605585), within(1e-6));
        // V₂ = 34 ± √(0.35² + 0.01²) mL
        assertThat(result.steps().get(1).volumeMl().sigma()).isCloseTo(Math.sqrt(0.1226), within(1e-9));
    }

    @Test
    void aDifferenceBelowTheCalibrationLodIsFlaggedAndSaysSo() {
        // c₃ = 0.255 mM after c₂ = 0.25 mM: n₃ = 0.005·33 = 0.165 µmol; LOD 0.01 mM in the cell → 0.33 µmol in 33 mL
        List<ElectrolyteBatch.BatchStep> steps = List.of(step(1, 0.10, false), step(2, 0.25, false),
                new ElectrolyteBatch.BatchStep(3, Optional.of(new ElectrolyteBatch.Reading(new Measure(0.255 * MM, 0.005 * MM),
                        Set.of(AssayFlag.BELOW_LOQ), Optional.of(0.01 * MM), Optional.of(0.033 * MM), "the LOD of calibration 7")),
                        List.of(new ElectrolyteBatch.Aliquot(1.0, false))));
        ElectrolyteBatch.Segment third = ElectrolyteBatch.evaluate(35, 0, steps).segments().get(2);
        assertThat(micromoles(third)).isCloseTo(0.165, within(1e-9));
        assertThat(third.flags()).containsExactly(AssayFlag.BELOW_LOD);
        assertThat(third.notes()).containsExactly(
                "made 0.1650 ± 0.23 µmol, below the LOD of calibration 7 in 33.00 mL (0.3300 µmol): shown <LOD, no FE");
    }

    @Test
    void withoutAKnownLodADifferenceBelowTwoSigmaIsBelowLod() {
        // n₃ = 0.165 µmol, σ = 0.165·√2 = 0.2333 µmol, 2σ = 0.4667 µmol
        ElectrolyteBatch.Segment third = ElectrolyteBatch.evaluate(35, 0, sweep(false, new double[] {0.10, 0.25, 0.255, 0.5}))
                .segments().get(2);
        assertThat(third.flags()).containsExactly(AssayFlag.BELOW_LOD);
        assertThat(third.notes()).containsExactly("made 0.1650 ± 0.23 µmol, below 2σ of the difference (0.4667 µmol;"
                + " no calibration LOD is known for this assay): shown <LOD, no FE");
        // the step after is measured against step 3 as usual: (0.50 − 0.255)·32 = 7.84 µmol
        assertThat(micromoles(ElectrolyteBatch.evaluate(35, 0, sweep(false, new double[] {0.10, 0.25, 0.255, 0.5}))
                .segments().get(3))).isCloseTo(7.84, within(1e-9));
    }

    @Test
    void aBatchWithoutAliquotsAssayedOnlyAtItsEndIsOneSegmentOverAllItsSteps() {
        List<ElectrolyteBatch.BatchStep> steps = List.of(
                new ElectrolyteBatch.BatchStep(1, Optional.empty(), List.of()),
                new ElectrolyteBatch.BatchStep(2, Optional.empty(), List.of()),
                new ElectrolyteBatch.BatchStep(3, Optional.empty(), List.of()),
                new ElectrolyteBatch.BatchStep(4, Optional.of(ElectrolyteBatch.Reading.of(new Measure(0.5 * MM, 0.005 * MM))), List.of()));
        ElectrolyteBatch.Result result = ElectrolyteBatch.evaluate(35, 0, steps);
        // n = 0.50·35 = 17.5 µmol over steps 1–4
        assertThat(result.segments()).singleElement().satisfies(s -> {
            assertThat(s.steps()).containsExactly(1, 2, 3, 4);
            assertThat(micromoles(s)).isCloseTo(17.5, within(1e-9));
            assertThat(s.aliquotsInside()).isFalse();
        });
        assertThat(result.steps()).extracting(ElectrolyteBatch.StepAmount::segment).containsExactly(0, 0, 0, 0);
        assertThat(result.steps().get(0).inCell()).isEmpty();
    }

    @Test
    void anAliquotWithoutItsAssayInsideAStretchMakesTheAmountUnavailable() {
        List<ElectrolyteBatch.BatchStep> steps = List.of(step(1, 0.10, false),
                new ElectrolyteBatch.BatchStep(2, Optional.empty(), List.of(new ElectrolyteBatch.Aliquot(1.0, false))),
                step(3, 0.38, false));
        ElectrolyteBatch.Result result = ElectrolyteBatch.evaluate(35, 0, steps);
        assertThat(result.segments().get(1).produced()).isEmpty();
        assertThat(result.segments().get(1).notes()).containsExactly("not available: the aliquot taken after step 2 has no"
                + " assay, so what it removed is unknown; add it with 'norrlab assay add SESSION --step 2'");
        assertThat(result.steps().get(2).cumulative()).isEmpty();
    }
}
