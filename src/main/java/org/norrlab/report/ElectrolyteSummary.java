package org.norrlab.report;

import org.norrlab.analysis.Charge;
import org.norrlab.analysis.ElectrolyteBatch;
import org.norrlab.analysis.FaradaicAnalysis;
import org.norrlab.analysis.Measure;
import org.norrlab.analysis.Product;
import org.norrlab.plan.Electrolyte;
import org.norrlab.store.StoredAliquot;

import java.util.List;
import java.util.Optional;

/**
 * What the analysis says about a session's catholyte: its mode, the aliquots taken, and for an accumulating
 * session each step's place in its batch and the rows for stretches of steps that can only be counted together.
 *
 * @param lines one per CA step of an accumulating batch and dissolved product that was assayed in it
 * @param rows  one FE over several steps of a batch (no aliquot between them), where per-step FE is not available
 */
public record ElectrolyteSummary(Electrolyte.Mode mode, List<StoredAliquot> aliquots, List<Line> lines, List<Row> rows) {
    public ElectrolyteSummary {
        aliquots = List.copyOf(aliquots);
        lines = List.copyOf(lines);
        rows = List.copyOf(rows);
    }

    public static final ElectrolyteSummary REFRESH = new ElectrolyteSummary(Electrolyte.Mode.REFRESH, List.of(), List.of(),
            List.of());

    /**
     * @param volumeMl   V_k, the catholyte volume during the step
     * @param inCell     c_k·V_k, mol in the cell after the step and before its aliquot (when assayed)
     * @param cumulative P_k, mol made since the batch began (when it and every earlier aliquot were assayed)
     * @param segment    the stretch of steps the step's product is counted in (empty before any assay of it)
     */
    public record Line(int stepIndex, int batch, Product product, Measure volumeMl, Optional<Measure> inCell,
                       Optional<Measure> cumulative, Optional<ElectrolyteBatch.Segment> segment) {
    }

    /** One FE over the steps of a stretch: charge summed over them, yield over their summed time. */
    public record Row(int batch, Product product, ElectrolyteBatch.Segment segment, Charge charge, double durationSeconds,
                      Optional<FaradaicAnalysis.Outcome> outcome) {
    }
}
