package org.norrlab.report;

import org.norrlab.core.UncompensatedResistance;

import java.util.Locale;

/**
 * How an iR-corrected potential is named on a figure's axis, so that every corrected number says which resistance it
 * was corrected with ({@link ResistanceAnalysis#line} says where that came from).
 */
public final class IrLabels {
    private IrLabels() {
    }

    /** The axis of a figure against the corrected potential: "E − I·R_u (V vs RHE), R_u = 12.3 Ω". */
    public static String potentialAxis(UncompensatedResistance ru) {
        return correctedPotential(ru) + ", " + resistance(ru);
    }

    /**
     * "E − I·R_u (V vs RHE)" without the R_u, for a y axis: with it the label is longer than a journal column's plot
     * is high, and the figure names R_u elsewhere ({@link #resistance}).
     */
    public static String correctedPotential(UncompensatedResistance ru) {
        String drop = ru.compensatedFraction() > 0
                ? String.format(Locale.ROOT, "E − I·R_u·(1 − %.2f)", ru.compensatedFraction()) : "E − I·R_u";
        return drop + " (V vs RHE)";
    }

    /** "R_u = 12.3 Ω". */
    public static String resistance(UncompensatedResistance ru) {
        return String.format(Locale.ROOT, "R_u = %.3g Ω", ru.ohms());
    }
}
