package org.norrlab.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.norrlab.analysis.Plausibility;
import org.norrlab.analysis.Product;
import org.norrlab.store.SessionStore;
import org.norrlab.testing.HandSessions;
import org.norrlab.testing.HandSessions.Step;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Implausible results are marked with * and explained, never printed as if they were fine. Every step passes
 * Q = 10 mA × 100 s = 1 C (cathodic, so −1 C signed) unless it says otherwise; FE = n·z·F / |Q|.
 */
class PlausibilityFlagsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path temp;

    private SessionAnalysis.Result analyze(Step step) throws Exception {
        try (SessionStore store = SessionStore.open(temp.resolve("p.db"))) {
            long id = HandSessions.session(store, "hand", List.of(step));
            return SessionAnalysis.analyze(store, id, SessionAnalysis.Options.DEFAULT);
        }
    }

    private static List<Plausibility> kinds(StepAnalysis step) {
        return step.flags().stream().map(Plausibility.Flag::kind).toList();
    }

    @Test
    void nh3AloneAbove100PercentIsMarkedInTheRowTheReportAndTheJson() throws Exception {
        // 2.2 µmol NH3: 2.2e-6 mol × 5 × 96485.332 C/mol / 1 C = 1.06134 → 106.1 %
        SessionAnalysis.Result result = analyze(Step.of(-0.5, -0.010, Map.of(Product.NH3, 2.2)));
        StepAnalysis step = result.steps().get(0);
        assertThat(kinds(step)).containsExactly(Plausibility.FE_ABOVE_100);
        assertThat(step.flags().get(0).note()).startsWith("FE NH3 = 106.1 %: FE above 100 %: more product than the charge");

        List<String> cells = ResultRows.cells(step);
        assertThat(cells.get(3)).isEqualTo("1.0000");            // |Q| not marked
        assertThat(cells.get(5)).isEqualTo("106.13 ± 0.48 *");   // σ: 0.01/2.2 of 106.13 % = 0.48 %
        assertThat(cells.get(6)).isEqualTo("106.13 ± 0.48 *");   // the sum is NH3 alone
        assertThat(cells.get(7)).doesNotEndWith("*");

        String markdown = ReportWriter.markdown(result);
        assertThat(markdown).contains("| 1.0000 | 2.200 ± 0.010 | 106.13 ± 0.48 * | 106.13 ± 0.48 * |")
                .contains("- Flagged step 1: * FE NH3 = 106.1 %: FE above 100 %");
        JsonNode flags = JSON.readTree(AnalysisExport.json(result)).get("steps").get(0).get("flags");
        assertThat(flags).hasSize(1);
        assertThat(flags.get(0).get("flag").asText()).isEqualTo("fe_above_100");
        assertThat(flags.get(0).get("marks").toString()).isEqualTo("[\"fe_nh3\",\"fe_sum\"]");
        assertThat(flags.get(0).get("note").asText()).startsWith("FE NH3 = 106.1 %");
    }

    @Test
    void aSumAbove100PercentMarksTheSumOnly() throws Exception {
        // NH3 1.5 µmol: 1.5e-6 × 5 × 96485.332 = 0.72364 → 72.36 %; H2 2.0 µmol: 2.0e-6 × 2 × 96485.332 = 0.38594 → 38.59 %;
        // sum 110.96 %
        StepAnalysis step = analyze(Step.of(-0.5, -0.010, Map.of(Product.NH3, 1.5, Product.H2, 2.0))).steps().get(0);
        assertThat(kinds(step)).containsExactly(Plausibility.FE_ABOVE_100);
        assertThat(step.flags().get(0).note()).startsWith("FE sum = 111.0 % (NH3, H2): FE above 100 %");
        List<String> cells = ResultRows.cells(step);
        assertThat(cells.get(5)).doesNotEndWith("*").startsWith("72.36 ±");
        assertThat(cells.get(6)).startsWith("110.96 ±").endsWith(" *");
    }

    @Test
    void aLowSumWithOnlyNh3AssayedNamesTheProductsNotMeasured() throws Exception {
        // 0.5 µmol: 0.5e-6 × 5 × 96485.332 = 0.24121 → 24.1 % < 50 %
        StepAnalysis step = analyze(Step.of(-0.5, -0.010, Map.of(Product.NH3, 0.5))).steps().get(0);
        assertThat(kinds(step)).containsExactly(Plausibility.FE_SUM_LOW_UNMEASURED);
        assertThat(step.flags().get(0).note()).isEqualTo("FE sum = 24.1 % over NH3 only: FE sum below 50 % while"
                + " by-products were not measured (not assayed: NH2OH, N2O, N2, H2); the rest of the charge is unaccounted for");
        assertThat(ResultRows.cells(step).get(6)).endsWith(" *");
        assertThat(ResultRows.cells(step).get(5)).doesNotEndWith("*");
    }

    @Test
    void aStepWithEveryProductAssayedAndAPlausibleFeIsNotFlagged() throws Exception {
        // NH3 1.0 µmol → 48.24 %, H2 1.0 µmol → 19.30 %, the rest 0.1 µmol each: sum well inside 50 … 100 %
        StepAnalysis step = analyze(Step.of(-0.5, -0.010, Map.of(Product.NH3, 1.0, Product.H2, 1.0, Product.N2O, 0.1,
                Product.N2, 0.1, Product.NH2OH, 0.1))).steps().get(0);
        assertThat(step.flags()).isEmpty();
        assertThat(ResultRows.cells(step)).noneMatch(c -> c.endsWith("*"));
    }

    @Test
    void fewerThan90PercentOfThePlannedSamplesMarksTheCharge() throws Exception {
        // 80 of 100 samples, NH3 1.0 µmol over Q = 10 mA × 80 s = 0.8 C → 60.3 %, every other product 0.1 µmol
        Map<Product, Double> all = Map.of(Product.NH3, 1.0, Product.H2, 0.1, Product.N2O, 0.1, Product.N2, 0.1,
                Product.NH2OH, 0.1);
        StepAnalysis step = analyze(new Step(-0.5, -0.010, 80, all)).steps().get(0);
        assertThat(kinds(step)).containsExactly(Plausibility.FEW_SAMPLES);
        assertThat(step.flags().get(0).note()).isEqualTo("80 of 100 planned samples (80 %): fewer than 90 % of the planned"
                + " samples: Q and yield cover only the recorded part");
        assertThat(ResultRows.cells(step).get(3)).isEqualTo("0.80000 *");
        assertThat(ResultRows.cells(step).get(7)).endsWith(" *");

        // 90 of 100 is not below 90 %: the note on the missing samples stays, the flag does not come
        StepAnalysis ninety = analyze(new Step(-0.5, -0.010, 90, all)).steps().get(0);
        assertThat(ninety.flags()).isEmpty();
        assertThat(ninety.notes()).anyMatch(n -> n.startsWith("step completed with 90 of 100 planned samples"));
    }

    @Test
    void anOxidisingChargeOnAReductionStepIsFlaggedNotHiddenByItsMagnitude() throws Exception {
        // +10 mA for 100 s: Q = +1 C; |Q| gives 1.0 µmol NH3 an FE of 48.24 %, which must not pass as a result
        Map<Product, Double> all = Map.of(Product.NH3, 1.0, Product.H2, 1.0, Product.N2O, 0.1, Product.N2, 0.1,
                Product.NH2OH, 0.1);
        SessionAnalysis.Result result = analyze(Step.of(-0.5, +0.010, all));
        StepAnalysis step = result.steps().get(0);
        assertThat(kinds(step)).containsExactly(Plausibility.OXIDISING_CHARGE);
        assertThat(step.flags().get(0).note()).startsWith("Q = +1.0000 C: net oxidising charge on a reduction step");
        List<String> cells = ResultRows.cells(step);
        assertThat(cells.get(3)).isEqualTo("1.0000 *");
        assertThat(cells.get(5)).startsWith("48.24 ±").endsWith(" *");
        assertThat(cells.get(6)).endsWith(" *");
        assertThat(cells.get(7)).endsWith(" *");
        assertThat(ResultText.flagNotes(result.steps())).containsExactly("step 1: * " + step.flags().get(0).note());
    }
}
