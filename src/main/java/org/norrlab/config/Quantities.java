package org.norrlab.config;

import org.norrlab.core.BadInputException;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Turns what operators write ("30 min", "-0.5 V vs RHE", "35 mL") into numbers in base units. */
public final class Quantities {
    private static final Pattern NUMBER_AND_UNIT =
            Pattern.compile("^([+-]?(?:\\d+\\.?\\d*|\\.\\d+)(?:[eE][+-]?\\d+)?)\\s*(.*)$");
    private static final Pattern POTENTIAL =
            Pattern.compile("^(.*?)\\s+vs\\.?\\s+(.+)$", Pattern.CASE_INSENSITIVE);

    private Quantities() {
    }

    /** The longest duration a step can hold: {@link Duration#ofNanos} of the largest long, about 292 years. */
    static final double MAX_DURATION_SECONDS = Long.MAX_VALUE / 1e9;

    /**
     * Text pasted from papers, word processors and web pages: "−0.5" with a typographic minus (U+2212) or an en dash,
     * "0.5 V" with a no-break space (U+00A0), a narrow no-break space (U+202F) or a thin space (U+2009) before the
     * unit. Each is read as the plain character an operator meant.
     */
    static String normalise(String text) {
        return text.replace('\u2212', '-').replace('\u2013', '-')
                .replace('\u00A0', ' ').replace('\u202F', ' ').replace('\u2009', ' ');
    }

    public static double parse(YamlNode node, Dimension dimension) throws ConfigException {
        YamlNode.Scalar scalar = filled(node, dimension.description(), dimension.example());
        return parse(scalar.text(), dimension, scalar);
    }

    /** The value, or a message saying what belongs after the colon when nothing was written there. */
    private static YamlNode.Scalar filled(YamlNode node, String what, String example) throws ConfigException {
        if (node.isEmpty()) {
            throw node.error("is empty; write " + what + " after the colon, e.g. '" + example + "'");
        }
        return node.asScalar();
    }

    static double parse(String text, Dimension dimension, YamlNode where) throws ConfigException {
        return parse(text, dimension, where::error);
    }

    /**
     * A quantity typed on the command line ({@code --area 0.07 cm2}): the units and messages of the site file,
     * the option named in the message.
     */
    public static double parse(String option, String text, Dimension dimension) {
        return parse(text, dimension, problem -> new BadInputException(option + ": " + problem));
    }

    /** Makes the exception of a refused value: a YAML node's (file:line:column) or a command-line option's. */
    private interface Refusal<E extends Exception> {
        E because(String problem);
    }

    private static <E extends Exception> double parse(String text, Dimension dimension, Refusal<E> refuse) throws E {
        String written = normalise(text).trim();
        Matcher m = NUMBER_AND_UNIT.matcher(written);
        if (!m.matches()) {
            throw refuse.because("'" + text + "' is not " + dimension.description()
                    + "; write a number and a unit, e.g. '" + dimension.example() + "'");
        }
        String unit = m.group(2).trim();
        Double factor = dimension.factor(unit);
        if (factor == null) {
            throw refuse.because(unit.isEmpty()
                    ? "'" + text + "' has no unit; " + dimension.description() + " needs one of: " + dimension.allowedUnits()
                    : "'" + unit + "' is not a unit for " + dimension.description() + "; allowed: " + dimension.allowedUnits());
        }
        double value = Double.parseDouble(m.group(1)) * factor;
        if (!Double.isFinite(value)) {
            throw refuse.because("'" + text + "' is out of range");
        }
        return value;
    }

    public static Duration duration(YamlNode node) throws ConfigException {
        double seconds = parse(node, Dimension.TIME);
        if (seconds <= 0) {
            throw node.error("must be longer than zero, was '" + node.asScalar().text() + "'");
        }
        // Math.round would quietly turn anything longer into the largest long and anything under half a nanosecond
        // into zero: refuse both, naming the limit.
        if (seconds >= MAX_DURATION_SECONDS) {
            throw node.error("'" + node.asScalar().text() + "' is longer than a step can hold; at most "
                    + Math.floorDiv(Long.MAX_VALUE, 3_600_000_000_000L) + " h (about 292 years)");
        }
        long nanos = Math.round(seconds * 1e9);
        if (nanos == 0) {
            throw node.error("'" + node.asScalar().text() + "' is shorter than the shortest time norrlab can hold, 1 ns");
        }
        return Duration.ofNanos(nanos);
    }

    public static double positive(YamlNode node, Dimension dimension) throws ConfigException {
        double value = parse(node, dimension);
        if (!(value > 0)) {
            throw node.error("must be greater than zero, was '" + node.asScalar().text() + "'");
        }
        return value;
    }

    /** "-0.5 V vs RHE" or "-1.1 V vs RE"; the scale is required because guessing it is how cells get hurt. */
    public static Potential potential(YamlNode node) throws ConfigException {
        return potential(filled(node, "a potential and its scale", "-0.5 V vs RHE").text(), node::error);
    }

    /** A potential typed on the command line ({@code --potential '-0.5 V vs RHE'}), as {@link #potential(YamlNode)}. */
    public static Potential potential(String option, String text) {
        return potential(text, problem -> new BadInputException(option + ": " + problem));
    }

    private static <E extends Exception> Potential potential(String written, Refusal<E> refuse) throws E {
        String text = normalise(written).trim();
        Matcher m = POTENTIAL.matcher(text);
        if (!m.matches()) {
            throw refuse.because("'" + text + "' does not say what the potential is against; write e.g. '-0.5 V vs RHE' or '-1.1 V vs RE'");
        }
        double volts = parse(m.group(1), Dimension.POTENTIAL, refuse);
        String scale = m.group(2).trim().toUpperCase(Locale.ROOT);
        return switch (scale) {
            case "RHE" -> new Potential(volts, Potential.Scale.RHE);
            case "RE", "REF", "REFERENCE" -> new Potential(volts, Potential.Scale.RE);
            default -> throw refuse.because("'vs " + m.group(2).trim() + "' is not a scale we know; allowed: vs RHE, vs RE");
        };
    }
}
