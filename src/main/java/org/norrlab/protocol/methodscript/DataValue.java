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

    /**
     * The largest magnitude the firmware writes with a prefix before it takes the next coarser one. Observed, not
     * documented: in every package of serial-protocols.md §1.6 and of the recorded EIS transcript (Genotyper-Firmware
     * {@code ms_plot_eis_20220711-162101.txt}) the integer stays below 10^8, although 7 hex digits would hold up to
     * 2^27 - 1 = 134 217 727: 126 191 Hz is sent as {@code 801ECEF } (×1), not as 126 191 000 mHz, and 133 680 kΩ as
     * {@code 8020A30k}, not as 133 680 000 Ω.
     */
    static final long LARGEST_INTEGER = 99_999_999L;

    /**
     * Encodes a value the way the firmware does: 7 hex digits and the finest prefix whose integer stays within
     * {@link #LARGEST_INTEGER}; zero as {@code 8000000 } (space prefix), as the recorded CV and SWV packages send it
     * (§1.6 rows 10 and 13).
     */
    public static String encode(double value) {
        if (Double.isNaN(value)) {
            return "     nan";
        }
        if (value == 0) {
            return String.format("%07X ", OFFSET);
        }
        char[] prefixes = {'a', 'f', 'p', 'n', 'u', 'm', ' ', 'k', 'M', 'G'};
        for (char prefix : prefixes) {
            // Compared before rounding: a value too large for a fine prefix (10 V in attounits) overflows a long.
            double scaled = value / SiPrefix.factor(prefix);
            long raw = Math.round(scaled);
            if (Math.abs(scaled) <= LARGEST_INTEGER && Math.abs(raw) <= LARGEST_INTEGER) {
                return String.format("%07X%c", raw + OFFSET, prefix);
            }
        }
        throw new IllegalArgumentException("value " + value + " cannot be encoded");
    }
}
