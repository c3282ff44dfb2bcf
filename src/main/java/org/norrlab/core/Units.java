package org.norrlab.core;

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

    public static String formatDuration(java.time.Duration duration) {
        long seconds = duration.toSeconds();
        long millis = duration.toMillisPart();
        if (seconds >= 3600) {
            return String.format(Locale.ROOT, "%d h %02d min %02d s", seconds / 3600, seconds % 3600 / 60, seconds % 60);
        }
        if (seconds >= 60) {
            return String.format(Locale.ROOT, "%d min %02d s", seconds / 60, seconds % 60);
        }
        return millis == 0 ? seconds + " s" : String.format(Locale.ROOT, "%.3f s", duration.toNanos() / 1e9);
    }
}
