package org.norrlab.driver.sim;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** A batch of simulated catholyte: products accumulate, aliquots take their share c·v. */
class SimulatedCatholyteTest {
    private static final double TOLERANCE = 1e-15;

    @Test
    void twoStepsWithAOneMlAliquotOutOf35Ml() {
        ProductTally first = new ProductTally(1.0, 2.0e-6, 0.1e-6, 0.4e-6, 0.05e-6, 1.0e-6);
        ProductTally second = new ProductTally(2.0, 3.0e-6, 0.2e-6, 0.3e-6, 0.0, 2.0e-6);

        SimulatedCatholyte afterFirst = SimulatedCatholyte.fresh(35).plus(first);
        // 1 mL out of 35 mL takes 1/35 of every product: 2.0 µmol NH3 · 34/35 = 1.942857 µmol left in 34 mL.
        SimulatedCatholyte afterAliquot = afterFirst.afterAliquot(1, false);
        assertThat(afterAliquot.volumeMl()).isEqualTo(34.0);
        assertThat(afterAliquot.nh3Mol()).isCloseTo(1.942857142857e-6, within(TOLERANCE));
        assertThat(afterAliquot.n2oMol()).isCloseTo(0.4e-6 * 34 / 35, within(TOLERANCE));
        // Step 2 adds 3.0 µmol: 4.942857 µmol in 34 mL, c = 0.1453782 µmol/mL.
        SimulatedCatholyte afterSecond = afterAliquot.plus(second);
        assertThat(afterSecond.nh3Mol()).isCloseTo(4.942857142857e-6, within(TOLERANCE));
        assertThat(afterSecond.nh3MolPerMl()).isCloseTo(0.1453781512605e-6, within(TOLERANCE));
        assertThat(afterSecond.h2Mol()).isCloseTo(1.0e-6 * 34 / 35 + 2.0e-6, within(TOLERANCE));
        // A second 1 mL aliquot, not replaced: 4.942857 · 33/34 = 4.797479 µmol in 33 mL.
        SimulatedCatholyte afterSecondAliquot = afterSecond.afterAliquot(1, false);
        assertThat(afterSecondAliquot.volumeMl()).isEqualTo(33.0);
        assertThat(afterSecondAliquot.nh3Mol()).isCloseTo(4.797478991597e-6, within(TOLERANCE));
    }

    @Test
    void aReplacedAliquotKeepsTheVolumeAndDilutes() {
        SimulatedCatholyte batch = SimulatedCatholyte.fresh(35).plus(new ProductTally(1, 2.0e-6, 0, 0, 0, 0))
                .afterAliquot(1, true);
        // 2.0 µmol · 34/35 = 1.942857 µmol, still in 35 mL: c = 0.0555102 µmol/mL.
        assertThat(batch.volumeMl()).isEqualTo(35.0);
        assertThat(batch.nh3Mol()).isCloseTo(1.942857142857e-6, within(TOLERANCE));
        assertThat(batch.nh3MolPerMl()).isCloseTo(0.0555102040816e-6, within(TOLERANCE));
    }

    @Test
    void anAliquotAsLargeAsTheBatchIsRefused() {
        assertThatThrownBy(() -> SimulatedCatholyte.fresh(2).afterAliquot(2, false))
                .hasMessage("an aliquot of 2.0 mL cannot be taken from a batch of 2.0 mL");
    }

    @Test
    void theBatchSurvivesTheEventValues() {
        BatchTruth truth = new BatchTruth(2, new ProductTally(1, 2e-6, 0, 0, 0, 0),
                SimulatedCatholyte.fresh(35).plus(new ProductTally(1, 2e-6, 0, 0, 0, 0)), 1,
                SimulatedCatholyte.fresh(35).plus(new ProductTally(1, 2e-6, 0, 0, 0, 0)).afterAliquot(1, true));
        assertThat(BatchTruth.fromValues(truth.asValues())).contains(truth);
        assertThat(ProductTally.fromValues(truth.asValues())).isEqualTo(truth.step());
        assertThat(BatchTruth.fromValues(truth.step().asValues())).isEmpty();
    }
}
