package org.norrlab.report;

import org.norrlab.analysis.AssayFlag;
import org.norrlab.analysis.ElectrolyteBatch;
import org.norrlab.analysis.Measure;
import org.norrlab.analysis.ProductResult;
import org.norrlab.plan.Electrolyte;
import org.norrlab.store.StoredAliquot;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The electrolyte's mode, aliquot table and batch tables as text cells, the same in the terminal and the report. */
public final class ElectrolyteRows {
    public static final List<String> ALIQUOT_HEADERS = List.of("after step", "volume (mL)", "replaced", "taken by", "note");
    public static final List<String> LINE_HEADERS = List.of("step", "batch", "product", "V (mL)", "in cell (µmol)",
            "since batch start (µmol)", "made in step (µmol)");
    public static final List<String> ROW_HEADERS = List.of("batch", "product", "steps", "|Q| (C)", "t (s)", "made (µmol)",
            "FE (%)", "yield (µmol h⁻¹ cm⁻²)");
    public static final String LINE_LEGEND = "V is the catholyte volume during the step (the session's electrolyte volume"
            + " less the aliquots not replaced), in cell c·V after the step before its aliquot, since batch start that"
            + " plus what earlier aliquots took away; made in step is the difference to the previous assayed step.";
    private static final String ROW_LEGEND_REST = ": one FE over them, the charge summed over their CA steps and the"
            + " yield over their summed time.";

    /**
     * The legend under the batch rows, saying why their steps are counted together: no aliquot was taken between
     * them, or one was taken but its assay is missing (removed, or never added). Saying "no aliquot" of the second
     * would tell the reader an aliquot they took does not exist.
     */
    public static String rowLegend(List<ElectrolyteSummary.Row> rows) {
        boolean withAliquot = rows.stream().anyMatch(r -> r.segment().aliquotsInside());
        boolean withoutAliquot = rows.stream().anyMatch(r -> !r.segment().aliquotsInside());
        String why = withAliquot && withoutAliquot ? "no aliquot between them, or no assay of the aliquot between them"
                : withAliquot ? "no assay of the aliquot between them" : "no aliquot between them";
        return "Steps counted together (" + why + ")" + ROW_LEGEND_REST;
    }

    private ElectrolyteRows() {
    }

    public static String mode(Electrolyte.Mode mode) {
        return switch (mode) {
            case REFRESH -> "refresh (fresh catholyte for every CA step: each step's assay is what that step made)";
            case ACCUMULATE -> "accumulate (one catholyte batch over several steps: each step made the difference of"
                    + " the batch's amounts, corrected for the aliquots taken)";
        };
    }

    public static List<String> aliquot(StoredAliquot aliquot) {
        return List.of(String.valueOf(aliquot.afterStep()),
                new BigDecimal(Double.toString(aliquot.volumeMl())).stripTrailingZeros().toPlainString(),
                aliquot.replaced() ? "yes" : "no", aliquot.takenBy().written(), aliquot.note());
    }

    public static List<String> line(ElectrolyteSummary.Line line) {
        return List.of(String.valueOf(line.stepIndex()), String.valueOf(line.batch()), line.product().name(),
                String.format(Locale.ROOT, "%.2f", line.volumeMl().value()), micromoles(line.inCell()),
                micromoles(line.cumulative()), made(line.segment()));
    }

    public static List<String> row(ElectrolyteSummary.Row row) {
        Optional<ProductResult> result = row.outcome().map(o -> o.products().get(row.product()));
        return List.of(String.valueOf(row.batch()), row.product().name(),
                row.segment().first() + "–" + row.segment().last(), String.format(Locale.ROOT, "%.5g", row.charge().coulombs()),
                String.format(Locale.ROOT, "%.1f", row.durationSeconds()),
                result.map(r -> ResultText.flagged(r, r.amount().amount().moles(), 1e6, 3)).orElse("not available"),
                result.map(r -> ResultText.flagged(r, r.faradaicEfficiency(), 100, 2)).orElse("—"),
                result.flatMap(r -> row.outcome().flatMap(o -> o.nh3Yield()).map(y -> ResultText.flagged(r,
                        y.micromolPerHourPerCm2(), 1, 3))).orElse("—"));
    }

    private static String micromoles(Optional<Measure> moles) {
        return moles.map(m -> ResultText.measure(m, 1e6, 3)).orElse("—");
    }

    private static String made(Optional<ElectrolyteBatch.Segment> segment) {
        if (segment.isEmpty()) {
            return "— (no assay yet)";
        }
        ElectrolyteBatch.Segment s = segment.get();
        if (s.steps().size() > 1) {
            return "steps " + s.first() + "–" + s.last() + ": see the batch row";
        }
        if (s.produced().isEmpty()) {
            return "not available";
        }
        if (s.flags().stream().anyMatch(AssayFlag::hidesValue)) {
            return "<LOD";
        }
        String text = ResultText.measure(s.produced().get(), 1e6, 3);
        return s.flags().isEmpty() ? text : text + " *";
    }
}
