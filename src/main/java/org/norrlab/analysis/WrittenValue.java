package org.norrlab.analysis;

import org.norrlab.core.BadInputException;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A value as an operator types it on the command line or in a CSV cell: a number, optionally
 * "± sigma" (or "+- sigma"), then a unit: "29.0 µg/mL NH3", "0.50 ± 0.01 mM", "35 mL".
 */
public record WrittenValue(Measure measure, String unit) {
    private static final Pattern FORM = Pattern.compile(
            "^\\s*([+-]?(?:\\d+\\.?\\d*|\\.\\d+)(?:[eE][+-]?\\d+)?)\\s*(?:(?:±|\\+-|\\+/-)\\s*((?:\\d+\\.?\\d*|\\.\\d+)(?:[eE][+-]?\\d+)?))?\\s*(.*?)\\s*$");

    public static WrittenValue parse(String text, String what) {
        Matcher m = FORM.matcher(text.replace('\u2212', '-'));
        if (!m.matches()) {
            throw new BadInputException("'" + text + "' is not " + what + "; write a number, optionally '± sigma',"
                    + " and a unit, e.g. '0.50 ± 0.01 mM'");
        }
        double value = Double.parseDouble(m.group(1));
        double sigma = m.group(2) == null ? 0 : Double.parseDouble(m.group(2));
        return new WrittenValue(new Measure(value, sigma), m.group(3));
    }

    /** A volume in mL ("35 mL", "0.035 L", "35 ± 0.5 mL"), with the default relative uncertainty when none is given. */
    public static Measure volumeMl(String text) {
        WrittenValue v = parse(text, "a volume");
        double factor = switch (v.unit()) {
            case "mL", "ml" -> 1;
            case "L", "l" -> 1000;
            case "µL", "uL", "ul" -> 1e-3;
            default -> throw new BadInputException("'" + v.unit() + "' is not a volume unit" + (v.unit().isEmpty()
                    ? " (the unit is missing)" : "") + "; allowed: mL, L, µL, e.g. '35 mL'");
        };
        if (!(v.measure().value() > 0)) {
            throw new BadInputException("a volume must be greater than zero, was '" + text + "'");
        }
        Measure ml = v.measure().times(factor);
        return ml.sigma() > 0 ? ml : Measure.relative(ml.value(), Assay.DEFAULT_VOLUME_RELATIVE_SIGMA);
    }
}
