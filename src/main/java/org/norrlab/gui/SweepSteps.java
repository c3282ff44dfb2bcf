package org.norrlab.gui;

import org.jfree.chart.JFreeChart;
import org.norrlab.core.StepSettings;
import org.norrlab.store.SessionStore;
import org.norrlab.store.StoreException;
import org.norrlab.store.StoredStep;
import org.norrlab.trace.SweepTrace;

import java.util.Locale;

/**
 * How the Sessions view shows a stored sweep step (LSV, CV): its potentials and scan rate from what the step asked
 * for ({@link StoredStep#settings()}), and its I–E plot from its samples.
 */
final class SweepSteps {
    private SweepSteps() {
    }

    /** The step's kind with the gas in the electrolyte where known, e.g. "lsv (NO)". */
    static String kind(StoredStep step) {
        return step.kind() + step.gas().map(g -> " (" + g.written() + ")").orElse("");
    }

    /**
     * A sweep's potentials: an LSV's start → end, a CV's begin → vertex 1 → vertex 2 → begin (× cycles), vs RHE or
     * (with {@code rheScale} false) vs the reference electrode through the step's own RE → RHE offset; "—" where the
     * store does not say (a step stored before sweeps had settings) or the offset is unknown.
     */
    static String potentials(StoredStep step, boolean rheScale) {
        return potentials(step, rheScale, true);
    }

    private static String potentials(StoredStep step, boolean rheScale, boolean withCycles) {
        StepSettings s = step.settings();
        double shift = rheScale ? 0 : step.voltsVsRhe() - step.voltsVsReference();
        if (Double.isNaN(s.startVsRhe()) || Double.isNaN(shift)) {
            return "—";
        }
        if (step.kind().equals("lsv")) {
            return volts(s.startVsRhe() - shift) + " → " + volts(s.endVsRhe() - shift);
        }
        return volts(s.startVsRhe() - shift) + " → " + volts(s.vertex1VsRhe() - shift) + " → "
                + volts(s.vertex2VsRhe() - shift) + " → " + volts(s.startVsRhe() - shift)
                + (withCycles && s.cycles() > 1 ? " ×" + s.cycles() : "");
    }

    private static String volts(double v) {
        return String.format(Locale.ROOT, "%.3f", v);
    }

    /** The scan rate in mV/s, or "unknown" where neither the run nor the imported file nor its data gave one. */
    static String scanRate(StoredStep step) {
        return step.settings().hasScanRate()
                ? String.format(Locale.ROOT, "%.4g", step.settings().scanRateVoltsPerSecond() * 1e3) : "unknown";
    }

    /**
     * The step's current against its potential, a curve per cycle, vs RHE where the step's RE → RHE offset is known
     * (vs the reference electrode otherwise, and the axis says so). Bounded as the live chart is ({@link SweepTrace}).
     */
    static JFreeChart chart(SessionStore store, long sessionId, StoredStep step) throws StoreException {
        double toRhe = step.voltsVsRhe() - step.voltsVsReference();
        boolean rhe = !Double.isNaN(toRhe);
        SweepTrace trace = new SweepTrace();
        store.forEachSample(sessionId, step.index(), (seq, s) -> {
            if (s.hasCurrent()) {
                trace.add(Math.max(1, s.cycle()), s.potentialVolts() + (rhe ? toRhe : 0), s.currentAmperes());
            }
        });
        int cycles = step.settings().cycles();
        String title = String.format(Locale.ROOT, "Session %d, step %d: %s %s V vs %s%s at %s mV/s", sessionId, step.index(),
                kind(step), potentials(step, rhe, false), rhe ? "RHE" : "RE", cycles > 1 ? ", " + cycles + " cycles" : "",
                scanRate(step));
        return SweepChart.chart(title, rhe ? SweepChart.POTENTIAL_AXIS : LiveCharts.POTENTIAL_AXIS, trace.curves());
    }
}
