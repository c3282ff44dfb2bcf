package org.norrlab.cli;

import org.norrlab.analysis.WrittenValue;
import org.norrlab.core.BadInputException;

import java.util.Locale;

/** A current written on the command line ("-0.05 mA", "12 µA") in amperes, and a current written for a reader. */
final class CurrentText {
    private CurrentText() {
    }

    static double amperes(String text) {
        WrittenValue v = WrittenValue.parse(text, "a current");
        double factor = switch (v.unit()) {
            case "A" -> 1;
            case "mA" -> 1e-3;
            case "µA", "uA" -> 1e-6;
            case "nA" -> 1e-9;
            default -> throw new BadInputException("'" + v.unit() + "' is not a current unit; allowed: A, mA, µA, nA");
        };
        return v.measure().value() * factor;
    }

    /** A current in the unit that keeps its number between 1 and 1000, three significant figures: "-5.20 µA"; "—" for NaN. */
    static String readable(double amperes) {
        if (Double.isNaN(amperes)) {
            return "—";
        }
        double size = Math.abs(amperes);
        String[] units = {"A", "mA", "µA", "nA", "pA"};
        int u = 0;
        while (u < units.length - 1 && size != 0 && size < 0.9995) {
            size *= 1000;
            u++;
        }
        double value = amperes * Math.pow(1000, u);
        return String.format(Locale.ROOT, Math.abs(value) >= 99.95 ? "%.0f %s" : Math.abs(value) >= 9.995 ? "%.1f %s" : "%.2f %s",
                value, units[u]);
    }
}
