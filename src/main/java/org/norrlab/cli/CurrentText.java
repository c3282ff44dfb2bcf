package org.norrlab.cli;

import org.norrlab.analysis.WrittenValue;
import org.norrlab.core.BadInputException;

/** A current written on the command line ("-0.05 mA", "12 µA") in amperes. */
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
}
