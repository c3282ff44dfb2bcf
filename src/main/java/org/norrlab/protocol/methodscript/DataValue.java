package org.norrlab.protocol.methodscript;

/**
 * One variable of a data package: its two-letter type, the value in SI units (NaN for "nan"),
 * the status bits (-1 when absent) and the range code (-1 when absent).
 */
public record DataValue(String type, double value, int status, int rangeCode) {
    public static final int STATUS_TIMING = 0x1;
    public static final int STATUS_OVERLOAD = 0x2;
    public static final int STATUS_UNDERLOAD = 0x4;
    public static final int STATUS_OVERLOAD_WARNING = 0x8;

    /** Offset of the 28-bit unsigned hex value: raw − 2^27 is the signed integer. */
    public static final int OFFSET = 0x8000000;

    /** Encodes a value the way the firmware does: 7 hex digits and the prefix that keeps most digits. */
    public static String encode(double value) {
        if (Double.isNaN(value)) {
            return "     nan";
        }
        char[] prefixes = {'a', 'f', 'p', 'n', 'u', 'm', ' ', 'k', 'M', 'G'};
        for (char prefix : prefixes) {
            // Compared before rounding: a value too large for a fine prefix (10 V in attounits) overflows a long.
            double scaled = value / SiPrefix.factor(prefix);
            long raw = Math.round(scaled);
            if (Math.abs(scaled) < OFFSET && Math.abs(raw) < OFFSET) {
                return String.format("%07X%c", raw + OFFSET, prefix);
            }
        }
        throw new IllegalArgumentException("value " + value + " cannot be encoded");
    }
}
