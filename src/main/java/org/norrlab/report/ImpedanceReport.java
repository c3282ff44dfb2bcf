package org.norrlab.report;

import org.norrlab.core.ImpedancePoint;
import org.norrlab.core.UncompensatedResistance;
import org.norrlab.figures.ChartFiles;
import org.norrlab.figures.ImpedanceFigure;
import org.norrlab.store.SessionStore;
import org.norrlab.store.StoreException;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The impedance part of a session's report: nyquist-step-N.png/.svg and bode-step-N.png/.svg for every EIS step with
 * a spectrum, and a section of summary.md with the R_u in force. Nothing is written for a session without spectra.
 */
public final class ImpedanceReport {
    private ImpedanceReport() {
    }

    /** The files written and the summary.md section (empty when the session has no spectrum and no R_u). */
    public record Written(List<Path> files, String markdown) {
    }

    public static Written write(SessionStore store, long sessionId, String title, Path directory, int width, int height)
            throws IOException, StoreException {
        Map<Integer, List<ImpedancePoint>> spectra = store.impedance().spectra(sessionId);
        Optional<UncompensatedResistance> ru = store.impedance().resistance(sessionId);
        if (spectra.isEmpty() && ru.isEmpty()) {
            return new Written(List.of(), "");
        }
        List<Path> files = new ArrayList<>();
        StringBuilder md = new StringBuilder("\n## Impedance\n\n");
        md.append(ru.map(r -> "- R_u in force: " + IrLabels.describe(r) + "\n")
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
            String stepTitle = title + ", EIS step " + step;
            for (String kind : List.of("nyquist", "bode")) {
                String name = kind + "-step-" + step;
                ChartFiles.write(kind.equals("nyquist") ? ImpedanceFigure.nyquist(stepTitle, measured, Optional.empty())
                        : ImpedanceFigure.bode(stepTitle, measured, Optional.empty()), directory, name, width, height);
                files.addAll(List.of(directory.resolve(name + ".png"), directory.resolve(name + ".svg")));
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

    private static String frequency(ImpedanceFigure.Spectrum s, boolean highest) {
        double f = highest ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        for (double hz : s.frequencyHz()) {
            f = highest ? Math.max(f, hz) : Math.min(f, hz);
        }
        return ImpedanceFigure.frequencyText(f);
    }
}
