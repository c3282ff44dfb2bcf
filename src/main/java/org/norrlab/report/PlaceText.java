package org.norrlab.report;

import org.norrlab.analysis.Amount;
import org.norrlab.analysis.Assay;
import org.norrlab.analysis.ProductAmount;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Where a product was found, as the table and the report show it next to the amount. */
public final class PlaceText {
    private PlaceText() {
    }

    /**
     * "found in catholyte 0.1100 ± 0.0100 + acid_trap 0.03000 ± 0.00100 µmol" (replicates of a place averaged, places
     * summed), or empty when all of it came from the catholyte, where every assay was before places were told apart.
     */
    public static Optional<String> parts(ProductAmount amount) {
        Map<Assay.Place, Amount> parts = amount.parts();
        if (parts.isEmpty() || parts.size() == 1 && parts.containsKey(Assay.Place.CATHOLYTE)) {
            return Optional.empty();
        }
        return Optional.of("found in " + String.join(" + ", parts.entrySet().stream().map(e -> part(e.getKey(),
                e.getValue())).toList()) + " µmol");
    }

    /** "acid_trap 0.03000 ± 0.00100"; no "±" where σ is exactly 0, i.e. none was given (not perfect precision). */
    private static String part(Assay.Place place, Amount amount) {
        double sigma = amount.moles().sigma() * 1e6;
        return String.format(Locale.ROOT, "%s %.4g", place.written(), amount.micromoles())
                + (sigma == 0 ? "" : String.format(Locale.ROOT, " ± %.3g", sigma));
    }
}
