package org.norrlab.core;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The gas the electrolyte is saturated with during a step. A NORR study measures the same electrode under
 * argon (no NO: only double-layer charging and hydrogen evolution) and under NO; the difference of the two
 * sweeps is the NO-reduction current. The operator switches the gas; the program only records which it was,
 * and the simulated cell answers accordingly.
 */
public enum Gas {
    ARGON("Ar"),
    NITRIC_OXIDE("NO");

    private final String written;

    Gas(String written) {
        this.written = written;
    }

    /** Its name in protocols, the store and exports: {@code Ar} or {@code NO}. */
    public String written() {
        return written;
    }

    /** The gas named {@code text} (case-insensitive: Ar, argon, NO), if any. */
    public static Optional<Gas> named(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        if (t.equals("argon")) {
            return Optional.of(ARGON);
        }
        return Arrays.stream(values()).filter(g -> g.written.toLowerCase(Locale.ROOT).equals(t)).findFirst();
    }

    /** The names {@link #named} accepts, for messages. */
    public static String allowed() {
        return Arrays.stream(values()).map(Gas::written).collect(Collectors.joining(", "));
    }
}
