package org.norrlab.core;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Formats values the way an electrochemist reads them: engineering prefixes, sensible digits. */
public final class Units {
    private static final String[] PREFIXES = {"p", "n", "µ", "m", "", "k"};

    private Units() {
    }

    public static String formatCurrent(double amperes) {
        return engineering(amperes, "A");
    }

    public static String engineering(double value, String unit) {
        if (Double.isNaN(value)) {
            return "—";
        }
        if (value == 0) {
            return "0 " + unit;
        }
        int exponent = (int) Math.floor(Math.log10(Math.abs(value)) / 3) * 3;
        exponent = Math.max(-12, Math.min(3, exponent));
        double scaled = value / Math.pow(10, exponent);
        String prefix = PREFIXES[(exponent + 12) / 3];
        return String.format(Locale.ROOT, "%.4g %s%s", scaled, prefix, unit);
    }

    /**
     * A duration as a person reads it: "50 µs", "0.1 ms", "1.5 s", "1 min 30 s", "2 h", "4 h 5 min". Below a minute
     * one unit with the exact decimals; from a minute on hours, minutes and seconds, leaving out the parts that are
     * zero. Never rounds a short interval to "0 s" and never shows Java's "PT0.0001S".
     */
    public static String formatDuration(Duration duration) {
        long nanos = duration.toNanos();
        if (nanos == 0) {
            return "0 s";
        }
        if (nanos < 0) {
            return "-" + formatDuration(duration.negated());
        }
        if (nanos < 1_000L) {
            return nanos + " ns";
        }
        if (nanos < 100_000L) {   // from 0.1 ms on, milliseconds: the unit protocols write intervals in
            return decimal(nanos, 3) + " µs";
        }
        if (nanos < 1_000_000_000L) {
            return decimal(nanos, 6) + " ms";
        }
        long seconds = duration.toSeconds();
        if (seconds < 60) {
            return decimal(nanos, 9) + " s";
        }
        List<String> parts = new ArrayList<>();
        if (seconds >= 3600) {
            parts.add(seconds / 3600 + " h");
        }
        if (seconds % 3600 / 60 != 0) {
            parts.add(seconds % 3600 / 60 + " min");
        }
        long secondsNanos = duration.minusSeconds(seconds - seconds % 60).toNanos();
        if (secondsNanos != 0) {
            parts.add(decimal(secondsNanos, 9) + " s");
        }
        return String.join(" ", parts);
    }

    /** {@code value / 10^scale} with exactly the digits it has: 100000 at scale 6 is "0.1", 1500 at scale 3 "1.5". */
    private static String decimal(long value, int scale) {
        return BigDecimal.valueOf(value, scale).stripTrailingZeros().toPlainString();
    }
}
