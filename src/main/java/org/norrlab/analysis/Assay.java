package org.norrlab.analysis;

import org.norrlab.core.BadInputException;

import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;
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
 * @param place           where the product was found; a GC reading is always {@link Place#GAS}
 */
public record Assay(long id, int stepIndex, Product product, Kind kind, Measure value, String unit,
                    Optional<Long> calibrationId, double dilution, double dilutionRelativeSigma,
                    Optional<Measure> volumeMl, Optional<Double> gasFlowMlPerMinute, Optional<Double> gasMinutes,
                    String operator, String note, Instant created, Place place) {

    public enum Kind { ABSORBANCE, CONCENTRATION, AMOUNT, GC }

    /**
     * Where a product was found. The same product can leave the cathode by several ways (dissolved in the catholyte,
     * crossed into the anolyte, carried by the gas into an acid trap, in the outlet gas): what the step made is the
     * sum over the places, while replicates of one place are averaged.
     */
    public enum Place {
        CATHOLYTE, ANOLYTE, ACID_TRAP, GAS;

        /** As stored and typed: catholyte, anolyte, acid_trap, gas. */
        public String written() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** The place an operator typed ("acid trap" and "acid-trap" too); anything else is refused naming the four. */
        public static Place parse(String text) {
            String key = text.trim().toLowerCase(Locale.ROOT).replace(' ', '_').replace('-', '_');
            return Arrays.stream(values()).filter(p -> p.written().equals(key)).findFirst().orElseThrow(() ->
                    new BadInputException("'" + text + "' is not a place an assay can come from; allowed: "
                            + String.join(", ", Arrays.stream(values()).map(Place::written).toList())));
        }
    }

    /** Relative uncertainty assumed for a volume given without one (volumetric glassware, ~1 %). */
    public static final double DEFAULT_VOLUME_RELATIVE_SIGMA = 0.01;
    /** Relative uncertainty assumed for a dilution given without one (pipettes, ~0.5 %). */
    public static final double DEFAULT_DILUTION_RELATIVE_SIGMA = 0.005;

    /** An assay of the catholyte, or of the gas for a GC reading: where every assay came from before places. */
    public Assay(long id, int stepIndex, Product product, Kind kind, Measure value, String unit,
                 Optional<Long> calibrationId, double dilution, double dilutionRelativeSigma,
                 Optional<Measure> volumeMl, Optional<Double> gasFlowMlPerMinute, Optional<Double> gasMinutes,
                 String operator, String note, Instant created) {
        this(id, stepIndex, product, kind, value, unit, calibrationId, dilution, dilutionRelativeSigma, volumeMl,
                gasFlowMlPerMinute, gasMinutes, operator, note, created, kind == Kind.GC ? Place.GAS : Place.CATHOLYTE);
    }

    public Assay {
        Objects.requireNonNull(product, "product");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(place, "place");
        if (kind == Kind.GC && place != Place.GAS) {
            throw new BadInputException("a GC reading measures the outlet gas: its place is gas, not " + place.written());
        }
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

    /** This assay, found at {@code where}. */
    public Assay at(Place where) {
        return new Assay(id, stepIndex, product, kind, value, unit, calibrationId, dilution, dilutionRelativeSigma, volumeMl,
                gasFlowMlPerMinute, gasMinutes, operator, note, created, where);
    }
}
