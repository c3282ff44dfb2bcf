package org.norrlab.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.norrlab.analysis.Measure;
import org.norrlab.analysis.Product;
import org.norrlab.analysis.ProductAmount;
import org.norrlab.analysis.ProductResult;
import org.norrlab.analysis.StabilityCycles;
import org.norrlab.store.StoredStep;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The stability view of a session: its repeat blocks, each cycle's CA steps summed ({@link StabilityCycles}).
 * Built from the per-step analysis, so controls, flags and the electrolyte model apply as they do per step.
 */
public final class StabilityAnalysis {
    /** What every cycles output says about how a cycle's numbers were made. */
    public static final String METHOD = "per cycle, the charge of the cycle's CA steps at one potential is summed and"
            + " their products are summed; FE and yield come from those sums; mean and SD (n − 1) over the cycles;"
            + " change = (last cycle − first cycle) / first cycle";

    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** One repeat block: its label, the cycles the protocol planned, and one series per potential. */
    public record Block(String label, int plannedCycles, List<StabilityCycles.Series> series) {
        public Block {
            series = List.copyOf(series);
        }
    }

    private StabilityAnalysis() {
    }

    /** The session's repeat blocks in protocol order; empty when it has none (or none with a CA step). */
    public static List<Block> of(SessionAnalysis.Result result) {
        Map<String, List<StabilityCycles.CaStep>> byBlock = new LinkedHashMap<>();
        Map<String, Integer> planned = new LinkedHashMap<>();
        for (StepAnalysis step : result.steps()) {
            StoredStep stored = step.step();
            if (!stored.inRepeat()) {
                continue;
            }
            Map<Product, ProductAmount> amounts = new EnumMap<>(Product.class);
            Set<Product> subtracted = EnumSet.noneOf(Product.class);
            for (ProductResult p : step.outcome().products().values()) {
                amounts.put(p.product(), p.amount());
                if (p.controlSubtracted()) {
                    subtracted.add(p.product());
                }
            }
            byBlock.computeIfAbsent(stored.block(), k -> new ArrayList<>()).add(new StabilityCycles.CaStep(
                    stored.index(), stored.cycle(), stored.voltsVsRhe(), step.charge(), step.durationSeconds(),
                    amounts, subtracted));
            planned.put(stored.block(), stored.cycles());
        }
        var cell = result.session().cell();
        List<Block> blocks = new ArrayList<>();
        byBlock.forEach((label, steps) -> blocks.add(new Block(label, planned.get(label),
                StabilityCycles.evaluate(steps, cell.electrodeAreaCm2(), cell.catalystLoadingMgPerCm2()))));
        return blocks;
    }

    public static String json(SessionAnalysis.Result result, List<Block> blocks) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("format", "norrlab-cycles");
        root.put("format_version", 1);
        root.put("session", result.session().id());
        root.put("protocol", result.session().protocolName());
        root.put("method", METHOD);
        root.put("uncertainty", "per cycle: one standard deviation, propagated from calibration fit, dilution and volume;"
                + " over cycles: the sample standard deviation of the cycles' values");
        ArrayNode out = root.putArray("blocks");
        for (Block block : blocks) {
            ObjectNode b = out.addObject();
            b.put("block", block.label());
            b.put("planned_cycles", block.plannedCycles());
            ArrayNode seriesNode = b.putArray("series");
            for (StabilityCycles.Series series : block.series()) {
                ObjectNode s = seriesNode.addObject();
                s.put("E_vs_RHE_V", series.voltsVsRhe());
                ArrayNode cycles = s.putArray("cycles");
                for (StabilityCycles.Cycle cycle : series.cycles()) {
                    ObjectNode c = cycles.addObject();
                    c.put("cycle", cycle.cycle());
                    ArrayNode steps = c.putArray("steps");
                    cycle.steps().forEach(steps::add);
                    c.put("charge_C", cycle.charge().coulombs());
                    c.put("duration_s", cycle.seconds());
                    measure(c, "faradaic_efficiency_NH3", cycle.nh3FaradaicEfficiency());
                    measure(c, "faradaic_efficiency_sum", cycle.faradaicEfficiencySum());
                    measure(c, "nh3_yield_umol_h-1_cm-2", cycle.nh3Yield());
                    ArrayNode notes = c.putArray("notes");
                    cycle.notes().forEach(notes::add);
                }
                spread(s.putObject("faradaic_efficiency_NH3"), series.nh3FaradaicEfficiency());
                spread(s.putObject("faradaic_efficiency_sum"), series.faradaicEfficiencySum());
                spread(s.putObject("nh3_yield_umol_h-1_cm-2"), series.nh3Yield());
            }
        }
        try {
            return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the cycles as JSON", e);
        }
    }

    private static void measure(ObjectNode node, String field, Optional<Measure> m) {
        if (m.isEmpty() || Double.isNaN(m.get().value())) {
            node.putNull(field);
            node.putNull(field + "_sd");
        } else {
            node.put(field, m.get().value());
            node.put(field + "_sd", m.get().sigma());
        }
    }

    private static void spread(ObjectNode node, StabilityCycles.Spread spread) {
        node.put("n", spread.n());
        number(node, "mean", spread.mean());
        number(node, "sd", spread.standardDeviation());
        number(node, "change_first_to_last_percent", spread.relativeChangePercent());
    }

    private static void number(ObjectNode node, String field, double value) {
        if (Double.isNaN(value)) {
            node.putNull(field);
        } else {
            node.put(field, value);
        }
    }
}
