package org.norrlab.report;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.norrlab.analysis.Assay;
import org.norrlab.analysis.Measure;
import org.norrlab.analysis.Product;
import org.norrlab.analysis.ProductResult;
import org.norrlab.core.BadInputException;
import org.norrlab.plan.Electrolyte;
import org.norrlab.store.SessionStore;
import org.norrlab.store.StoredAliquot;
import org.norrlab.testing.AccumulatingSweep;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/**
 * A 4-step accumulating sweep built through the store: V₀ = 35 mL (Fixtures.cellAtPh7), 1 cm², each CA step 100 s at
 * 40 mA (Q = 4.0 C), concentrations assayed after the steps 0.10, 0.25, 0.38, 0.50 ± 0.005 mM, a 1 mL aliquot after
 * each step. FE_k = 5·F·n_k/Q_k = 5 · 96485.332 C/mol · n_k / 4.0 C = 0.120606665 per µmol of n_k.
 */
class AccumulatingAnalysisTest {
    private static final double FE_PER_MICROMOLE = 5 * 96485.332 / 4.0 * 1e-6;
    private static final double[] C = {0.10, 0.25, 0.38, 0.50};

    @TempDir
    Path temp;

    private static Assay concentration(int step, double mM) {
        return new Assay(0, step, Product.NH3, Assay.Kind.CONCENTRATION, new Measure(mM, 0.005), "mM", Optional.empty(), 1,
                0, Optional.empty(), Optional.empty(), Optional.empty(), "op", "", Instant.now());
    }

    /** The four-step sweep with an aliquot after each step, every step assayed at mM[k − 1], analysed. */
    private static SessionAnalysis.Result analysedSweep(SessionStore store, Electrolyte.Mode mode, boolean replaced,
            double[] mM) throws Exception {
        long id = AccumulatingSweep.session(store, mode, List.of(1, 2, 3, 4), replaced);
        assayAll(store, id, mM);
        return SessionAnalysis.analyze(store, id, SessionAnalysis.Options.DEFAULT);
    }

    private static void assayAll(SessionStore store, long id, double[] mM) throws Exception {
        for (int k = 1; k <= 4; k++) {
            store.assays().addAssay(id, concentration(k, mM[k - 1]));
        }
    }

    private static ProductResult nh3(SessionAnalysis.Result result, int position) {
        return result.steps().get(position).outcome().products().get(Product.NH3);
    }

    @Test
    void eachStepOfANotReplacedSweepGetsItsOwnDifferenceAndFe() throws Exception {
        try (SessionStore store = SessionStore.open(temp.resolve("a.db"))) {
            SessionAnalysis.Result result = analysedSweep(store, Electrolyte.Mode.ACCUMULATE, false, C);
            assertThat(result.steps()).extracting(s -> s.charge().coulombs())
                    .allSatisfy(q -> assertThat(q).isCloseTo(4.0, within(1e-12)));
            // n = 3.5, 5.1, 4.29, 3.84 µmol (V = 35, 34, 33, 32 mL; see ElectrolyteBatchTest)
            // FE = 0.120606665 · n: 0.42212333, 0.61509399, 0.51740259, 0.46312959
            double[] fe = {0.4221233275, 0.6150939915, 0.51740259285, 0.4631295936};
            for (int k = 0; k < 4; k++) {
                assertThat(nh3(result, k).faradaicEfficiency().value()).isCloseTo(fe[k], within(1e-9));
            }
            // σ(n₂) with the 1 % volume σ: √((0.15·0.35)² + (0.15·0.01)² + 2·(34·0.005)²) = √0.0605585 = 0.246086 µmol,
            // σ(FE₂) = 0.246086 · 0.120606665 = 0.0296796
            assertThat(nh3(result, 1).faradaicEfficiency().sigma()).isCloseTo(Math.sqrt(0.0605585) * FE_PER_MICROMOLE,
                    within(1e-9));
            // yield of step 2 = 5.1 µmol / 100 s / 1 cm² = 183.6 µmol h⁻¹ cm⁻²
            assertThat(result.steps().get(1).outcome().nh3Yield().orElseThrow().micromolPerHourPerCm2().value())
                    .isCloseTo(183.6, within(1e-9));
            assertThat(result.electrolyte().mode()).isEqualTo(Electrolyte.Mode.ACCUMULATE);
            assertThat(result.electrolyte().aliquots()).extracting(StoredAliquot::afterStep).containsExactly(1, 2, 3, 4);
            // step 1: n₁ = c₁V₀, σ² = (35·0.005)² + (0.10·0.35)² = 0.030625 + 0.001225 = 0.03185, σ = 0.178 µmol
            assertThat(result.electrolyte().lines()).extracting(ElectrolyteRows::line).first()
                    .isEqualTo(List.of("1", "1", "NH3", "35.00", "3.500 ± 0.178", "3.500 ± 0.178", "3.500 ± 0.178"));
            assertThat(result.electrolyte().rows()).isEmpty();
        }
    }

    @Test
    void replacedAliquotsKeepTheVolume() throws Exception {
        try (SessionStore store = SessionStore.open(temp.resolve("r.db"))) {
            SessionAnalysis.Result result = analysedSweep(store, Electrolyte.Mode.ACCUMULATE, true, C);
            // n = 3.5, 5.35, 4.8, 4.58 µmol → FE = 0.120606665 · n
            double[] n = {3.5, 5.35, 4.8, 4.58};
            for (int k = 0; k < 4; k++) {
                assertThat(nh3(result, k).amount().amount().micromoles()).isCloseTo(n[k], within(1e-9));
                assertThat(nh3(result, k).faradaicEfficiency().value()).isCloseTo(n[k] * FE_PER_MICROMOLE, within(1e-9));
            }
        }
    }

    @Test
    void aStepWhoseDifferenceIsBelowTwoSigmaIsShownBelowLodWithoutFe() throws Exception {
        try (SessionStore store = SessionStore.open(temp.resolve("lod.db"))) {
            // n₃ = (0.255 − 0.25)·33 = 0.165 µmol < 2σ = 2·√(2·(33·0.005)² + (0.005·0.35)² + ...) ≈ 0.467 µmol
            SessionAnalysis.Result result = analysedSweep(store, Electrolyte.Mode.ACCUMULATE, false, new double[] {0.10, 0.25, 0.255, 0.50});
            List<String> row = ResultRows.cells(result.steps().get(2));
            assertThat(row.subList(4, 6)).containsExactly("<LOD", "<LOD");
            assertThat(result.steps().get(2).notes()).anyMatch(note -> note.startsWith(
                    "NH3 in batch 1: made 0.1650 ± 0.23 µmol, below 2σ of the difference"));
            // n₄ = (0.50 − 0.255)·32 = 7.84 µmol; σ² = 2·(32·0.005)² + (0.245·0.35)² + 3·(0.245·0.01)²
            //    = 0.0512 + 0.00735306 + 0.00001801 = 0.05857107, σ = 0.242 µmol
            assertThat(ResultRows.cells(result.steps().get(3)).get(4)).isEqualTo("7.840 ± 0.242");
        }
    }

    @Test
    void aBatchWithoutAliquotsGivesOneFeOverItsStepsAndNonePerStep() throws Exception {
        try (SessionStore store = SessionStore.open(temp.resolve("one.db"))) {
            long id = AccumulatingSweep.session(store, Electrolyte.Mode.ACCUMULATE, List.of(), false);
            store.assays().addAssay(id, concentration(4, 0.50));
            SessionAnalysis.Result result = SessionAnalysis.analyze(store, id, SessionAnalysis.Options.DEFAULT);
            for (StepAnalysis step : result.steps()) {
                assertThat(step.outcome().products()).doesNotContainKey(Product.NH3);
                assertThat(step.notes()).contains(
                        "NH3: per-step FE not available: one batch over steps 1–4 without aliquots; see the batch row");
            }
            // n = 0.50 mM · 35 mL = 17.5 µmol over Q = 4 · 4.0 = 16.0 C: FE = 5·96485.332·17.5e-6/16 = 0.527654;
            // σ(n) = √((35·0.005)² + (0.50·0.35)²) = 0.247487 µmol → σ(FE) = 0.527654·0.247487/17.5 = 0.00746;
            // yield 17.5 µmol / 400 s · 3600 s/h / 1 cm² = 157.5 ± 2.227 µmol h⁻¹ cm⁻²
            assertThat(result.electrolyte().rows()).singleElement().satisfies(row -> {
                assertThat(row.segment().steps()).containsExactly(1, 2, 3, 4);
                assertThat(row.charge().coulombs()).isCloseTo(16.0, within(1e-9));
                assertThat(row.durationSeconds()).isEqualTo(400.0);
                assertThat(row.outcome().orElseThrow().products().get(Product.NH3).faradaicEfficiency().value())
                        .isCloseTo(5 * 96485.332 * 17.5e-6 / 16.0, within(1e-12));
            });
            assertThat(ElectrolyteRows.row(result.electrolyte().rows().get(0)))
                    .containsExactly("1", "NH3", "1–4", "16.000", "400.0", "17.500 ± 0.247", "52.77 ± 0.75", "157.500 ± 2.227");
            assertThat(ElectrolyteRows.rowLegend(result.electrolyte().rows())).isEqualTo("Steps counted together (no"
                    + " aliquot between them): one FE over them, the charge summed over their CA steps and the yield over"
                    + " their summed time.");
        }
    }

    @Test
    void aBatchRowWhoseAliquotsLostTheirAssaysSaysSoNotThatThereWasNoAliquot() throws Exception {
        try (SessionStore store = SessionStore.open(temp.resolve("removed.db"))) {
            // aliquots after every step, but the assays of steps 2 and 3 removed: steps 2–4 can only be counted together
            long id = AccumulatingSweep.session(store, Electrolyte.Mode.ACCUMULATE, List.of(1, 2, 3, 4), false);
            assayAll(store, id, C);
            for (Assay assay : store.assays().currentAssays(id)) {
                if (assay.stepIndex() == 2 || assay.stepIndex() == 3) {
                    store.corrections().removeAssay(assay.id(), "NH3 after step " + assay.stepIndex(), "spilled", "op");
                }
            }
            SessionAnalysis.Result result = SessionAnalysis.analyze(store, id, SessionAnalysis.Options.DEFAULT);
            assertThat(result.electrolyte().rows()).singleElement()
                    .satisfies(row -> assertThat(row.segment().steps()).containsExactly(2, 3, 4));
            String legend = ElectrolyteRows.rowLegend(result.electrolyte().rows());
            assertThat(legend).isEqualTo("Steps counted together (no assay of the aliquot between them): one FE over"
                    + " them, the charge summed over their CA steps and the yield over their summed time.");
            assertThat(ReportWriter.markdown(result)).contains(legend).doesNotContain("no aliquot between them");
        }
    }

    @Test
    void anAmountAssayInAnAccumulatingBatchIsRefused() throws Exception {
        try (SessionStore store = SessionStore.open(temp.resolve("amt.db"))) {
            long id = AccumulatingSweep.session(store, Electrolyte.Mode.ACCUMULATE, List.of(1), false);
            long assay = store.assays().addAssay(id, new Assay(0, 1, Product.NH3, Assay.Kind.AMOUNT, new Measure(3.5, 0.1),
                    "µmol", Optional.empty(), 1, 0, Optional.empty(), Optional.empty(), Optional.empty(), "op", "", Instant.now()));
            assertThatThrownBy(() -> SessionAnalysis.analyze(store, id, SessionAnalysis.Options.DEFAULT))
                    .isInstanceOf(BadInputException.class)
                    .hasMessage("assay " + assay + " gives an amount of NH3 after step 1, but step 1 runs in accumulating"
                            + " electrolyte batch 1, where an amount is ambiguous (in the aliquot, or in the whole cell?):"
                            + " give the concentration or the absorbance of the catholyte after step 1 instead"
                            + " ('norrlab assay add SESSION --step 1 …')");
        }
    }

    @Test
    void aRefreshSessionWithTheSameAssaysIsAnalysedPerStepAsBefore() throws Exception {
        try (SessionStore store = SessionStore.open(temp.resolve("ref.db"))) {
            SessionAnalysis.Result result = analysedSweep(store, Electrolyte.Mode.REFRESH, false, C);
            // each step its own fresh 35 mL: n₂ = 0.25 mM · 35 mL = 8.75 µmol
            assertThat(nh3(result, 1).amount().amount().micromoles()).isCloseTo(8.75, within(1e-9));
            assertThat(result.electrolyte().lines()).isEmpty();
            assertThat(result.electrolyte().aliquots()).hasSize(4);
        }
    }
}
