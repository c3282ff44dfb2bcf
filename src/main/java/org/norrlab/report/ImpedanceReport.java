package org.norrlab.report;

import org.apache.commons.math3.complex.Complex;
import org.norrlab.analysis.CircuitFit;
import org.norrlab.core.BadInputException;
import org.norrlab.core.ImpedancePoint;
import org.norrlab.core.UncompensatedResistance;
import org.norrlab.figures.FigureOutput;
import org.norrlab.figures.ImpedanceFigure;
import org.norrlab.store.SessionStore;
import org.norrlab.store.StoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The impedance part of a session's report: nyquist-step-N.png/.svg and bode-step-N.png/.svg for every EIS step with
 * a spectrum, the equivalent circuit that fits it best ({@link CircuitFit#best}) drawn as a line, and a section of
 * summary.md with the fits and the R_u in force. Nothing is written for a session without spectra or R_u.
 */
public final class ImpedanceReport {
    private static final Logger LOG = LoggerFactory.getLogger(ImpedanceReport.class);
    /** The fitted circuit is drawn through this many frequencies per decade, so that its line is smooth. */
    private static final int FIT_POINTS_PER_DECADE = 20;

    private ImpedanceReport() {
    }

    /** The files written and the summary.md section (empty when the session has no spectrum and no R_u). */
    public record Written(List<Path> files, String markdown) {
    }

    public static Written write(SessionStore store, long sessionId, String title, Path directory, FigureOutput output)
            throws IOException, StoreException {
        Map<Integer, List<ImpedancePoint>> spectra = store.impedance().spectra(sessionId);
        Optional<UncompensatedResistance> ru = store.impedance().resistance(sessionId);
        if (spectra.isEmpty() && ru.isEmpty()) {
            return new Written(List.of(), "");
        }
        List<Path> files = new ArrayList<>();
        StringBuilder md = new StringBuilder("\n## Impedance\n\n");
        md.append(ru.map(r -> "- " + ResistanceAnalysis.line(r, true) + "\n")
                .orElse("- No R_u recorded: potentials are as set, not iR-corrected.\n"));
        for (Map.Entry<Integer, List<ImpedancePoint>> entry : spectra.entrySet()) {
            int step = entry.getKey();
            ImpedanceFigure.Spectrum measured = spectrum("step " + step + " measured", entry.getValue());
            long missing = entry.getValue().size() - measured.size();
            md.append(String.format(Locale.ROOT, "- EIS step %d: %d frequencies%s", step, entry.getValue().size(),
                    missing == 0 ? "" : ", " + missing + " without an impedance (left out of the figures)"));
            if (measured.size() == 0) {
                md.append("; no figure, nothing to draw.\n");
                continue;
            }
            md.append(String.format(Locale.ROOT, ", %s to %s.%n", frequency(measured, true), frequency(measured, false)));
            Optional<ImpedanceFigure.Spectrum> drawnFit = Optional.empty();
            try {
                CircuitFit fit = CircuitFit.best(entry.getValue());
                drawnFit = Optional.of(model(fit, measured));
                md.append("  - Best circuit: ").append(fit.summary()).append('\n');
            } catch (BadInputException e) {
                // the figures still show the measured points; the summary says why no line is drawn through them
                LOG.warn("no circuit fit of EIS step {} of session {}: {}", step, sessionId, e.getMessage());
                md.append("  - No circuit fit: ").append(e.getMessage()).append('\n');
            }
            String stepTitle = title + ", EIS step " + step;
            for (String kind : List.of("nyquist", "bode")) {
                String name = kind + "-step-" + step;
                files.addAll(output.write(kind.equals("nyquist")
                        ? ImpedanceFigure.nyquist(output.style(), stepTitle, measured, drawnFit)
                        : ImpedanceFigure.bode(output.style(), stepTitle, measured, drawnFit), directory, name));
            }
        }
        md.append('\n');
        files.stream().map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".png"))
                .forEach(n -> md.append("![").append(n, 0, n.length() - 4).append("](").append(n).append(")\n\n"));
        return new Written(files, md.toString());
    }

    /** The points with an impedance, in their order; the instrument's NaN points have nothing to draw. */
    static ImpedanceFigure.Spectrum spectrum(String label, List<ImpedancePoint> points) {
        List<ImpedancePoint> drawn = points.stream().filter(ImpedancePoint::hasImpedance).toList();
        return new ImpedanceFigure.Spectrum(label, drawn.stream().mapToDouble(ImpedancePoint::frequencyHz).toArray(),
                drawn.stream().mapToDouble(ImpedancePoint::realOhms).toArray(),
                drawn.stream().mapToDouble(ImpedancePoint::imaginaryOhms).toArray());
    }

    /** The fitted circuit's impedance from the highest measured frequency to the lowest, for its line. */
    static ImpedanceFigure.Spectrum model(CircuitFit fit, ImpedanceFigure.Spectrum measured) {
        double highest = Math.log10(extreme(measured, true));
        double lowest = Math.log10(extreme(measured, false));
        int n = Math.max(2, (int) Math.ceil((highest - lowest) * FIT_POINTS_PER_DECADE) + 1);
        double[] f = new double[n];
        double[] re = new double[n];
        double[] im = new double[n];
        for (int i = 0; i < n; i++) {
            f[i] = Math.pow(10, highest - (highest - lowest) * i / (n - 1));
            Complex z = fit.impedance(2 * Math.PI * f[i]);
            re[i] = z.getReal();
            im[i] = z.getImaginary();
        }
        return new ImpedanceFigure.Spectrum(String.format(Locale.ROOT, "fit %s, R_u = %.4g Ω", fit.circuit().notation(),
                fit.ru().value()), f, re, im);
    }

    private static String frequency(ImpedanceFigure.Spectrum s, boolean highest) {
        return ImpedanceFigure.frequencyText(extreme(s, highest));
    }

    private static double extreme(ImpedanceFigure.Spectrum s, boolean highest) {
        double f = highest ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        for (double hz : s.frequencyHz()) {
            f = highest ? Math.max(f, hz) : Math.min(f, hz);
        }
        return f;
    }
}
