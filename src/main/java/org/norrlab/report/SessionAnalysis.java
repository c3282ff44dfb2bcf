package org.norrlab.report;

import org.norrlab.core.StepOutcome;
import org.norrlab.analysis.Amount;
import org.norrlab.analysis.Assay;
import org.norrlab.analysis.AssayConversion;
import org.norrlab.analysis.AssayFlag;
import org.norrlab.analysis.Calibration;
import org.norrlab.analysis.Charge;
import org.norrlab.analysis.StepTally;
import org.norrlab.analysis.FaradaicAnalysis;
import org.norrlab.analysis.Measure;
import org.norrlab.analysis.Plausibility;
import org.norrlab.analysis.Product;
import org.norrlab.analysis.ProductAmount;
import org.norrlab.core.EventKind;
import org.norrlab.store.AssayStore;
import org.norrlab.store.ControlLink;
import org.norrlab.store.SessionStore;
import org.norrlab.store.StoreException;
import org.norrlab.store.StoredAliquot;
import org.norrlab.store.StoredCorrection;
import org.norrlab.store.StoredEvent;
import org.norrlab.store.StoredSession;
import org.norrlab.store.StoredStep;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Reads a session and its assays from the store and runs the pure analysis over them: charge of
 * each CA step, product amounts net of controls, FE and yield.
 */
public final class SessionAnalysis {
    /** Samples further apart than this many intervals mark a gap. */
    static final double GAP_INTERVALS = 2.0;

    /**
     * @param blankCurrentAmperes a background current subtracted from every sample before integrating (signed, 0 = none)
     */
    public record Options(double blankCurrentAmperes) {
        public static final Options DEFAULT = new Options(0);
    }

    /**
     * @param session     the session with its corrected cell values (see {@link Corrections})
     * @param electrolyte the catholyte's mode, the aliquots taken and, for an accumulating session, the batch amounts
     * @param corrections the session's audit trail: what was corrected after the run, by whom, when and why
     */
    public record Result(StoredSession session, List<StepAnalysis> steps, Map<Long, Calibration> calibrations,
                         Options options, ElectrolyteSummary electrolyte, List<StoredCorrection> corrections) {
        public Result {
            corrections = List.copyOf(corrections);
        }

        public Result(StoredSession session, List<StepAnalysis> steps, Map<Long, Calibration> calibrations, Options options) {
            this(session, steps, calibrations, options, ElectrolyteSummary.REFRESH, List.of());
        }

        /** One note per correction applied, for the table and the report. */
        public List<String> correctionNotes() {
            return corrections.stream().map(c -> "corrected: " + c.describe()).toList();
        }
    }

    private final SessionStore store;
    private final AssayStore assays;
    private final Map<Long, Calibration> calibrationsUsed = new TreeMap<>();

    private SessionAnalysis(SessionStore store) {
        this.store = store;
        this.assays = store.assays();
    }

    public static Result analyze(SessionStore store, long sessionId, Options options) throws StoreException {
        return new SessionAnalysis(store).run(sessionId, options);
    }

    private Result run(long sessionId, Options options) throws StoreException {
        Corrections corrected = Corrections.read(store, sessionId);
        StoredSession session = corrected.session();
        List<Assay> all = assays.currentAssays(sessionId);
        List<ControlLink> controls = assays.controls(sessionId);
        Set<Integer> gapSteps = new java.util.HashSet<>();
        List<StoredEvent> events = store.events(sessionId);
        for (StoredEvent event : events) {
            if (event.event().kind() == EventKind.GAP) {
                gapSteps.add(event.stepIndex());
            }
        }
        List<StoredStep> stored = corrected.steps();
        List<StoredAliquot> aliquots = store.aliquots(sessionId);
        Map<Integer, Plausibility.Flag> holdFlags = HoldsWithoutOperator.flags(session.electrolyte(), stored, events);
        BatchAmounts batches = BatchAmounts.of(session, stored, all, aliquots, this::calibration);
        List<Assay> perStep = all.stream().filter(a -> !batches.covers(a)).toList();
        List<StepAnalysis> steps = new ArrayList<>();
        for (StoredStep step : stored) {
            if (!step.kind().equals("ca")) {
                continue;
            }
            StepAnalysis analysed = analyzeStep(session, step, perStep, batches, controls, gapSteps.contains(step.index()),
                    options);
            Plausibility.Flag afterHold = holdFlags.get(step.index());
            if (afterHold != null) {
                List<Plausibility.Flag> flags = new ArrayList<>(analysed.flags());
                flags.add(afterHold);
                analysed = new StepAnalysis(analysed.step(), analysed.samples(), analysed.durationSeconds(),
                        analysed.charge(), analysed.largestGapSeconds(), analysed.outcome(), analysed.notes(), flags);
            }
            steps.add(analysed);
        }
        return new Result(session, steps, calibrationsUsed, options, new ElectrolyteSummary(session.electrolyte(),
                aliquots, batches.lines(), batchRows(session, batches, steps)), corrected.trail());
    }

    /** One FE over each stretch of a batch that can only be counted as a whole: charges and times summed. */
    private static List<ElectrolyteSummary.Row> batchRows(StoredSession session, BatchAmounts batches,
                                                          List<StepAnalysis> steps) {
        List<ElectrolyteSummary.Row> rows = new ArrayList<>();
        for (BatchAmounts.Stretch stretch : batches.stretches()) {
            double coulombs = 0;
            double seconds = 0;
            for (StepAnalysis step : steps) {
                if (stretch.segment().steps().contains(step.step().index())) {
                    coulombs += step.charge().coulombs();
                    seconds += step.durationSeconds();
                }
            }
            Charge charge = new Charge(coulombs);
            double duration = seconds;
            Optional<FaradaicAnalysis.Outcome> outcome = stretch.segment().produced().map(n -> FaradaicAnalysis.evaluate(
                    charge, Math.max(duration, 1e-9), session.cell().electrodeAreaCm2(),
                    session.cell().catalystLoadingMgPerCm2(), Map.of(stretch.product(), new ProductAmount(stretch.product(),
                            new Amount(n), stretch.segment().flags())), Map.of()));
            rows.add(new ElectrolyteSummary.Row(stretch.batch(), stretch.product(), stretch.segment(), charge, duration,
                    outcome));
        }
        return rows;
    }

    private StepAnalysis analyzeStep(StoredSession session, StoredStep step, List<Assay> all, BatchAmounts batches,
                                     List<ControlLink> controls, boolean gapEvent, Options options) throws StoreException {
        StepTally tally = store.tally(session.id(), step.index());
        double gapLimit = GAP_INTERVALS * step.intervalSeconds();
        List<String> notes = new ArrayList<>();
        boolean completed = step.outcome().filter(o -> o == StepOutcome.COMPLETED).isPresent();
        double interiorGap = tally.maxInterval() > gapLimit + 1e-9 ? tally.maxInterval() : 0;
        // Samples that stop before a completed step's end leave a gap no interval between two samples shows.
        double trailing = completed && Double.isFinite(step.plannedDurationSeconds())
                ? step.plannedDurationSeconds() - tally.lastTime() : 0;
        double trailingGap = trailing > gapLimit + 1e-9 ? trailing : 0;
        double largestGap = Math.max(interiorGap, trailingGap);
        if (interiorGap > 0) {
            notes.add(String.format(Locale.ROOT, "gap in the data (longest %.1f s without samples): Q bridges it by"
                    + " straight-line interpolation, so treat this step's FE and yield with care", interiorGap));
        } else if (gapEvent && trailingGap == 0) {
            notes.add(String.format(Locale.ROOT, "a gap was recorded during this step (a GAP event), but no stretch"
                    + " without samples is longer than %.0f intervals", GAP_INTERVALS));
            largestGap = step.intervalSeconds() * GAP_INTERVALS;
        }
        long withoutCurrent = tally.samples() - tally.currentSamples();
        if (withoutCurrent > 0) {
            // e.g. the Rodeostat's NaN: kept and flagged NO_CURRENT, and left out of Q rather than counted as 0 A
            notes.add(String.format(Locale.ROOT, "%d of %d samples carry no current (the instrument sent none, or"
                    + " not a number): Q bridges them by straight-line interpolation", withoutCurrent, tally.samples()));
        }
        if (options.blankCurrentAmperes() != 0) {
            notes.add(String.format(Locale.ROOT, "blank current %.4g A subtracted before integrating", options.blankCurrentAmperes()));
        }
        long planned = plannedSamples(step);
        // Samples missing only inside a gap are bridged (the note above); missing anywhere else, Q is short.
        if (!completed || trailingGap > 0 || tally.samples() < planned && interiorGap == 0) {
            String status = step.outcome().map(StepOutcome::words).orElse("did not finish");
            notes.add("step " + status + (planned > 0 ? " with " + tally.samples() + " of " + planned + " planned samples" : "")
                    + (trailingGap > 0 ? String.format(Locale.ROOT, ", none in its last %.1f s", trailingGap) : "")
                    + ": Q and yield cover only the recorded part");
        }
        double duration = tally.lastTime();
        Map<Product, ProductAmount> amounts = amounts(session, step.index(), all);
        amounts.putAll(batches.amounts(step.index()));
        notes.addAll(batches.notes(step.index()));
        Map<Product, Boolean> subtracted = new EnumMap<>(Product.class);
        for (ControlLink link : controls) {
            Optional<Integer> controlStep = link.controlStepFor(step.index());
            if (controlStep.isEmpty()) {
                continue;
            }
            StoredSession control = store.session(link.controlSessionId()).orElseThrow(() -> new StoreException(
                    "control session " + link.controlSessionId() + " is not in " + store.location()));
            Map<Product, ProductAmount> blank = amounts(control, controlStep.get(), assays.currentAssays(control.id()));
            for (Map.Entry<Product, ProductAmount> entry : blank.entrySet()) {
                ProductAmount sample = amounts.get(entry.getKey());
                if (sample == null || subtracted.containsKey(entry.getKey())) {
                    continue;
                }
                Set<AssayFlag> flags = EnumSet.noneOf(AssayFlag.class);
                flags.addAll(sample.flags());
                var net = sample.amount().minus(entry.getValue().amount());
                if (net.moles().value() < 0) {
                    flags.add(AssayFlag.NEGATIVE_AFTER_CONTROL);
                }
                amounts.put(entry.getKey(), new ProductAmount(entry.getKey(), net, flags, sample.parts()));
                subtracted.put(entry.getKey(), true);
                notes.add(String.format(Locale.ROOT, "%s of control session %d step %d subtracted (%.4g µmol)",
                        entry.getKey(), control.id(), controlStep.get(), entry.getValue().amount().micromoles()));
            }
        }
        if (amounts.isEmpty() && batches.notes(step.index()).isEmpty()) {
            notes.add("no assay results yet: add them with 'norrlab assay add'");
        }
        double signedCoulombs = tally.coulombs(options.blankCurrentAmperes());
        Charge charge = Charge.magnitudeOf(signedCoulombs);
        FaradaicAnalysis.Outcome outcome = FaradaicAnalysis.evaluate(charge,
                Math.max(duration, 1e-9), session.cell().electrodeAreaCm2(), session.cell().catalystLoadingMgPerCm2(),
                amounts, subtracted);
        return new StepAnalysis(step, tally.samples(), duration, charge, largestGap, outcome, notes,
                Plausibility.check(signedCoulombs, outcome, tally.samples(), planned));
    }

    /** One sample per whole interval of the planned duration; 0 when the step does not say (some imports). */
    private static long plannedSamples(StoredStep step) {
        double planned = step.plannedDurationSeconds() / step.intervalSeconds();
        return Double.isFinite(planned) && planned > 0 ? (long) Math.floor(planned + 1e-6) : 0;
    }

    /** The calibration an assay is read through, remembered for the report. */
    private Optional<Calibration> calibration(Assay assay) throws StoreException {
        if (assay.calibrationId().isEmpty()) {
            return Optional.empty();
        }
        long id = assay.calibrationId().get();
        Optional<Calibration> calibration = assays.calibration(id);
        calibration.ifPresent(c -> calibrationsUsed.put(id, c));
        return calibration;
    }

        /**
     * Amounts per product for one step of a session, no controls applied: replicates of a place averaged, places
     * summed ({@link AssayConversion#combineByPlace}).
     */
    private Map<Product, ProductAmount> amounts(StoredSession session, int stepIndex, List<Assay> all)
            throws StoreException {
        Map<Product, Map<Assay.Place, List<ProductAmount>>> byProduct = new LinkedHashMap<>();
        Measure cellVolume = Measure.relative(session.cell().electrolyteVolumeMl(), Assay.DEFAULT_VOLUME_RELATIVE_SIGMA);
        for (Assay assay : all) {
            if (assay.stepIndex() != stepIndex) {
                continue;
            }
            Optional<Calibration> calibration = calibration(assay);
            byProduct.computeIfAbsent(assay.product(), p -> new EnumMap<>(Assay.Place.class))
                    .computeIfAbsent(assay.place(), p -> new ArrayList<>())
                    .add(AssayConversion.amount(assay, calibration, cellVolume, session.cell().temperatureCelsius()));
        }
        Map<Product, ProductAmount> combined = new EnumMap<>(Product.class);
        byProduct.forEach((product, places) -> combined.put(product, AssayConversion.combineByPlace(places)));
        return combined;
    }
}
