package org.norrlab.gui;

import org.jfree.chart.JFreeChart;
import org.norrlab.core.ImpedancePoint;
import org.norrlab.plan.PlannedStep;
import org.norrlab.store.StoredStep;

import java.util.List;
import java.util.Locale;

/** How the Sessions and Analysis views show a stored EIS step: its DC potential and its spectrum's two plots. */
final class SpectrumSteps {
    private SpectrumSteps() {
    }

    /** The Nyquist and Bode plots of one stored spectrum. */
    record Charts(JFreeChart nyquist, JFreeChart bode) {
    }

    static Charts charts(long sessionId, StoredStep step, List<ImpedancePoint> spectrum) {
        String title = title(sessionId, step, spectrum);
        return new Charts(SpectrumCharts.nyquist(title, spectrum), SpectrumCharts.bode(title, spectrum));
    }

    /** "Session 3, step 2: eis at -0.300 V vs RHE, 21 frequencies, 100 kHz → 0.1 Hz". */
    static String title(long sessionId, StoredStep step, List<ImpedancePoint> spectrum) {
        String range = spectrum.isEmpty() ? "" : ", " + PlannedStep.frequencyText(
                spectrum.get(0).frequencyHz()) + " → " + PlannedStep.frequencyText(
                spectrum.get(spectrum.size() - 1).frequencyHz());
        String dc = Double.isNaN(step.voltsVsRhe()) ? "open circuit"
                : String.format(Locale.ROOT, "%.3f V vs RHE", step.voltsVsRhe());
        return String.format(Locale.ROOT, "Session %d, step %d: eis at %s, %d frequencies%s", sessionId, step.index(),
                dc, spectrum.size(), range);
    }

    /** An EIS step's DC potential as the steps table shows it: "OCP" where it was held at open circuit. */
    static String dcPotential(double volts) {
        return Double.isNaN(volts) ? "OCP" : String.format(Locale.ROOT, "%.3f", volts);
    }
}
