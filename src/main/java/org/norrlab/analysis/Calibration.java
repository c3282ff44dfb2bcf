package org.norrlab.analysis;

import org.norrlab.core.BadInputException;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * An assay calibration as entered: standards, optional blank replicates, and what was measured how.
 * The fit is derived ({@link #fit()}), never stored, so it can always be re-checked.
 *
 * @param unit            concentration unit of the standards, e.g. "µg/mL NH4+-N"
 * @param blankAbsorbances replicate readings of reagent blanks; empty when none were made
 * @param acceptedPoorFit the operator accepted a fit that fails the acceptance rule
 */
public record Calibration(long id, Instant created, String operator, String note, Product product, String method,
                          double wavelengthNm, String unit, String sourceFile, List<Standard> standards,
                          List<Double> blankAbsorbances, boolean acceptedPoorFit) {
    public Calibration {
        Objects.requireNonNull(product, "product");
        standards = List.copyOf(standards);
        blankAbsorbances = List.copyOf(blankAbsorbances);
        if (standards.size() < 2) {
            throw new BadInputException("a calibration needs at least 2 standards, got " + standards.size());
        }
        ConcentrationUnit.parse(unit, product);
    }

    public CalibrationFit fit() {
        return CalibrationFit.of(standards, blankAbsorbances);
    }

    public ConcentrationUnit concentrationUnit() {
        return ConcentrationUnit.parse(unit, product);
    }
}
