package org.norrlab.report;

import org.norrlab.analysis.Measure;
import org.norrlab.analysis.StabilityCycles;
import org.norrlab.figures.FigureOutput;
import org.norrlab.figures.StabilityFigure;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The report's stability part: a bar chart per repeat block (stability.png/.svg) and a table of cycles in summary.md. */
final class StabilityReport {
    private StabilityReport() {
    }

    /** The files base names, one per block: "stability" for the usual single block. */
    static List<String> names(List<StabilityAnalysis.Block> blocks) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < blocks.size(); i++) {
            names.add(blocks.size() == 1 ? "stability" : "stability-" + (i + 1));
        }
        return names;
    }

    static List<Path> write(SessionAnalysis.Result result, List<StabilityAnalysis.Block> blocks, Path directory,
                            FigureOutput output) throws IOException {
        List<Path> files = new ArrayList<>();
        List<String> names = names(blocks);
        for (int i = 0; i < blocks.size(); i++) {
            StabilityAnalysis.Block block = blocks.get(i);
            files.addAll(output.write(StabilityFigure.chart(output.style(), title(result, block), bars(block)), directory,
                    names.get(i)));
        }
        return files;
    }

    static String title(SessionAnalysis.Result result, StabilityAnalysis.Block block) {
        String potential = block.series().size() == 1
                ? String.format(Locale.ROOT, " at %.2f V vs RHE", block.series().get(0).voltsVsRhe()) : "";
        return "Session " + result.session().id() + ": stability, " + block.plannedCycles() + " cycles of '"
                + block.label() + "'" + potential;
    }

    static List<StabilityFigure.Bar> bars(StabilityAnalysis.Block block) {
        List<StabilityFigure.Bar> bars = new ArrayList<>();
        for (StabilityCycles.Series series : block.series()) {
            for (StabilityCycles.Cycle cycle : series.cycles()) {
                Optional<Measure> fe = cycle.nh3FaradaicEfficiency();
                Optional<Measure> yield = cycle.nh3Yield();
                bars.add(new StabilityFigure.Bar(series.voltsVsRhe(), cycle.cycle(),
                        fe.map(m -> m.value() * 100).orElse(Double.NaN), fe.map(m -> m.sigma() * 100).orElse(Double.NaN),
                        yield.map(Measure::value).orElse(Double.NaN), yield.map(Measure::sigma).orElse(Double.NaN)));
            }
        }
        return bars;
    }

    static String markdown(SessionAnalysis.Result result, List<StabilityAnalysis.Block> blocks) {
        StringBuilder md = new StringBuilder();
        List<String> names = names(blocks);
        for (int i = 0; i < blocks.size(); i++) {
            StabilityAnalysis.Block block = blocks.get(i);
            md.append("\n## Stability: repeat block '").append(block.label()).append("'\n\n");
            md.append("![FE and NH3 yield per cycle](").append(names.get(i)).append(".png)\n\n");
            md.append("How: ").append(StabilityAnalysis.METHOD).append(".\n\n");
            for (StabilityCycles.Series series : block.series()) {
                md.append(String.format(Locale.ROOT, "### %.3f V vs RHE%n%n", series.voltsVsRhe()));
                md.append("| cycle | steps | t (s) | \\|Q\\| (C) | FE NH3 (%) | FE sum (%) | NH3 yield (µmol h⁻¹ cm⁻²) |\n");
                md.append("|---|---|---|---|---|---|---|\n");
                for (StabilityCycles.Cycle cycle : series.cycles()) {
                    md.append(String.format(Locale.ROOT, "| %d | %s | %.1f | %.5g | %s | %s | %s |%n", cycle.cycle(),
                            String.join(", ", cycle.steps().stream().map(String::valueOf).toList()), cycle.seconds(),
                            cycle.charge().coulombs(), text(cycle.nh3FaradaicEfficiency(), 100, 2),
                            text(cycle.faradaicEfficiencySum(), 100, 2), text(cycle.nh3Yield(), 1, 3)));
                }
                md.append('\n');
                spread(md, "FE NH3", series.nh3FaradaicEfficiency(), 100, "%");
                spread(md, "FE sum", series.faradaicEfficiencySum(), 100, "%");
                spread(md, "NH3 yield", series.nh3Yield(), 1, "µmol h⁻¹ cm⁻²");
                for (StabilityCycles.Cycle cycle : series.cycles()) {
                    cycle.notes().forEach(n -> md.append("- Cycle ").append(cycle.cycle()).append(": ").append(n).append('\n'));
                }
            }
        }
        return md.toString();
    }

    private static String text(Optional<Measure> m, double scale, int decimals) {
        return m.map(v -> ResultText.measure(v, scale, decimals)).orElse("n/a");
    }

    private static void spread(StringBuilder md, String what, StabilityCycles.Spread spread, double scale, String unit) {
        if (spread.n() == 0) {
            md.append("- ").append(what).append(": not available in any cycle\n");
            return;
        }
        md.append(String.format(Locale.ROOT, "- %s over %d cycles: mean %.3f %s, SD %s, change first → last %s%n", what,
                spread.n(), spread.mean() * scale, unit,
                Double.isNaN(spread.standardDeviation()) ? "n/a" : String.format(Locale.ROOT, "%.3f", spread.standardDeviation() * scale),
                Double.isNaN(spread.relativeChangePercent()) ? "n/a (needs the first and the last cycle)"
                        : String.format(Locale.ROOT, "%+.1f %%", spread.relativeChangePercent())));
    }
}
