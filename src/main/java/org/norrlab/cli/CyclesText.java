package org.norrlab.cli;

import org.norrlab.analysis.Measure;
import org.norrlab.analysis.StabilityCycles;
import org.norrlab.report.ResultText;
import org.norrlab.report.StabilityAnalysis;
import org.norrlab.report.TextTable;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** {@code analyze --cycles} as a table: one per repeat block and potential, then mean, SD and change. */
final class CyclesText {
    private CyclesText() {
    }

    static void print(PrintWriter out, long sessionId, List<StabilityAnalysis.Block> blocks) {
        for (StabilityAnalysis.Block block : blocks) {
            for (StabilityCycles.Series series : block.series()) {
                out.printf(Locale.ROOT, "Session %d, repeat block '%s' (%d cycles planned, %d with a CA step) at %.3f V vs RHE%n",
                        sessionId, block.label(), block.plannedCycles(), series.cycles().size(), series.voltsVsRhe());
                TextTable table = new TextTable("cycle", "steps", "t (s)", "|Q| (C)", "FE NH3 (%)", "FE sum (%)",
                        "NH3 yield (µmol h⁻¹ cm⁻²)");
                for (StabilityCycles.Cycle cycle : series.cycles()) {
                    table.row(String.valueOf(cycle.cycle()), String.join("+", cycle.steps().stream().map(String::valueOf).toList()),
                            String.format(Locale.ROOT, "%.1f", cycle.seconds()),
                            String.format(Locale.ROOT, "%.5g", cycle.charge().coulombs()),
                            text(cycle.nh3FaradaicEfficiency(), 100, 2), text(cycle.faradaicEfficiencySum(), 100, 2),
                            text(cycle.nh3Yield(), 1, 3));
                }
                table.print(out);
                spread(out, "FE NH3", series.nh3FaradaicEfficiency(), 100, "%");
                spread(out, "FE sum", series.faradaicEfficiencySum(), 100, "%");
                spread(out, "NH3 yield", series.nh3Yield(), 1, "µmol h⁻¹ cm⁻²");
                for (StabilityCycles.Cycle cycle : series.cycles()) {
                    cycle.notes().forEach(n -> out.printf(Locale.ROOT, "cycle %d: %s%n", cycle.cycle(), n));
                }
            }
        }
        out.println("How: " + StabilityAnalysis.METHOD + ".");
        out.println("± per cycle is one standard deviation from the calibration fit, dilution and volume.");
    }

    private static String text(Optional<Measure> m, double scale, int decimals) {
        return m.map(v -> ResultText.measure(v, scale, decimals)).orElse("n/a");
    }

    private static void spread(PrintWriter out, String what, StabilityCycles.Spread spread, double scale, String unit) {
        if (spread.n() == 0) {
            out.printf(Locale.ROOT, "%s: not available in any cycle%n", what);
            return;
        }
        out.printf(Locale.ROOT, "%s over %d cycles: mean %s %s, SD %s, change first → last %s%n", what, spread.n(),
                number(spread.mean() * scale, 3), unit, Double.isNaN(spread.standardDeviation()) ? "n/a (one cycle)"
                        : number(spread.standardDeviation() * scale, 3),
                Double.isNaN(spread.relativeChangePercent()) ? "n/a (needs the first and the last cycle)"
                        : String.format(Locale.ROOT, "%+.1f %%", spread.relativeChangePercent()));
    }

    private static String number(double value, int decimals) {
        return String.format(Locale.ROOT, "%." + decimals + "f", value);
    }
}
