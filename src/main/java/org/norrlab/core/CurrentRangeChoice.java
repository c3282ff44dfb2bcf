package org.norrlab.core;

/** Either let the instrument auto-range, or hold one range (full scale in amperes). */
public record CurrentRangeChoice(boolean auto, double fullScaleAmperes) {
    public static final CurrentRangeChoice AUTO = new CurrentRangeChoice(true, Double.NaN);

    public static CurrentRangeChoice fixed(double fullScaleAmperes) {
        if (!(fullScaleAmperes > 0)) {
            throw new BadInputException("a current range must be > 0 A");
        }
        return new CurrentRangeChoice(false, fullScaleAmperes);
    }

    @Override
    public String toString() {
        return auto ? "auto" : Units.formatCurrent(fullScaleAmperes);
    }
}
