package org.norrlab.report;

import org.norrlab.analysis.DoubleLayer;
import org.norrlab.analysis.Onset;
import org.norrlab.analysis.SweepDifference;
import org.norrlab.analysis.Voltammogram;
import org.norrlab.core.BadInputException;
import org.norrlab.core.Gas;
import org.norrlab.core.Sample;
import org.norrlab.core.Technique;
import org.norrlab.store.SessionStore;
import org.norrlab.store.StoreException;
import org.norrlab.store.StoredSession;
import org.norrlab.store.StoredStep;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.TreeSet;

/**
 * The sweeps of a session, read from the store and run through the pure sweep analysis: the onset of every LSV, the
 * difference of the last LSV under NO and the last under Ar, and C_dl and ECSA from the CVs of a scan-rate series.
 * What cannot be computed becomes a note saying why, so that the rest is still shown.
 */
public final class SweepSession {
    private static final Logger LOG = LoggerFactory.getLogger(SweepSession.class);
    /** CVs whose windows differ by no more than this at either end belong to one scan-rate series. */
    static final double SAME_WINDOW_VOLTS = 0.010;

    /**
     * @param onsetAmperesPerCm2   |j| that defines the onset (A/cm²)
     * @param cdlVoltsVsRhe        where Δj/2 is read; empty: the middle of the series' window
     * @param specificFaradsPerCm2 C_s for the ECSA
     * @param cdlSteps             the CV steps of the scan-rate series; empty: the CVs sharing one window over the most
     *                             scan rates
     */
    public record Options(double onsetAmperesPerCm2, OptionalDouble cdlVoltsVsRhe, double specificFaradsPerCm2,
                          List<Integer> cdlSteps) {
        /** Onset at 1 mA/cm², a common definition in NORR papers; C_s 40 µF/cm² (see {@link DoubleLayer}). */
        public static final Options DEFAULT = new Options(1e-3, OptionalDouble.empty(),
                DoubleLayer.DEFAULT_SPECIFIC_FARADS_PER_CM2, List.of());

        public Options {
            cdlSteps = List.copyOf(cdlSteps);
        }
    }

    /** One LSV and its onset (empty with a note in {@link Result#notes} when it has none to read). */
    public record Lsv(Voltammogram sweep, Optional<Onset> onset) {
    }

    /**
     * @param cvs         every CV step, in step order
     * @param series      the CVs the C_dl fit used (empty when it was not computed)
     * @param notes       what could not be computed, and why; what was left out
     */
    public record Result(StoredSession session, Options options, List<Lsv> lsvs, Optional<SweepDifference> difference,
                         Optional<Onset> differenceOnset, List<Voltammogram> cvs, List<Voltammogram> series,
                         Optional<DoubleLayer> doubleLayer, List<String> notes) {
        public Result {
            lsvs = List.copyOf(lsvs);
            cvs = List.copyOf(cvs);
            series = List.copyOf(series);
            notes = List.copyOf(notes);
        }
    }

    private SweepSession() {
    }

    /** Whether any of the steps is an LSV or a CV. */
    public static boolean hasSweeps(List<StoredStep> steps) {
        return steps.stream().anyMatch(StoredStep::isSweep);
    }

    /**
     * A stored sweep step and its samples as the analysis takes them: potentials put on the RHE scale by the step's
     * own offset ({@code voltsVsRhe − voltsVsReference}), the scan rate the step's settings hold (NaN, i.e. to be
     * measured, when they hold none).
     */
    public static Voltammogram voltammogram(StoredStep step, List<Sample> samples, double electrodeAreaCm2) {
        Technique technique = Technique.named(step.kind()).filter(t -> t == Technique.LINEAR_SWEEP
                || t == Technique.CYCLIC_VOLTAMMETRY).orElseThrow(() -> new IllegalArgumentException("step "
                + step.index() + " is a " + step.kind() + " step, not a sweep"));
        return Voltammogram.usable(step.index(), step.label(), technique, step.gas(), step.settings().scanRateVoltsPerSecond(),
                step.voltsVsRhe() - step.voltsVsReference(), electrodeAreaCm2, samples);
    }

    public static Result analyze(SessionStore store, long sessionId, Options options) throws StoreException {
        Corrections corrected = Corrections.read(store, sessionId);
        StoredSession session = corrected.session();
        double area = session.cell().electrodeAreaCm2();
        List<Voltammogram> lsvs = new ArrayList<>();
        List<Voltammogram> cvs = new ArrayList<>();
        for (StoredStep step : corrected.steps()) {
            if (step.isSweep()) {
                List<Sample> samples = new ArrayList<>();
                store.forEachSample(sessionId, step.index(), (seq, s) -> samples.add(s));
                Voltammogram sweep = voltammogram(step, samples, area);
                (sweep.technique() == Technique.LINEAR_SWEEP ? lsvs : cvs).add(sweep);
            }
        }
        return analyze(session, lsvs, cvs, options);
    }

    /** Pure: the analysis of sweeps already read. */
    public static Result analyze(StoredSession session, List<Voltammogram> lsvs, List<Voltammogram> cvs, Options options) {
        List<String> notes = new ArrayList<>();
        for (Voltammogram sweep : concat(lsvs, cvs)) {
            if (sweep.leftOut() > 0) {
                notes.add(String.format(Locale.ROOT, "%s: %d samples without a current or with an overloaded (clipped)"
                        + " current are left out", sweep.describe(), sweep.leftOut()));
            }
        }
        List<Lsv> onsets = new ArrayList<>();
        for (Voltammogram lsv : lsvs) {
            onsets.add(new Lsv(lsv, attempt(notes, lsv.describe() + ": no onset", () -> Onset.of(lsv, options.onsetAmperesPerCm2()))));
        }
        Optional<SweepDifference> difference = Optional.empty();
        Optional<Onset> differenceOnset = Optional.empty();
        if (!lsvs.isEmpty()) {
            Optional<Voltammogram> ar = last(lsvs, Gas.ARGON);
            Optional<Voltammogram> no = last(lsvs, Gas.NITRIC_OXIDE);
            if (ar.isPresent() && no.isPresent()) {
                difference = attempt(notes, "LSV(NO) − LSV(Ar): not computed", () -> SweepDifference.of(no.get(), ar.get()));
                differenceOnset = difference.map(d -> Onset.of(d.voltsVsRhe(), d.difference(), options.onsetAmperesPerCm2()));
                if (lsvs.stream().filter(l -> l.gas().isPresent()).count() > 2) {
                    notes.add("LSV(NO) − LSV(Ar) uses the last LSV under each gas (" + no.get().describe() + ", "
                            + ar.get().describe() + ")");
                }
            } else {
                notes.add("LSV(NO) − LSV(Ar): not computed: it needs an LSV under Ar and one under NO, and "
                        + (ar.isEmpty() && no.isEmpty() ? "no LSV of this session states its gas"
                        : "there is none under " + (ar.isEmpty() ? "Ar" : "NO"))
                        + " (the gas comes from the protocol's 'gas:' or the import)");
            }
        }
        List<Voltammogram> series = List.of();
        Optional<DoubleLayer> doubleLayer = Optional.empty();
        if (!cvs.isEmpty() || !options.cdlSteps().isEmpty()) {
            series = series(cvs, options.cdlSteps(), notes);
            List<Voltammogram> chosen = series;
            doubleLayer = attempt(notes, "C_dl: not computed", () -> DoubleLayer.fit(chosen, options.cdlVoltsVsRhe(),
                    options.specificFaradsPerCm2()));
            if (doubleLayer.isEmpty()) {
                series = List.of();
            }
        }
        return new Result(session, options, onsets, difference, differenceOnset, cvs, series, doubleLayer, notes);
    }

    /**
     * The CVs of the scan-rate series: the steps the user named, or the CVs that share a window (within
     * {@value #SAME_WINDOW_VOLTS} V at both ends) over the most distinct scan rates; an activation CV over a wide window
     * at one rate is not part of it and is named in a note.
     */
    private static List<Voltammogram> series(List<Voltammogram> cvs, List<Integer> chosen, List<String> notes) {
        if (!chosen.isEmpty()) {
            List<Voltammogram> named = new ArrayList<>();
            for (int step : chosen) {
                named.add(cvs.stream().filter(cv -> cv.step() == step).findFirst().orElseThrow(() -> new BadInputException(
                        "step " + step + " is not a CV step of this session; its CV steps are "
                                + (cvs.isEmpty() ? "none" : String.join(", ", cvs.stream().map(cv -> String.valueOf(cv.step())).toList())))));
            }
            return named;
        }
        // Each group is keyed by its first CV: a CV joins the first group whose first CV has its window.
        List<List<Voltammogram>> groups = new ArrayList<>();
        for (Voltammogram cv : cvs) {
            groups.stream().filter(g -> sameWindow(g.get(0), cv)).findFirst()
                    .orElseGet(() -> {
                        List<Voltammogram> group = new ArrayList<>();
                        groups.add(group);
                        return group;
                    }).add(cv);
        }
        List<Voltammogram> best = List.of();
        int bestRates = -1;
        for (List<Voltammogram> group : groups) {
            int rates = distinctRates(group);
            if (rates > bestRates) {
                best = group;
                bestRates = rates;
            }
        }
        for (Voltammogram cv : cvs) {
            if (!best.contains(cv)) {
                double[] window = window(cv);
                notes.add(String.format(Locale.ROOT, "%s (window %.3f … %.3f V vs RHE) is not part of the scan-rate series"
                        + " and is left out of C_dl", cv.describe(), window[0], window[1]));
            }
        }
        return best;
    }

    private static int distinctRates(List<Voltammogram> group) {
        TreeSet<Long> rates = new TreeSet<>();
        for (Voltammogram cv : group) {
            // a stated rate is exact; a CV without one counts as its own rate, DoubleLayer measures and judges it
            rates.add(Double.isNaN(cv.statedScanRate()) ? -cv.step() : Math.round(cv.statedScanRate() * 1e6));
        }
        return rates.size();
    }

    private static boolean sameWindow(Voltammogram a, Voltammogram b) {
        double[] wa = window(a);
        double[] wb = window(b);
        return Math.abs(wa[0] - wb[0]) <= SAME_WINDOW_VOLTS && Math.abs(wa[1] - wb[1]) <= SAME_WINDOW_VOLTS;
    }

    /** The lowest and highest potential vs RHE a CV reached. */
    static double[] window(Voltammogram cv) {
        double low = Double.POSITIVE_INFINITY;
        double high = Double.NEGATIVE_INFINITY;
        for (Sample s : cv.samples()) {
            low = Math.min(low, cv.voltsVsRhe(s));
            high = Math.max(high, cv.voltsVsRhe(s));
        }
        return new double[] {low, high};
    }

    private static Optional<Voltammogram> last(List<Voltammogram> lsvs, Gas gas) {
        Voltammogram found = null;
        for (Voltammogram lsv : lsvs) {
            if (lsv.gas().equals(Optional.of(gas))) {
                found = lsv;
            }
        }
        return Optional.ofNullable(found);
    }

    private interface Computation<T> {
        T compute();
    }

    /** The computation's value, or a note "what: why" when the analysis refuses it (the rest is still shown). */
    private static <T> Optional<T> attempt(List<String> notes, String what, Computation<T> computation) {
        try {
            return Optional.of(computation.compute());
        } catch (BadInputException e) {
            LOG.debug("{}: {}", what, e.getMessage());
            notes.add(what + ": " + e.getMessage());
            return Optional.empty();
        }
    }

    private static List<Voltammogram> concat(List<Voltammogram> a, List<Voltammogram> b) {
        List<Voltammogram> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
