package org.norrlab.labdata;

import org.norrlab.analysis.AmountUnit;
import org.norrlab.analysis.Assay;
import org.norrlab.analysis.Calibration;
import org.norrlab.analysis.ConcentrationUnit;
import org.norrlab.analysis.Measure;
import org.norrlab.analysis.MoleFractionUnit;
import org.norrlab.analysis.Product;
import org.norrlab.analysis.WrittenValue;
import org.norrlab.core.BadInputException;
import org.norrlab.store.SessionStore;
import org.norrlab.store.StoreException;
import org.norrlab.store.StoredStep;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One assay as typed on the command line or in a batch CSV row, checked against the session and
 * the stored calibrations before it is stored. Exactly one of absorbance, concentration, amount or
 * GC reading must be given.
 */
public record AssayEntry(int step, String product, Optional<Double> absorbance, Optional<Long> calibration, double dilution,
                  Optional<String> concentration, Optional<String> amount, Optional<String> gc, Optional<String> flow,
                  Optional<Double> minutes, Optional<String> volume, String operator, String note) {

    public Assay toAssay(SessionStore store, long sessionId) throws StoreException {
        List<StoredStep> steps = store.steps(sessionId);
        StoredStep stored = steps.stream().filter(s -> s.index() == step).findFirst().orElseThrow(() ->
                new BadInputException("session " + sessionId + " has no step " + step + "; its CA steps are "
                        + steps.stream().filter(s -> s.kind().equals("ca")).map(s -> String.valueOf(s.index())).toList()));
        if (!stored.kind().equals("ca")) {
            throw new BadInputException("step " + step + " of session " + sessionId + " is an open-circuit rest;"
                    + " products belong to a CA step");
        }
        Product p = Product.parse(product);
        int given = (absorbance.isPresent() ? 1 : 0) + (concentration.isPresent() ? 1 : 0) + (amount.isPresent() ? 1 : 0)
                + (gc.isPresent() ? 1 : 0);
        if (given != 1) {
            throw new BadInputException("give exactly one of: an absorbance (with its calibration), a concentration,"
                    + " an amount, or a GC reading (with the gas flow); " + given + " were given");
        }
        if (!(dilution >= 1)) {
            throw new BadInputException("a dilution factor must be 1 or more, was " + dilution);
        }
        Optional<Measure> volumeMl = volume.map(WrittenValue::volumeMl);
        if (absorbance.isPresent()) {
            long id = calibration.orElseThrow(() -> new BadInputException(
                    "an absorbance needs --calibration ID ('norrlab calib list' shows them)"));
            Calibration cal = store.assays().calibration(id).orElseThrow(() -> new BadInputException(
                    "there is no calibration " + id + "; 'norrlab calib list' lists the ones there are"));
            if (cal.product() != p) {
                throw new BadInputException("calibration " + id + " is for " + cal.product() + ", not " + p);
            }
            return assay(p, Assay.Kind.ABSORBANCE, Measure.exact(absorbance.get()), "AU", calibration, volumeMl,
                    Optional.empty(), Optional.empty());
        }
        if (concentration.isPresent()) {
            WrittenValue c = WrittenValue.parse(concentration.get(), "a concentration");
            if (c.unit().isEmpty()) {
                throw new BadInputException("'" + concentration.get().trim() + "' has no unit; allowed: " + ConcentrationUnit.ALLOWED);
            }
            ConcentrationUnit.parseEntered(c.unit(), p);
            return assay(p, Assay.Kind.CONCENTRATION, c.measure(), c.unit(), Optional.empty(), volumeMl, Optional.empty(),
                    Optional.empty());
        }
        if (amount.isPresent()) {
            WrittenValue a = WrittenValue.parse(amount.get(), "an amount");
            AmountUnit.parse(a.unit());
            return assay(p, Assay.Kind.AMOUNT, a.measure(), a.unit(), Optional.empty(), volumeMl, Optional.empty(),
                    Optional.empty());
        }
        WrittenValue x = WrittenValue.parse(gc.get(), "a GC mole fraction");
        MoleFractionUnit.parse(x.unit());
        double mlPerMinute = flowMlPerMinute(flow.orElseThrow(() -> new BadInputException(
                "a GC reading needs --flow, the gas flow through the cell, e.g. '20 mL/min'")));
        double sampled = minutes.orElse(stored.durationSeconds() / 60);
        return assay(p, Assay.Kind.GC, x.measure(), x.unit(), Optional.empty(), volumeMl, Optional.of(mlPerMinute),
                Optional.of(sampled));
    }

    private Assay assay(Product p, Assay.Kind kind, Measure value, String unit, Optional<Long> calibrationId,
                        Optional<Measure> volumeMl, Optional<Double> flowMlMin, Optional<Double> gasMinutes) {
        return new Assay(0, step, p, kind, value, unit, calibrationId, dilution, Assay.DEFAULT_DILUTION_RELATIVE_SIGMA,
                volumeMl, flowMlMin, gasMinutes, operator, note, Instant.now());
    }

    private static double flowMlPerMinute(String text) {
        WrittenValue v = WrittenValue.parse(text, "a gas flow");
        return switch (v.unit()) {
            case "mL/min", "sccm", "ml/min" -> v.measure().value();
            case "L/min" -> v.measure().value() * 1000;
            default -> throw new BadInputException("'" + v.unit() + "' is not a gas flow unit; allowed: mL/min, sccm, L/min");
        };
    }
}
