package org.norrlab.report;

import org.norrlab.analysis.Assay;
import org.norrlab.analysis.AssayConversion;
import org.norrlab.analysis.Calibration;
import org.norrlab.analysis.ElectrolyteBatch;
import org.norrlab.analysis.Product;
import org.norrlab.analysis.ProductAmount;
import org.norrlab.analysis.Amount;
import org.norrlab.core.BadInputException;
import org.norrlab.plan.Electrolyte;
import org.norrlab.store.StoreException;
import org.norrlab.store.StoredAliquot;
import org.norrlab.store.StoredSession;
import org.norrlab.store.StoredStep;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Turns an accumulating session's steps, assays and aliquots into what each CA step made of the products that stay
 * dissolved in the catholyte ({@link ElectrolyteBatch}). Steps of a refresh session, and steps with no batch
 * (stored before schema 11, imported) are left to the per-step analysis, which treats each as fresh electrolyte.
 * Gas products leave the cell with the gas and are always per step.
 */
final class BatchAmounts {
    /** Products that stay in the catholyte and so accumulate over a batch. */
    static final List<Product> DISSOLVED = List.of(Product.NH3, Product.NH2OH);

    interface Calibrations {
        Optional<Calibration> of(Assay assay) throws StoreException;
    }

    private final boolean accumulating;
    private final Map<Integer, Integer> batchOfStep = new TreeMap<>();
    private final Map<Integer, Map<Product, ProductAmount>> amounts = new TreeMap<>();
    private final Map<Integer, List<String>> notes = new TreeMap<>();
    private final List<ElectrolyteSummary.Line> lines = new ArrayList<>();
    /** Stretches over more than one step: one FE over them, shown as a batch row. */
    private final List<Stretch> stretches = new ArrayList<>();

    record Stretch(int batch, Product product, ElectrolyteBatch.Segment segment) {
    }

    private BatchAmounts(boolean accumulating) {
        this.accumulating = accumulating;
    }

    static BatchAmounts of(StoredSession session, List<StoredStep> steps, List<Assay> assays,
                           List<StoredAliquot> aliquots, Calibrations calibrations) throws StoreException {
        BatchAmounts result = new BatchAmounts(session.electrolyte() == Electrolyte.Mode.ACCUMULATE);
        if (!result.accumulating) {
            return result;
        }
        Map<Integer, List<StoredStep>> batches = new TreeMap<>();
        for (StoredStep step : steps) {
            if (step.kind().equals("ca") && step.context().batch() > 0) {
                batches.computeIfAbsent(step.context().batch(), b -> new ArrayList<>()).add(step);
                result.batchOfStep.put(step.index(), step.context().batch());
            }
        }
        for (Map.Entry<Integer, List<StoredStep>> batch : batches.entrySet()) {
            result.addBatch(session, batch.getKey(), batch.getValue(), steps, assays, aliquots, calibrations);
        }
        return result;
    }

    /** Whether this model, not the per-step analysis, counts this assay. */
    boolean covers(Assay assay) {
        return batchOfStep.containsKey(assay.stepIndex()) && DISSOLVED.contains(assay.product());
    }

    Map<Product, ProductAmount> amounts(int stepIndex) {
        return amounts.getOrDefault(stepIndex, Map.of());
    }

    List<String> notes(int stepIndex) {
        return notes.getOrDefault(stepIndex, List.of());
    }

    List<ElectrolyteSummary.Line> lines() {
        return List.copyOf(lines);
    }

    List<Stretch> stretches() {
        return List.copyOf(stretches);
    }

    private void addBatch(StoredSession session, int batch, List<StoredStep> caSteps, List<StoredStep> allSteps,
                          List<Assay> assays, List<StoredAliquot> aliquots, Calibrations calibrations) throws StoreException {
        // Aliquots go to the last CA step of the batch at or before the step they were taken after (at a hold, the
        // step before it); one taken before the batch's first CA step only lowers its starting volume.
        Map<Integer, List<ElectrolyteBatch.Aliquot>> aliquotsAfter = new LinkedHashMap<>();
        double startVolume = session.cell().electrolyteVolumeMl();
        for (StoredAliquot aliquot : aliquots) {
            if (batchAt(allSteps, aliquot.afterStep()) != batch) {
                continue;
            }
            Optional<StoredStep> owner = caSteps.stream().filter(s -> s.index() <= aliquot.afterStep())
                    .reduce((a, b) -> b);
            if (owner.isEmpty()) {
                startVolume -= aliquot.replaced() ? 0 : aliquot.volumeMl();
                continue;
            }
            aliquotsAfter.computeIfAbsent(owner.get().index(), i -> new ArrayList<>())
                    .add(new ElectrolyteBatch.Aliquot(aliquot.volumeMl(), aliquot.replaced()));
        }
        for (Product product : DISSOLVED) {
            List<ElectrolyteBatch.BatchStep> batchSteps = new ArrayList<>();
            boolean anyReading = false;
            for (StoredStep step : caSteps) {
                List<ElectrolyteBatch.Reading> readings = new ArrayList<>();
                for (Assay assay : assays) {
                    if (assay.stepIndex() != step.index() || assay.product() != product) {
                        continue;
                    }
                    if (assay.kind() == Assay.Kind.AMOUNT) {
                        throw new BadInputException(String.format(Locale.ROOT, "assay %d gives an amount of %s after"
                                + " step %d, but step %d runs in accumulating electrolyte batch %d, where an amount is"
                                + " ambiguous (in the aliquot, or in the whole cell?): give the concentration or the"
                                + " absorbance of the catholyte after step %d instead ('norrlab assay add SESSION --step %d"
                                + " …')", assay.id(), product, step.index(), step.index(), batch, step.index(), step.index()));
                    }
                    if (assay.kind() == Assay.Kind.GC) {
                        continue;
                    }
                    if (assay.place() != Assay.Place.CATHOLYTE) {
                        // averaging it with the catholyte's concentration (as replicates) would silently skew the step
                        note(step.index(), String.format(Locale.ROOT, "assay %d (%s) is not counted: in accumulating"
                                + " batch %d only catholyte assays are differenced step by step, and how the %s"
                                + " accumulates over the batch is not modelled", assay.id(), assay.place().written(), batch,
                                assay.place().written()));
                        continue;
                    }
                    if (assay.volumeMl().isPresent()) {
                        note(step.index(), String.format(Locale.ROOT, "assay %d gives its own volume (%.4g mL); in an"
                                + " accumulating batch the volume is the session's electrolyte volume less the aliquots"
                                + " not replaced, so it is not used", assay.id(), assay.volumeMl().get().value()));
                    }
                    readings.add(AssayConversion.concentration(assay, calibrations.of(assay)));
                }
                Optional<ElectrolyteBatch.Reading> reading = readings.isEmpty() ? Optional.empty()
                        : Optional.of(AssayConversion.combineReadings(readings));
                anyReading |= reading.isPresent();
                List<ElectrolyteBatch.Aliquot> after = aliquotsAfter.getOrDefault(step.index(), List.of());
                if (reading.isPresent() && after.isEmpty() && step != caSteps.get(caSteps.size() - 1)) {
                    note(step.index(), product + " assayed after this step, but no aliquot is recorded after it: taken as"
                            + " removing no catholyte; record it with 'norrlab aliquot add SESSION --after-step "
                            + step.index() + " --volume …'");
                }
                batchSteps.add(new ElectrolyteBatch.BatchStep(step.index(), reading, after));
            }
            if (!anyReading) {
                continue;
            }
            ElectrolyteBatch.Result result = ElectrolyteBatch.evaluate(startVolume, Assay.DEFAULT_VOLUME_RELATIVE_SIGMA,
                    batchSteps);
            for (ElectrolyteBatch.StepAmount step : result.steps()) {
                Optional<ElectrolyteBatch.Segment> segment = step.segment() < 0 ? Optional.empty()
                        : Optional.of(result.segments().get(step.segment()));
                lines.add(new ElectrolyteSummary.Line(step.stepIndex(), batch, product, step.volumeMl(), step.inCell(), step.cumulative(),
                        segment));
                if (segment.isEmpty()) {
                    note(step.stepIndex(), String.format(Locale.ROOT, "%s: no assay after this step or a later one of"
                            + " batch %d yet, so what it made is not known", product, batch));
                }
            }
            for (ElectrolyteBatch.Segment segment : result.segments()) {
                String where = product + " in batch " + batch + (segment.steps().size() > 1
                        ? " over steps " + segment.first() + "–" + segment.last() : "") + ": ";
                segment.notes().forEach(n -> note(segment.last(), where + n));
                if (segment.steps().size() == 1 && segment.produced().isPresent()) {
                    amounts.computeIfAbsent(segment.last(), i -> new EnumMap<>(Product.class)).put(product,
                            new ProductAmount(product, new Amount(segment.produced().get()), segment.flags()));
                    continue;
                }
                stretches.add(new Stretch(batch, product, segment));
                String why = segment.aliquotsInside()
                        ? String.format(Locale.ROOT, "%s: per-step FE not available: steps %d–%d of batch %d are"
                        + " counted together and an aliquot inside them has no assay", product, segment.first(),
                        segment.last(), batch)
                        : String.format(Locale.ROOT, "%s: per-step FE not available: one batch over steps %d–%d without"
                        + " aliquots; see the batch row", product, segment.first(), segment.last());
                segment.steps().forEach(i -> note(i, why));
            }
        }
    }

    private void note(int stepIndex, String text) {
        notes.computeIfAbsent(stepIndex, i -> new ArrayList<>()).add(text);
    }

    /** The batch of the step an aliquot was taken after, or of the last step before it when that step is not stored. */
    private static int batchAt(List<StoredStep> steps, int stepIndex) {
        return steps.stream().filter(s -> s.index() <= stepIndex).reduce((a, b) -> b).map(s -> s.context().batch())
                .orElse(0);
    }
}
