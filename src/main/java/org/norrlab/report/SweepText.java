package org.norrlab.report;

import org.norrlab.analysis.DoubleLayer;
import org.norrlab.analysis.ScanRate;
import org.norrlab.analysis.SignificantFigures;
import org.norrlab.analysis.Voltammogram;
import org.norrlab.core.BadInputException;
import org.norrlab.core.Sample;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The sweep analysis as rows and lines, the same for the terminal ('analyze') and the report's summary.md. */
public final class SweepText {
    public static final List<String> ONSET_HEADERS = List.of("step", "gas", "scan rate", "E range (V vs RHE)", "onset (V vs RHE)");
    public static final List<String> CDL_HEADERS = List.of("CV", "scan rate", "j anodic (µA/cm²)", "j cathodic (µA/cm²)",
            "Δj/2 (µA/cm²)");

    private SweepText() {
    }

    /** The heading: what the numbers are against. */
    public static String heading(SweepSession.Result result) {
        return String.format(Locale.ROOT, "Sweeps of session %d (%s): potentials vs RHE, current densities per geometric cm²"
                + " (%.4g cm²)", result.session().id(), result.session().protocolName(),
                result.session().cell().electrodeAreaCm2());
    }

    public static String onsetTitle(SweepSession.Result result) {
        return "LSV onset: the most positive potential where the cathodic |j| reaches "
                + milli(result.options().onsetAmperesPerCm2()) + " mA/cm²";
    }

    public static List<List<String>> onsetRows(SweepSession.Result result) {
        List<List<String>> rows = new ArrayList<>();
        for (SweepSession.Lsv lsv : result.lsvs()) {
            Voltammogram sweep = lsv.sweep();
            rows.add(List.of(String.valueOf(sweep.step()), sweep.gas().map(g -> g.written()).orElse("—"), rate(sweep),
                    range(sweep), lsv.onset().map(o -> o.found() ? String.format(Locale.ROOT, "%.3f",
                            o.voltsVsRhe().getAsDouble()) : "none within the sweep").orElse("—")));
        }
        return rows;
    }

    /** The explanation of every onset not found, the difference's summary and onset, C_dl and ECSA, and the notes. */
    public static List<String> lines(SweepSession.Result result) {
        List<String> lines = new ArrayList<>();
        for (SweepSession.Lsv lsv : result.lsvs()) {
            lsv.onset().filter(o -> !o.found()).ifPresent(o -> lines.add(lsv.sweep().describe() + ": " + o.explanation()));
        }
        result.difference().ifPresent(d -> lines.add(d.summary()));
        result.differenceOnset().ifPresent(o -> lines.add("Onset of Δj at " + milli(o.thresholdAmperesPerCm2())
                + " mA/cm²: " + o.describe()));
        result.doubleLayer().ifPresent(fit -> lines.add(fit.describe()));
        lines.addAll(result.notes());
        return lines;
    }

    public static List<List<String>> cdlRows(DoubleLayer fit) {
        List<List<String>> rows = new ArrayList<>();
        for (DoubleLayer.Point p : fit.points()) {
            rows.add(List.of(p.cv(), p.scanRate().describe(), micro(p.anodicAmperesPerCm2()),
                    micro(p.cathodicAmperesPerCm2()), micro(p.halfDifference())));
        }
        return rows;
    }

    private static String rate(Voltammogram sweep) {
        try {
            return ScanRate.of(sweep).describe();
        } catch (BadInputException e) {
            return "unknown";
        }
    }

    private static String range(Voltammogram sweep) {
        List<Sample> s = sweep.samples();
        if (s.isEmpty()) {
            return "—";
        }
        return String.format(Locale.ROOT, "%.3f → %.3f", sweep.voltsVsRhe(s.get(0)), sweep.voltsVsRhe(s.get(s.size() - 1)));
    }

    private static String milli(double value) {
        return SignificantFigures.of(value * 1e3, 4);
    }

    private static String micro(double value) {
        return String.format(Locale.ROOT, "%.4g", value * 1e6);
    }
}
