package org.norrlab.driver;

import org.norrlab.core.BadInputException;

import java.util.Locale;

/**
 * How fast a simulated or replayed instrument runs against the wall clock: 1 is real time, 600 is
 * ten minutes per second, {@link #MAX} is as fast as the machine can go. Real instruments ignore it.
 */
public record Speed(double factor) {
    public static final Speed REAL_TIME = new Speed(1);
    public static final Speed MAX = new Speed(Double.POSITIVE_INFINITY);

    public Speed {
        if (!(factor > 0)) {
            throw new IllegalArgumentException("speed must be > 0, was " + factor);
        }
    }

    public static Speed parse(String text) {
        String written = text.trim().toLowerCase(Locale.ROOT);
        if (written.equals("max")) {
            return MAX;
        }
        try {
            double factor = Double.parseDouble(written.endsWith("x") ? written.substring(0, written.length() - 1) : written);
            if (factor > 0 && Double.isFinite(factor)) {
                return new Speed(factor);
            }
        } catch (NumberFormatException e) {
            // fall through to the message below
        }
        throw new BadInputException("'" + text + "' is not a speed; give a factor > 0 (1 = real time, 600) or 'max'");
    }

    public boolean isMax() {
        return Double.isInfinite(factor);
    }

    @Override
    public String toString() {
        return isMax() ? "max" : (factor == Math.rint(factor) ? String.valueOf((long) factor) : String.valueOf(factor)) + "x";
    }
}
