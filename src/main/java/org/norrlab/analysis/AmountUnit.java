package org.norrlab.analysis;

import org.norrlab.core.BadInputException;

import java.util.Map;

/** Units of an amount of substance: mol, mmol, µmol, nmol. */
public record AmountUnit(String written, double molesPerUnit) {
    private static final Map<String, Double> UNITS = Map.of("mol", 1.0, "mmol", 1e-3, "µmol", 1e-6, "umol", 1e-6,
            "nmol", 1e-9);

    public static AmountUnit parse(String text) {
        Double factor = UNITS.get(text.trim());
        if (factor == null) {
            throw new BadInputException("'" + text.trim() + "' is not an amount unit; allowed: mol, mmol, µmol (umol), nmol");
        }
        return new AmountUnit(text.trim(), factor);
    }
}
