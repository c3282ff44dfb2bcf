package org.norrlab.report;

import org.norrlab.analysis.IrCorrection;
import org.norrlab.analysis.TafelFit;
import org.norrlab.core.BadInputException;
import org.norrlab.core.Sample;
import org.norrlab.core.UncompensatedResistance;
import org.norrlab.figures.ChartFiles;
import org.norrlab.figures.TafelFigure;
import org.norrlab.store.SessionStore;
import org.norrlab.store.StoreException;
import org.norrlab.store.StoredStep;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The Tafel part of a session's report, on request: tafel.png/.svg with the CA steps' iR-corrected potentials against
 * log10 |j| of their steady current (the second half of each step, after the charging transient), the line
 * {@link TafelFit} fits over the chosen window, and a line of summary.md.
 */
public final class TafelReport {
    private TafelReport() {
    }

    /**
     * @param fromVolts the window's one end, V vs RHE iR-corrected
     * @param toVolts   its other end
     */
    public static ImpedanceReport.Written write(SessionStore store, SessionAnalysis.Result result,
                                                UncompensatedResistance ru, double fromVolts, double toVolts,
                                                String title, Path directory, int width, int height)
            throws IOException, StoreException {
        if (result.steps().isEmpty()) {
            throw new BadInputException("session " + result.session().id() + " has no CA step to take Tafel points"
                    + " from (a Tafel plot of a sweep is not drawn yet)");
        }
        double area = result.session().cell().electrodeAreaCm2();
        List<TafelFit.Point> points = points(store, result, ru);
        String source = "CA steps " + result.steps().get(0).step().index() + "–"
                + result.steps().get(result.steps().size() - 1).step().index() + " (steady currents)";
        TafelFit fit = TafelFit.fit(points, fromVolts, toVolts, source);
        double[] x = points.stream().mapToDouble(p -> log10MilliampsPerCm2(p.currentAmperes(), area)).toArray();
        double[] y = points.stream().mapToDouble(TafelFit.Point::correctedVolts).toArray();
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
        double intercept = fit.interceptVolts() + slope * (Math.log10(area) - 3);
        TafelFigure.Line line = new TafelFigure.Line(slope, intercept, lowest, highest,
                String.format(Locale.ROOT, "± %.1f, R² %.4f, %d points", fit.standardErrorMillivoltsPerDecade(),
                        fit.rSquared(), fit.pointsUsed()));
        ChartFiles.write(TafelFigure.chart(title + ", Tafel", IrLabels.potentialAxis(ru),
                new TafelFigure.Points(source, x, y), line), directory, "tafel", width, height);
        String md = "\n## Tafel\n\n- " + fit.summary() + "; R_u " + IrLabels.describe(ru) + "\n\n![tafel](tafel.png)\n";
        return new ImpedanceReport.Written(List.of(directory.resolve("tafel.png"), directory.resolve("tafel.svg")), md);
    }

    /** Every CA step's set potential corrected with its steady current, vs RHE, and that current. */
    static List<TafelFit.Point> points(SessionStore store, SessionAnalysis.Result result, UncompensatedResistance ru)
            throws StoreException {
        List<TafelFit.Point> points = new ArrayList<>();
        for (StepAnalysis step : result.steps()) {
            StoredStep stored = step.step();
            List<Sample> samples = new ArrayList<>();
            store.forEachSample(result.session().id(), stored.index(), (seq, s) -> samples.add(s));
            IrCorrection.CorrectedStep corrected = IrCorrection.step(stored.voltsVsReference(), samples, ru,
                    result.session().rheOffsetVolts());
            points.add(new TafelFit.Point(corrected.correctedSteadyVoltsVsRhe(), corrected.steadyCurrentAmperes()));
        }
        return points;
    }

    private static double log10MilliampsPerCm2(double amperes, double areaCm2) {
        return Math.log10(Math.abs(amperes) * 1e3 / areaCm2);
    }
}
