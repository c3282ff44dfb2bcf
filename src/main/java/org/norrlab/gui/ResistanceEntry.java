package org.norrlab.gui;

import org.norrlab.core.BadInputException;
import org.norrlab.core.UncompensatedResistance;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.OptionalInt;

/**
 * What the analysis view's R_u fields hold, read into an {@link UncompensatedResistance}: a typed R_u needs a reason
 * (where it came from), because an iR-corrected potential must say what it was corrected with; the compensated
 * fraction is the share of R_u the instrument already compensated during the run, 0 unless the operator knows better.
 */
final class ResistanceEntry {
    static final String OHMS_FIELD = "R_u (Ω)";
    static final String FRACTION_FIELD = "Compensated during the run";
    static final String REASON_FIELD = "Reason / source";

    private ResistanceEntry() {
    }

    /** A typed R_u from the three fields; refuses a field that is not what it should be, naming it. */
    static UncompensatedResistance typed(String ohmsText, String fractionText, String reason, Instant now) {
        double ohms = number(ohmsText, OHMS_FIELD, "a resistance in ohms, e.g. 12.5");
        if (!(ohms >= 0) || Double.isInfinite(ohms)) {
            throw new BadInputException("the " + OHMS_FIELD + " field: " + ohmsText.trim()
                    + " is not a resistance; R_u is a finite number of ohms, 0 or more");
        }
        String why = reason == null ? "" : reason.trim();
        if (why.isEmpty()) {
            throw new BadInputException("the " + REASON_FIELD + " field is empty: say where the typed R_u comes from"
                    + " (e.g. 'EC-Lab ZFit of this morning's spectrum'), so that every corrected potential can say what"
                    + " it was corrected with");
        }
        return new UncompensatedResistance(ohms, Double.NaN, UncompensatedResistance.TYPED, OptionalInt.empty(),
                fraction(fractionText), now, why);
    }

    /**
     * The compensated fraction c: a plain fraction ("0.85") or a percentage ("85 %"), from 0 to 1;
     * an empty field is 0 (nothing compensated), as the run records no compensation.
     */
    static double fraction(String text) {
        String t = text == null ? "" : text.trim();
        if (t.isEmpty()) {
            return 0;
        }
        boolean percent = t.endsWith("%");
        double c = number(percent ? t.substring(0, t.length() - 1) : t, FRACTION_FIELD,
                "a fraction from 0 to 1 (0.85) or a percentage (85 %)");
        c = percent ? c / 100 : c;
        if (!(c >= 0 && c <= 1)) {
            throw new BadInputException("the " + FRACTION_FIELD + " field: " + t + " is outside 0 to 1 (0 % to"
                    + " 100 %); it is the share of R_u the instrument compensated during the run, 0 when none");
        }
        return c;
    }

    private static double number(String text, String field, String allowed) {
        String t = text == null ? "" : text.trim();
        try {
            return Double.parseDouble(t.replace(',', '.'));
        } catch (NumberFormatException e) {
            throw new BadInputException("the " + field + " field: '" + t + "' is not a number; it takes " + allowed, e);
        }
    }

    /** When R_u was recorded, to the second (UTC). */
    static String recorded(UncompensatedResistance ru) {
        return ru.recordedAt().truncatedTo(ChronoUnit.SECONDS).toString().replace('T', ' ');
    }

    /**
     * R_u as the view states it: value, ± its standard error where a fit gave one, how and from what, the compensated
     * fraction and when (its note, the operator's reason or the fit's parameters, is shown beside it).
     */
    static String describe(UncompensatedResistance ru) {
        String value = Double.isNaN(ru.standardErrorOhms()) ? SpectrumCharts.ohms(ru.ohms())
                : SpectrumCharts.ohms(ru.ohms()) + String.format(Locale.ROOT, " ± %.2g Ω", ru.standardErrorOhms());
        String source = ru.spectrumStep().isPresent() ? ", from the spectrum of step " + ru.spectrumStep().getAsInt()
                : ", no standard error";
        return String.format(Locale.ROOT, "R_u in force: %s (%s%s); compensated during the run: %.0f %%, so %s remain"
                        + " to correct; recorded %s", value, ru.method(), source, ru.compensatedFraction() * 100,
                SpectrumCharts.ohms(ru.remainingOhms()), recorded(ru));
    }
}
