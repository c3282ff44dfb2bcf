package org.norrlab.analysis;

import org.norrlab.core.BadInputException;

/** One calibration standard: its known concentration (in the calibration's unit) and the absorbance read. */
public record Standard(double concentration, double absorbance) {
    public Standard {
        if (!Double.isFinite(concentration) || concentration < 0) {
            throw new BadInputException("a standard's concentration must be >= 0, was " + concentration);
        }
        if (!Double.isFinite(absorbance)) {
            throw new BadInputException("a standard's absorbance must be a number, was " + absorbance);
        }
    }
}
