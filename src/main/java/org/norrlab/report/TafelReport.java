package org.norrlab.report;

import org.norrlab.analysis.IrCorrection;
import org.norrlab.analysis.TafelFit;
import org.norrlab.core.UncompensatedResistance;
import org.norrlab.figures.FigureOutput;
import org.norrlab.figures.TafelFigure;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The Tafel part of a session's report, on request: tafel.png/.svg with the CA steps' iR-corrected potentials against
 * log10 |j| of their steady current (the second half of each step, after the charging transient), the line
 * {@link ResistanceAnalysis} fitted over the chosen window, and a section of summary.md.
 */
public final class TafelReport {
    private TafelReport() {
    }

    /** @param resistance the session's corrected CA steps and the Tafel fit asked for */
    public static ImpedanceReport.Written write(ResistanceAnalysis resistance, double areaCm2, String title,
                                                Path directory, FigureOutput output) throws IOException {
        TafelFit fit = resistance.tafel().orElseThrow();
        List<IrCorrection.CorrectedStep> steps = resistance.steps().stream()
                .map(ResistanceAnalysis.CorrectedCaStep::corrected).toList();
        double[] x = steps.stream().mapToDouble(c -> Math.log10(Math.abs(c.steadyCurrentAmperes()) * 1e3 / areaCm2))
                .toArray();
        double[] y = steps.stream().mapToDouble(IrCorrection.CorrectedStep::correctedSteadyVoltsVsRhe).toArray();
        // the line over the points inside the window: the log j they span
        double lowest = Double.POSITIVE_INFINITY;
        double highest = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < x.length; i++) {
            if (y[i] >= fit.fromVolts() && y[i] <= fit.toVolts() && Double.isFinite(x[i])) {
                lowest = Math.min(lowest, x[i]);
                highest = Math.max(highest, x[i]);
            }
        }
        // the fit is E = a + b·log10|I / A|; with log10|I / A| = x − 3 + log10(area / cm²), x = log10(|j| / mA cm⁻²)
        double slope = fit.slopeMillivoltsPerDecade() / 1000;
        double intercept = fit.interceptVolts() + slope * (Math.log10(areaCm2) - 3);
        TafelFigure.Line line = new TafelFigure.Line(slope, intercept, lowest, highest,
                String.format(Locale.ROOT, "± %.1f, R² %.4f, %d points", fit.standardErrorMillivoltsPerDecade(),
                        fit.rSquared(), fit.pointsUsed()));
        // R_u in the points' legend, not on the y axis, which a journal column has no height for
        UncompensatedResistance ru = resistance.ru().orElseThrow();
        List<Path> files = output.write(TafelFigure.chart(output.style(), title + ", Tafel",
                IrLabels.correctedPotential(ru), new TafelFigure.Points("CA steps (steady currents), "
                + IrLabels.resistance(ru), x, y), line), directory, "tafel");
        String md = "\n## Tafel\n\n- " + fit.summary() + "\n- " + ResistanceAnalysis.line(resistance.ru().orElseThrow(),
                resistance.recorded()) + "\n\n![tafel](tafel.png)\n";
        return new ImpedanceReport.Written(files, md);
    }
}
