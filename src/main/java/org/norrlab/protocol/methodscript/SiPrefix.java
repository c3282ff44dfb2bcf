package org.norrlab.protocol.methodscript;

/** The one-character SI prefixes of MethodSCRIPT values; 'i' marks an integer, ' ' a factor of 1. */
public final class SiPrefix {
    private static final String CHARS = "afpnum kMGTPEi";
    private static final double[] FACTORS = {1e-18, 1e-15, 1e-12, 1e-9, 1e-6, 1e-3, 1, 1e3, 1e6, 1e9, 1e12, 1e15, 1e18, 1};

    private SiPrefix() {
    }

    /** The factor of a prefix character, or NaN when it is not one. */
    public static double factor(char prefix) {
        int index = CHARS.indexOf(prefix);
        return index < 0 ? Double.NaN : FACTORS[index];
    }

    /** Writes a value as MethodSCRIPT literal text, e.g. -1.011 V as "-1011m" (scripts accept prefixed integers). */
    public static String literal(double value) {
        if (value == 0) {
            return "0";
        }
        char[] candidates = {' ', 'm', 'u', 'n', 'p'};
        for (char prefix : candidates) {
            double scaled = value / factor(prefix);
            if (Math.abs(scaled) >= 1 && Math.abs(scaled - Math.rint(scaled)) < 1e-6 && Math.abs(scaled) < 1e9) {
                long integer = Math.round(scaled);
                return integer + (prefix == ' ' ? "" : String.valueOf(prefix));
            }
        }
        // Finer than a microunit is below any instrument's resolution: round to micro.
        return Math.round(value / 1e-6) + "u";
    }
}
