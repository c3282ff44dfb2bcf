package org.norrlab.gui;

import org.norrlab.core.BadInputException;
import org.norrlab.figures.CurrentFigure;
import org.norrlab.gui.OverlaySeries.Quantity;
import org.norrlab.report.Corrections;
import org.norrlab.store.SessionStore;
import org.norrlab.store.StoreException;
import org.norrlab.store.StoredCorrection;
import org.norrlab.store.StoredStep;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * An overlay of several steps of one or several sessions, as PSTrace and EC-Lab users compare runs: one series per
 * step, CA steps against the time from their own start (so that steps of different runs line up), sweeps (LSV, CV)
 * against their potential. The current is a density j = I / A with each session's own electrode area, the one the
 * analysis uses (the recorded cell with the correction trail laid over it, {@link Corrections}); where an area is
 * unknown every series is a current I and a note says why, so that I and j never share an axis.
 * <p>
 * Long steps are downsampled for drawing (a 2 h step at 10 Hz has 72 000 points) to the minimum and maximum of each of
 * {@link #PIXEL_BUCKETS} consecutive runs of samples, so spikes and the extremes survive; the buckets follow the
 * samples' order, so that a CV's forward and reverse scans are never merged into one bucket.
 *
 * @param notes what the reader must know to read the axes: the areas used, or why the current is not a density
 */
record Overlay(String title, Quantity x, Quantity y, List<OverlaySeries> series, List<String> notes) {
    /** Buckets of samples per step: about one per pixel of a full-width chart. */
    static final int PIXEL_BUCKETS = 1600;

    Overlay {
        series = List.copyOf(series);
        notes = List.copyOf(notes);
    }

    /** A step of a session, as picked in the Sessions view. */
    record Pick(long sessionId, int stepIndex) {
    }

    /**
     * A step to draw with its session's electrode area (empty when unknown).
     *
     * @param areaCorrected whether the area is the correction trail's, not the recorded one
     */
    record Chosen(long sessionId, StoredStep step, OptionalDouble areaCm2, boolean areaCorrected) {
    }

    /** Receives a step's samples that have a current, in order. */
    interface SampleSink {
        void add(double secondsFromStepStart, double voltsVsReference, double amperes);
    }

    /** Where the samples come from: the store, or a test. */
    interface StepSamples {
        /** How many samples with a current the step has (to size the buckets). */
        long count(long sessionId, StoredStep step) throws StoreException;

        void forEach(long sessionId, StoredStep step, SampleSink sink) throws StoreException;
    }

    /** The two pairs of axes an overlay can have. */
    private enum Family {
        TIME, SWEEP
    }

    /**
     * Reads the overlay of the CA steps of every session in {@code sessions} (its sweeps where it has no CA step) and
     * of the single steps {@code steps}, in that order, each step once.
     *
     * @throws BadInputException when nothing is picked, a step is not there, or the steps cannot share axes
     */
    static Overlay read(SessionStore store, List<Long> sessions, List<Pick> steps, int buckets) throws StoreException {
        Map<Long, Corrections> read = new LinkedHashMap<>();
        Map<Pick, Chosen> chosen = new LinkedHashMap<>();
        for (long id : sessions) {
            Corrections session = corrected(store, read, id);
            List<StoredStep> ca = session.steps().stream().filter(s -> family(s).equals(Optional.of(Family.TIME))).toList();
            List<StoredStep> drawn = ca.isEmpty()
                    ? session.steps().stream().filter(s -> family(s).equals(Optional.of(Family.SWEEP))).toList() : ca;
            if (drawn.isEmpty()) {
                throw new BadInputException("Session " + id + " has no CA, LSV or CV step to overlay (its steps are "
                        + session.steps().stream().map(StoredStep::kind).distinct().collect(Collectors.joining(", "))
                        + "). Choose steps that draw a current.");
            }
            for (StoredStep step : drawn) {
                chosen.putIfAbsent(new Pick(id, step.index()), chosen(session, step));
            }
        }
        for (Pick pick : steps) {
            Corrections session = corrected(store, read, pick.sessionId());
            StoredStep step = session.steps().stream().filter(s -> s.index() == pick.stepIndex()).findFirst()
                    .orElseThrow(() -> new BadInputException("Session " + pick.sessionId() + " has no step "
                            + pick.stepIndex() + "."));
            chosen.putIfAbsent(pick, chosen(session, step));
        }
        return assemble(List.copyOf(chosen.values()), new StepSamples() {
            @Override
            public long count(long sessionId, StoredStep step) throws StoreException {
                return store.tally(sessionId, step.index()).currentSamples();
            }

            @Override
            public void forEach(long sessionId, StoredStep step, SampleSink sink) throws StoreException {
                store.forEachSample(sessionId, step.index(), (seq, s) -> {
                    if (s.hasCurrent()) {
                        sink.add(s.timeSeconds(), s.potentialVolts(), s.currentAmperes());
                    }
                });
            }
        }, buckets);
    }

    private static Corrections corrected(SessionStore store, Map<Long, Corrections> read, long id) throws StoreException {
        Corrections session = read.get(id);
        if (session == null) {
            if (store.session(id).isEmpty()) {
                throw new BadInputException("There is no session " + id + " in " + store.location() + ".");
            }
            session = Corrections.read(store, id);
            read.put(id, session);
        }
        return session;
    }

    /** The step with its session's area as the analysis uses it: the recorded cell's, corrected by the trail. */
    private static Chosen chosen(Corrections session, StoredStep step) {
        double area = session.session().cell().electrodeAreaCm2();
        boolean corrected = session.trail().stream().anyMatch(c -> c.isSessionField()
                && StoredCorrection.SessionField.ofKey(c.field()).equals(Optional.of(StoredCorrection.SessionField.ELECTRODE_AREA)));
        return new Chosen(session.session().id(), step, area > 0 && Double.isFinite(area) ? OptionalDouble.of(area)
                : OptionalDouble.empty(), corrected);
    }

    private static Optional<Family> family(StoredStep step) {
        if (step.kind().equals("ca")) {
            return Optional.of(Family.TIME);
        }
        return step.isSweep() ? Optional.of(Family.SWEEP) : Optional.empty();
    }

    /**
     * Pure: the overlay of these steps, their samples from {@code samples}. Refuses (with the steps named) a step
     * that draws no current, CA steps with sweeps, and sweeps of several sessions when one has no RHE scale.
     */
    static Overlay assemble(List<Chosen> chosen, StepSamples samples, int buckets) throws StoreException {
        if (chosen.isEmpty()) {
            throw new BadInputException("Nothing to overlay: choose sessions in the list (Ctrl- or Shift-click for"
                    + " several) or steps in the Steps tab, then Overlay.");
        }
        Map<Family, List<Chosen>> byFamily = new LinkedHashMap<>();
        for (Chosen c : chosen) {
            Family family = family(c.step()).orElseThrow(() -> new BadInputException(name(c) + " is " + c.step().kind()
                    + ": an overlay draws current against time (CA) or against potential (LSV, CV)."));
            byFamily.computeIfAbsent(family, f -> new ArrayList<>()).add(c);
        }
        if (byFamily.size() > 1) {
            List<Chosen> ca = byFamily.get(Family.TIME);
            List<Chosen> sweeps = byFamily.get(Family.SWEEP);
            throw new BadInputException("CA steps and sweeps cannot share axes (current against time, current against"
                    + " potential): " + names(ca) + " " + (ca.size() == 1 ? "is CA" : "are CA") + ", " + names(sweeps)
                    + " " + (sweeps.size() == 1 ? "is a sweep" : "are sweeps") + ". Overlay them separately.");
        }
        Family family = byFamily.keySet().iterator().next();
        Quantity x = family == Family.TIME ? Quantity.TIME_FROM_STEP_START : potentialAxis(chosen);
        List<Chosen> noArea = chosen.stream().filter(c -> c.areaCm2().isEmpty()).toList();
        Quantity y = noArea.isEmpty() ? Quantity.CURRENT_DENSITY : Quantity.CURRENT;
        List<OverlaySeries> series = new ArrayList<>();
        for (Chosen c : chosen) {
            series.add(series(c, x, y, samples, buckets));
        }
        List<String> notes = new ArrayList<>();
        if (y == Quantity.CURRENT_DENSITY) {
            notes.add("j = I / A, A = " + areas(chosen));
        } else {
            notes.add("Current I, not j: the electrode area of session " + sessionIds(noArea) + " is unknown.");
        }
        String title = String.format(Locale.ROOT, "Overlay of %d %s of session%s %s", chosen.size(),
                family == Family.TIME ? (chosen.size() == 1 ? "CA step" : "CA steps") : (chosen.size() == 1 ? "sweep" : "sweeps"),
                chosen.stream().map(Chosen::sessionId).distinct().count() == 1 ? "" : "s", sessionIds(chosen));
        return new Overlay(title, x, y, series, notes);
    }

    /** E vs RHE where every sweep has an RHE scale; E vs RE only within one session (REs of sessions differ). */
    private static Quantity potentialAxis(List<Chosen> sweeps) {
        List<Chosen> withoutRhe = sweeps.stream().filter(c -> !Double.isFinite(rheOffset(c.step()))).toList();
        if (withoutRhe.isEmpty()) {
            return Quantity.POTENTIAL_VS_RHE;
        }
        if (sweeps.stream().map(Chosen::sessionId).distinct().count() == 1 && withoutRhe.size() == sweeps.size()) {
            return Quantity.POTENTIAL_VS_RE;
        }
        throw new BadInputException(capital(names(withoutRhe)) + " " + (withoutRhe.size() == 1 ? "has" : "have")
                + " no RHE scale (the potential vs RHE is unknown), and potentials vs the reference electrodes of"
                + " different sessions cannot share an axis. Overlay such a sweep with sweeps of its own session only.");
    }

    private static double rheOffset(StoredStep step) {
        return step.voltsVsRhe() - step.voltsVsReference();
    }

    private static OverlaySeries series(Chosen c, Quantity x, Quantity y, StepSamples samples, int buckets)
            throws StoreException {
        StoredStep step = c.step();
        double toRhe = x == Quantity.POTENTIAL_VS_RHE ? rheOffset(step) : 0;
        // mA, or mA cm⁻² with this session's own area
        double scale = y == Quantity.CURRENT_DENSITY ? 1e3 / c.areaCm2().getAsDouble() : 1e3;
        CurrentFigure.Decimator decimator = new CurrentFigure.Decimator(samples.count(c.sessionId(), step), buckets);
        samples.forEach(c.sessionId(), step, (t, volts, amperes) ->
                decimator.add(x == Quantity.TIME_FROM_STEP_START ? t : volts + toRhe, amperes * scale));
        // the decimator's trace is named for the report's hours and mA cm⁻²; here it holds this overlay's x and y
        CurrentFigure.Trace trace = decimator.trace(legend(c, x));
        return new OverlaySeries(trace.label(), c.sessionId(), step.index(), x, y, c.areaCm2(), trace.hours(),
                trace.milliampsPerCm2());
    }

    /** "session 3, step 2 long CA, -0.500 V vs RHE": the session, the step's label and its potential (once). */
    static String legend(Chosen c, Quantity x) {
        StoredStep step = c.step();
        String potential;
        if (step.isSweep()) {
            boolean rhe = x == Quantity.POTENTIAL_VS_RHE;
            potential = SweepSteps.potentials(step, rhe) + " V vs " + (rhe ? "RHE" : "RE");
        } else if (Double.isFinite(step.voltsVsRhe())) {
            potential = String.format(Locale.ROOT, "%.3f V vs RHE", step.voltsVsRhe());
        } else {
            potential = String.format(Locale.ROOT, "%.3f V vs RE", step.voltsVsReference());
        }
        // a default label ("CA -0.500 V vs RHE") says the potential already
        String label = step.label().contains(potential) ? step.label() : step.label() + ", " + potential;
        return "session " + c.sessionId() + ", step " + step.index() + " " + label;
    }

    private static String name(Chosen c) {
        return "Step " + c.step().index() + " of session " + c.sessionId();
    }

    /** "step 2 of session 1, step 3 of session 1". */
    private static String names(List<Chosen> steps) {
        return steps.stream().map(c -> "step " + c.step().index() + " of session " + c.sessionId())
                .collect(Collectors.joining(", "));
    }

    private static String capital(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    private static String sessionIds(List<Chosen> steps) {
        Set<Long> ids = new LinkedHashSet<>();
        steps.forEach(c -> ids.add(c.sessionId()));
        return ids.stream().map(String::valueOf).collect(Collectors.joining(", "));
    }

    /** "1 cm² (session 1), 0.5 cm² corrected (session 2)". */
    private static String areas(List<Chosen> steps) {
        Map<Long, Chosen> bySession = new LinkedHashMap<>();
        steps.forEach(c -> bySession.putIfAbsent(c.sessionId(), c));
        return bySession.values().stream().map(c -> String.format(Locale.ROOT, "%s cm²%s (session %d)",
                fourDigits(c.areaCm2().getAsDouble()), c.areaCorrected() ? " corrected" : "", c.sessionId()))
                .collect(Collectors.joining(", "));
    }

    /** 4 significant digits without trailing zeros: "1", "0.5", "0.07069". */
    private static String fourDigits(double value) {
        return new BigDecimal(String.format(Locale.ROOT, "%.4g", value)).stripTrailingZeros().toPlainString();
    }
}
