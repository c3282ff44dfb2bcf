package org.norrlab.analysis;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Turns assays into amounts: c_cell = c_measured · dilution, n = c_cell · V; or n from a GC mole fraction. */
public final class AssayConversion {
    /** 1 atm, for gas amounts from GC mole fractions: n = x·p·V/(R·T). */
    static final double PRESSURE_PA = 101_325;
    static final double GAS_CONSTANT = 8.314462618;

    private AssayConversion() {
    }

    public static ProductAmount amount(Assay assay, Optional<Calibration> calibration, Measure defaultVolumeMl,
                                       double temperatureCelsius) {
        Set<AssayFlag> flags = EnumSet.noneOf(AssayFlag.class);
        Measure moles = switch (assay.kind()) {
            case ABSORBANCE, CONCENTRATION -> {
                ElectrolyteBatch.Reading reading = concentration(assay, calibration);
                flags.addAll(reading.flags());
                yield reading.molPerLiter().times(assay.volumeMl().orElse(defaultVolumeMl).times(1e-3));
            }
            case AMOUNT -> assay.value().times(AmountUnit.parse(assay.unit()).molesPerUnit());
            case GC -> {
                double fraction = MoleFractionUnit.parse(assay.unit()) ;
                double liters = assay.gasFlowMlPerMinute().orElseThrow() * assay.gasMinutes().orElseThrow() / 1000;
                double molesOfGas = PRESSURE_PA * liters * 1e-3 / (GAS_CONSTANT * (temperatureCelsius + 273.15));
                yield assay.value().times(fraction * molesOfGas);
            }
        };
        return new ProductAmount(assay.product(), new Amount(moles), flags);
    }

    /**
     * The concentration in the cell (mol/L, dilution applied) an absorbance or concentration assay stands for, with
     * its flags and, for an absorbance, the calibration's LOD and LOQ in the cell (LOD_cell = DF·LOD,
     * norr-science-notes §2.3).
     */
    public static ElectrolyteBatch.Reading concentration(Assay assay, Optional<Calibration> calibration) {
        Measure dilution = Measure.relative(assay.dilution(), assay.dilution() == 1 ? 0 : assay.dilutionRelativeSigma());
        return switch (assay.kind()) {
            case ABSORBANCE -> {
                Calibration cal = calibration.orElseThrow(() -> new IllegalArgumentException(
                        "calibration " + assay.calibrationId().orElse(-1L) + " of assay " + assay.id() + " is not stored"));
                if (cal.product() != assay.product()) {
                    throw new IllegalArgumentException("calibration " + cal.id() + " is for " + cal.product()
                            + ", the assay measures " + assay.product());
                }
                CalibrationFit fit = cal.fit();
                Measure measured = fit.concentrationFor(assay.value().value());
                Set<AssayFlag> flags = rangeFlags(fit, measured.value());
                if (!fit.acceptable()) {
                    flags.add(AssayFlag.POOR_CALIBRATION);
                }
                double toCell = cal.concentrationUnit().molPerLiterPerUnit() * assay.dilution();
                yield new ElectrolyteBatch.Reading(measured.times(cal.concentrationUnit().molPerLiterPerUnit()).times(dilution),
                        flags, Optional.of(fit.lod() * toCell), Optional.of(fit.loq() * toCell),
                        "the LOD of calibration " + cal.id());
            }
            case CONCENTRATION -> new ElectrolyteBatch.Reading(assay.value().times(ConcentrationUnit.parse(assay.unit(),
                    assay.product()).molPerLiterPerUnit()).times(dilution), Set.of(), Optional.empty(), Optional.empty(), "");
            case AMOUNT, GC -> throw new IllegalArgumentException("assay " + assay.id() + " is " + assay.kind()
                    + ", not a concentration in the cell");
        };
    }

    static Set<AssayFlag> rangeFlags(CalibrationFit fit, double concentration) {
        Set<AssayFlag> flags = EnumSet.noneOf(AssayFlag.class);
        double tolerance = 1e-9 * Math.max(1, fit.maxConcentration());
        if (concentration > fit.maxConcentration() + tolerance) {
            flags.add(AssayFlag.EXTRAPOLATED_ABOVE);
        }
        double lowestNonZero = fit.minConcentration();
        if (lowestNonZero > 0 && concentration < lowestNonZero - tolerance) {
            flags.add(AssayFlag.EXTRAPOLATED_BELOW);
        }
        if (concentration < fit.lod()) {
            flags.add(AssayFlag.BELOW_LOD);
        } else if (concentration < fit.loq()) {
            flags.add(AssayFlag.BELOW_LOQ);
        }
        return flags;
    }

    /**
     * Replicate measurements of one product in one step: their mean, with the larger of the
     * propagated uncertainty of the mean and the standard error of the replicates.
     */
    public static ProductAmount combine(List<ProductAmount> replicates) {
        if (replicates.size() == 1) {
            return replicates.get(0);
        }
        Set<AssayFlag> flags = EnumSet.noneOf(AssayFlag.class);
        replicates.forEach(r -> flags.addAll(r.flags()));
        return new ProductAmount(replicates.get(0).product(),
                new Amount(mean(replicates.stream().map(r -> r.amount().moles()).toList())), flags);
    }

    /** The concentrations of replicate assays after one step, combined as {@link #combine} does amounts. */
    public static ElectrolyteBatch.Reading combineReadings(List<ElectrolyteBatch.Reading> replicates) {
        if (replicates.size() == 1) {
            return replicates.get(0);
        }
        Set<AssayFlag> flags = EnumSet.noneOf(AssayFlag.class);
        replicates.forEach(r -> flags.addAll(r.flags()));
        // the largest limit of the replicates: a difference must clear the least sensitive reading behind it
        ElectrolyteBatch.Reading widest = replicates.stream().max(java.util.Comparator.comparingDouble(
                r -> r.lodMolPerLiter().orElse(0.0))).orElseThrow();
        return new ElectrolyteBatch.Reading(mean(replicates.stream().map(ElectrolyteBatch.Reading::molPerLiter).toList()),
                flags, widest.lodMolPerLiter(), widest.loqMolPerLiter(), widest.limitSource());
    }

    /** Mean of replicates, σ the larger of the propagated σ of the mean and the standard error of the replicates. */
    private static Measure mean(List<Measure> replicates) {
        int n = replicates.size();
        double mean = replicates.stream().mapToDouble(Measure::value).average().orElseThrow();
        double propagated = Math.sqrt(replicates.stream().mapToDouble(r -> Math.pow(r.sigma(), 2)).sum()) / n;
        double spread = Math.sqrt(replicates.stream().mapToDouble(r -> Math.pow(r.value() - mean, 2))
                .sum() / (n - 1)) / Math.sqrt(n);
        return new Measure(mean, Math.max(propagated, spread));
    }

    /**
     * All assays of one product in one step, by where the product was found: replicates of a place are averaged
     * ({@link #combine}), and the places are summed, their uncertainties added in quadrature, because product that
     * crossed into the anolyte or was carried into an acid trap was made by the step as much as what stayed in the
     * catholyte. Averaging them instead would dilute the catholyte's amount. The parts are kept for display.
     */
    public static ProductAmount combineByPlace(Map<Assay.Place, List<ProductAmount>> byPlace) {
        if (byPlace.isEmpty()) {
            throw new IllegalArgumentException("no assays to combine");
        }
        Map<Assay.Place, Amount> parts = new EnumMap<>(Assay.Place.class);
        Set<AssayFlag> flags = EnumSet.noneOf(AssayFlag.class);
        Measure total = null;
        Product product = null;
        for (Map.Entry<Assay.Place, List<ProductAmount>> place : new EnumMap<>(byPlace).entrySet()) {
            ProductAmount mean = combine(place.getValue());
            parts.put(place.getKey(), mean.amount());
            flags.addAll(mean.flags());
            total = total == null ? mean.amount().moles() : total.plus(mean.amount().moles());
            product = mean.product();
        }
        return new ProductAmount(product, new Amount(total), flags, parts);
    }
}
