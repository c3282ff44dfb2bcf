package org.norrlab.report;

import org.norrlab.core.UncompensatedResistance;

import java.util.Locale;

/**
 * How an R_u and an iR-corrected potential are named in figures and summaries, so that every corrected number says
 * which resistance it was corrected with and where that came from.
 */
public final class IrLabels {
    private IrLabels() {
    }

    /** "12.30 ± 0.08 Ω (randles-fit of EIS step 4), 85 % compensated by the instrument". */
    public static String describe(UncompensatedResistance ru) {
        StringBuilder s = new StringBuilder(String.format(Locale.ROOT, "%.4g", ru.ohms()));
        if (Double.isFinite(ru.standardErrorOhms())) {
            s.append(String.format(Locale.ROOT, " ± %.2g", ru.standardErrorOhms()));
        }
        s.append(" Ω (").append(ru.method());
        ru.spectrumStep().ifPresent(step -> s.append(" of EIS step ").append(step));
        s.append(')');
        if (ru.compensatedFraction() > 0) {
            s.append(String.format(Locale.ROOT, ", %.0f %% compensated by the instrument", ru.compensatedFraction() * 100));
        }
        if (!ru.note().isEmpty()) {
            s.append("; ").append(ru.note());
        }
        return s.toString();
    }

    /** The axis of a figure against the corrected potential: "E − I·R_u (V vs RHE), R_u = 12.3 Ω". */
    public static String potentialAxis(UncompensatedResistance ru) {
        String drop = ru.compensatedFraction() > 0
                ? String.format(Locale.ROOT, "E − I·R_u·(1 − %.2f)", ru.compensatedFraction()) : "E − I·R_u";
        return String.format(Locale.ROOT, "%s (V vs RHE), R_u = %.3g Ω", drop, ru.ohms());
    }
}
