package org.norrlab.report;

import org.norrlab.analysis.DoubleLayer;
import org.norrlab.analysis.SweepDifference;
import org.norrlab.analysis.Voltammogram;
import org.norrlab.core.Sample;
import org.norrlab.figures.FigureOutput;
import org.norrlab.figures.SweepFigure;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The sweep part of a session's report: lsv.png/.svg (the LSVs, Ar before NO, and Δj below), cv-step-N.png/.svg for
 * every CV (cycles coloured), cdl-fit.png/.svg when C_dl was computed, and a section of summary.md.
 */
public final class SweepReport {
    private SweepReport() {
    }

    public static List<Path> write(SweepSession.Result result, Path directory, FigureOutput output) throws IOException {
        String title = "Session " + result.session().id() + ": " + result.session().protocolName();
        List<Path> files = new ArrayList<>();
        if (!result.lsvs().isEmpty()) {
            files.addAll(output.write(SweepFigure.lsv(output.style(), title + ", LSV", lsvLines(result),
                    result.difference().map(SweepReport::line)), directory, "lsv"));
        }
        for (Voltammogram cv : result.cvs()) {
            String name = "cv-step-" + cv.step();
            files.addAll(output.write(SweepFigure.cv(output.style(), title + ", " + cv.describe(), cycles(cv)), directory,
                    name));
        }
        if (result.doubleLayer().isPresent()) {
            DoubleLayer fit = result.doubleLayer().get();
            List<SweepFigure.RatePoint> points = fit.points().stream().map(p -> new SweepFigure.RatePoint(
                    p.scanRate().voltsPerSecond() * 1e3, p.halfDifference() * 1e6)).toList();
            // µA cm⁻² per mV s⁻¹ is mF cm⁻²
            files.addAll(output.write(SweepFigure.cdlFit(output.style(), title + ", double-layer capacitance",
                    String.format(Locale.ROOT, "Δj/2 at %.3f V vs RHE", fit.voltsVsRhe()), points,
                    String.format(Locale.ROOT, "C_dl = %.4g ± %.2g mF cm⁻² (R² %.4f)", fit.faradsPerCm2().value() * 1e3,
                            fit.faradsPerCm2().sigma() * 1e3, fit.rSquared()),
                    fit.faradsPerCm2().value() * 1e3, fit.interceptAmperesPerCm2() * 1e6), directory, "cdl-fit"));
        }
        return files;
    }

    /** The Ar sweeps first (drawn in the first colour), then NO, then those whose gas is not known. */
    static List<SweepFigure.Line> lsvLines(SweepSession.Result result) {
        List<Voltammogram> ordered = result.lsvs().stream().map(SweepSession.Lsv::sweep)
                .sorted(Comparator.comparingInt(l -> l.gas().map(Enum::ordinal).orElse(Integer.MAX_VALUE))).toList();
        List<SweepFigure.Line> lines = new ArrayList<>();
        for (Voltammogram lsv : ordered) {
            lines.add(line(lsv.describe(), lsv, lsv.samples()));
        }
        return lines;
    }

    /** One line per cycle, each starting where the one before ended, so the loop is drawn without a gap. */
    static List<SweepFigure.Line> cycles(Voltammogram cv) {
        List<SweepFigure.Line> lines = new ArrayList<>();
        Sample previousEnd = null;
        for (int cycle : cv.cycles()) {
            List<Sample> samples = new ArrayList<>(cv.cycle(cycle));
            if (previousEnd != null) {
                samples.add(0, previousEnd);
            }
            previousEnd = samples.get(samples.size() - 1);
            lines.add(line("cycle " + cycle, cv, samples));
        }
        return lines;
    }

    private static SweepFigure.Line line(String label, Voltammogram sweep, List<Sample> samples) {
        return new SweepFigure.Line(label, sweep.voltsVsRhe(samples),
                Arrays.stream(sweep.amperesPerCm2(samples)).map(j -> j * 1e3).toArray());
    }

    private static SweepFigure.Line line(SweepDifference d) {
        return new SweepFigure.Line("Δj = " + d.noSweep() + " − " + d.arSweep(), d.voltsVsRhe(),
                Arrays.stream(d.difference()).map(j -> j * 1e3).toArray());
    }

    /** The summary.md section: figures, onset table, C_dl table and the lines of {@link SweepText}. */
    public static String markdown(SweepSession.Result result, List<Path> figures) {
        StringBuilder md = new StringBuilder("\n## Sweeps\n\n");
        md.append(SweepText.heading(result)).append(".\n\n");
        figures.stream().map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".png"))
                .forEach(n -> md.append("![").append(n, 0, n.length() - 4).append("](").append(n).append(")\n\n"));
        if (!result.lsvs().isEmpty()) {
            md.append(SweepText.onsetTitle(result)).append(".\n\n");
            ReportWriter.table(md, SweepText.ONSET_HEADERS, SweepText.onsetRows(result));
            md.append('\n');
        }
        Optional<DoubleLayer> fit = result.doubleLayer();
        if (fit.isPresent()) {
            md.append("C_dl scan-rate series (last scan of each CV):\n\n");
            ReportWriter.table(md, SweepText.CDL_HEADERS, SweepText.cdlRows(fit.get()));
            md.append('\n');
        }
        SweepText.lines(result).forEach(line -> md.append("- ").append(line).append('\n'));
        return md.toString();
    }
}
