package org.norrlab.analysis;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One product measurement for one step, as entered. Raw inputs only; {@link AssayConversion}
 * turns it into an amount when the analysis runs.
 *
 * @param value           absorbance (AU), concentration, amount, or gas mole fraction, in {@code unit}
 * @param calibrationId   the calibration an absorbance is read through
 * @param dilution        dilution factor of the aliquot before the assay (1 = undiluted)
 * @param volumeMl        electrolyte volume the product is dissolved in; empty: the session's cell volume
 * @param gasFlowMlPerMinute and {@code gasMinutes}: for GC readings of the outlet gas
 */
public record Assay(long id, int stepIndex, Product product, Kind kind, Measure value, String unit,
                    Optional<Long> calibrationId, double dilution, double dilutionRelativeSigma,
                    Optional<Measure> volumeMl, Optional<Double> gasFlowMlPerMinute, Optional<Double> gasMinutes,
                    String operator, String note, Instant created) {

    public enum Kind { ABSORBANCE, CONCENTRATION, AMOUNT, GC }

    /** Relative uncertainty assumed for a volume given without one (volumetric glassware, ~1 %). */
    public static final double DEFAULT_VOLUME_RELATIVE_SIGMA = 0.01;
    /** Relative uncertainty assumed for a dilution given without one (pipettes, ~0.5 %). */
    public static final double DEFAULT_DILUTION_RELATIVE_SIGMA = 0.005;

    public Assay {
        Objects.requireNonNull(product, "product");
        Objects.requireNonNull(kind, "kind");
        if (!(dilution >= 1)) {
            throw new IllegalArgumentException("a dilution factor must be >= 1, was " + dilution);
        }
        if (kind == Kind.ABSORBANCE && calibrationId.isEmpty()) {
            throw new IllegalArgumentException("an absorbance needs the id of the calibration to read it through");
        }
        if (kind == Kind.GC && (gasFlowMlPerMinute.isEmpty() || gasMinutes.isEmpty())) {
            throw new IllegalArgumentException("a GC reading needs the gas flow and the sampling time");
        }
    }
}
