package org.norrlab.report;

import org.norrlab.analysis.Plausibility.Marked;
import org.norrlab.analysis.Product;
import org.norrlab.analysis.ProductResult;

import java.util.List;
import java.util.Locale;

/** The per-step FE/yield table as text cells, the same in the terminal and in the window. */
public final class ResultRows {
    public static final List<String> HEADERS = List.of("step", "E vs RHE (V)", "t (s)", "|Q| (C)", "NH3 (µmol)",
            "FE NH3 (%)", "FE sum (%)", "NH3 yield (µmol h⁻¹ cm⁻²)", "(mol s⁻¹ cm⁻²)", "(µg h⁻¹ mg⁻¹)");

    private ResultRows() {
    }

    /**
     * One row: NH3 columns show "—" when the step has no NH3 result; ± is one sigma, * marks a value an assay flag or a
     * plausibility flag concerns (the notes say which).
     */
    public static List<String> cells(StepAnalysis step) {
        ProductResult nh3 = step.outcome().products().get(Product.NH3);
        var yield = step.outcome().nh3Yield();
        return List.of(String.valueOf(step.step().index()), String.format(Locale.ROOT, "%.3f", step.step().voltsVsRhe()),
                String.format(Locale.ROOT, "%.1f", step.durationSeconds()),
                ResultText.marked(String.format(Locale.ROOT, "%.5g", step.charge().coulombs()), step.marked(Marked.CHARGE)),
                nh3 == null ? "—" : ResultText.flagged(nh3, nh3.amount().amount().moles(), 1e6, 3),
                nh3 == null ? "—" : ResultText.marked(ResultText.flagged(nh3, nh3.faradaicEfficiency(), 100, 2),
                        step.marked(Marked.FE_NH3)),
                ResultText.marked(ResultText.sum(step.outcome().products().values(), step.outcome().faradaicEfficiencySum()),
                        step.marked(Marked.FE_SUM)),
                nh3 == null ? "—" : ResultText.marked(ResultText.flagged(nh3, yield.orElseThrow().micromolPerHourPerCm2(), 1, 3),
                        step.marked(Marked.YIELD)),
                nh3 == null ? "—" : ResultText.scientific(nh3, yield.orElseThrow().molPerSecondPerCm2().value()),
                nh3 == null ? "—" : ResultText.scientific(nh3, yield.orElseThrow().microgramPerHourPerMgCatalyst().value()));
    }
}
