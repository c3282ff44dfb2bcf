package org.norrlab.protocol.methodscript;

/** The one-character SI prefixes of MethodSCRIPT values; 'i' marks an integer, ' ' a factor of 1. */
public final class SiPrefix {
    private static final String CHARS = "afpnum kMGTPEi";
    private static final double[] FACTORS = {1e-18, 1e-15, 1e-12, 1e-9, 1e-6, 1e-3, 1, 1e3, 1e6, 1e9, 1e12, 1e15, 1e18, 1};

    /** For each byte, its prefix's index in {@link #CHARS}, or -1: one array load instead of a search per value. */
    private static final byte[] INDEX = new byte[256];

    static {
        java.util.Arrays.fill(INDEX, (byte) -1);
        for (int i = 0; i < CHARS.length(); i++) {
            INDEX[CHARS.charAt(i)] = (byte) i;
        }
    }

    private SiPrefix() {
    }

    /** The factor of a prefix character, or NaN when it is not one. */
    public static double factor(char prefix) {
        int index = CHARS.indexOf(prefix);
        return index < 0 ? Double.NaN : FACTORS[index];
    }

    /** Powers of ten the fine prefixes divide by: exact doubles, so a division gives the nearest double to the decimal. */
    private static final double[] DIVISORS = {1e18, 1e15, 1e12, 1e9, 1e6, 1e3};

    /**
     * The value of a package integer with its prefix, as the nearest double to the decimal it stands for:
     * -100 000 u is -0.1 exactly as a double, where -100 000 × 1e-6 would be -0.09999999999999999. NaN when the prefix
     * is not one.
     */
    public static double value(long integer, char prefix) {
        return prefix < 256 ? value(integer, (byte) prefix) : Double.NaN;
    }

    /** {@link #value(long, char)} for the prefix as a byte of the wire (ISO-8859-1). */
    public static double value(long integer, byte prefix) {
        int index = INDEX[prefix & 0xFF];
        if (index < 0) {
            return Double.NaN;
        }
        return index < DIVISORS.length ? integer / DIVISORS[index] : integer * FACTORS[index];
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
