package org.norrlab.config;

/** A potential as an operator wrote it, with the scale it was written against. */
public record Potential(double volts, Scale scale) {
    public enum Scale {
        /** the reversible hydrogen electrode in the same electrolyte */
        RHE,
        /** the physical reference electrode in the cell */
        RE
    }

    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT, "%+.3f V vs %s", volts, scale);
    }
}
