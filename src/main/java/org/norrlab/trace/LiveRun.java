package org.norrlab.trace;

import org.norrlab.core.ImpedancePoint;
import org.norrlab.acquisition.AcquisitionRecord;
import org.norrlab.acquisition.RecordConsumer;
import org.norrlab.core.Sample;
import org.norrlab.core.SampleFlag;
import org.norrlab.plan.PlannedStep;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What a screen shows of a run in progress, fed by the acquisition core and read by the GUI's timer.
 * Each record costs O(1) under a short lock; a view copies a few thousand numbers. The GUI thread
 * never touches the core, so a frozen or closed window cannot hold acquisition back, and memory is
 * fixed by the bucket count and the event cap, not by the length of the run.
 */
public final class LiveRun implements RecordConsumer {
    @Override
    public String name() {
        return "the live view of the run";
    }

    /** Buckets per trace: enough for two columns per pixel of a 2000-pixel-wide chart. */
    public static final int BUCKETS = 4096;
    /** Event lines kept for the list on screen (the store keeps them all). */
    public static final int EVENT_LINES = 1000;

    /** A step boundary on the overview: where step {@code stepIndex} began, in session seconds. */
    public record Marker(double sessionSeconds, int stepIndex, String label) {
    }

    /** One line of the event list. */
    public record EventLine(int stepIndex, double sessionSeconds, String kind, String text) {
    }

    /**
     * A copy of the run for one repaint.
     *
     * @param stepTrace   the current step against step time: current (A) for CA and sweeps, potential (V) for OCP
     *                    and CP
     * @param overview    current (A) against session time, all steps
     * @param sweep       for a sweep step (LSV, CV), its current (A) against its potential vs RHE (V), one curve per
     *                    cycle; empty for any other step
     * @param sweepCyclesDropped how many early cycles of the sweep the view no longer holds (see {@link SweepTrace})
     * @param spectrum    for an impedance step (EIS), its points so far in the order measured; empty for any other step
     * @param stepFlagged the step's overloaded and underloaded samples (step time), not in {@code stepTrace}: an
     *                    overloaded current is the range's full scale, not a measurement
     * @param runFlagged  the same for the whole run (session time), not in {@code overview}
     */
    public record View(Optional<PlannedStep> step, boolean stepShowsPotential, MinMaxTrace.Envelope stepTrace,
                       MinMaxTrace.Envelope overview, List<Marker> markers, List<EventLine> events, long samples,
                       Optional<Sample> latest, double stepSeconds, double sessionSeconds, int stepsEnded,
                       List<SweepTrace.Curve> sweep, int sweepCyclesDropped, List<ImpedancePoint> spectrum,
                       Flagged stepFlagged, Flagged runFlagged) {
        public View {
            sweep = List.copyOf(sweep);
            spectrum = List.copyOf(spectrum);
        }

        /** Whether the step in progress measures an impedance spectrum, so its chart is a Nyquist plot. */
        public boolean stepIsImpedance() {
            return step.flatMap(PlannedStep::asImpedance).isPresent();
        }

        /** Whether the step in progress sweeps the potential, so its chart is I against E. */
        public boolean stepIsSweep() {
            return step.map(PlannedStep::isSweep).orElse(false);
        }
    }

    /**
     * Samples the instrument flagged as out of its current range, as an envelope and an exact count: overloaded ones
     * (clipped at full scale, so not data) and underloaded ones (too small for the range to resolve well).
     */
    public record Flagged(MinMaxTrace.Envelope overloads, long overloaded, MinMaxTrace.Envelope underloads,
                          long underloaded) {
        public static final Flagged NONE = new Flagged(MinMaxTrace.Envelope.EMPTY, 0, MinMaxTrace.Envelope.EMPTY, 0);
    }

    /** {@link Flagged} as it grows: the same bucket count as the trace it goes with. */
    private static final class FlaggedTrace {
        private final MinMaxTrace overloads = new MinMaxTrace(BUCKETS, 1e-3);
        private final MinMaxTrace underloads = new MinMaxTrace(BUCKETS, 1e-3);

        void clear() {
            overloads.clear();
            underloads.clear();
        }

        Flagged envelope(int columns) {
            return new Flagged(overloads.envelope(columns), overloads.points(), underloads.envelope(columns),
                    underloads.points());
        }
    }

    private final MinMaxTrace stepTrace = new MinMaxTrace(BUCKETS, 1e-3);
    private final MinMaxTrace overview = new MinMaxTrace(BUCKETS, 1e-3);
    private final FlaggedTrace stepFlagged = new FlaggedTrace();
    private final FlaggedTrace runFlagged = new FlaggedTrace();
    private final SweepTrace sweep = new SweepTrace();
    /** The spectrum of the EIS step in progress: a few dozen points, kept whole. */
    private final List<ImpedancePoint> spectrum = new ArrayList<>();
    /** Whether the step in progress is charted as potential against time (OCP, an OCP hold, CP). */
    private boolean stepShowsPotential;
    /** Added to a sweep sample's potential (vs RE) to put it on the RHE scale the step was written in. */
    private double sweepToRhe;
    private final List<Marker> markers = new ArrayList<>();
    private final ArrayDeque<EventLine> events = new ArrayDeque<>();
    private PlannedStep step;
    private double stepOffset;
    private Sample latest;
    private long samples;
    private int stepsEnded;

    /** Called only from {@link #accept}, under its lock. */
    private final AcquisitionRecord.Visitor<RuntimeException> apply = new AcquisitionRecord.Visitor<>() {
        @Override
        public void sampleTaken(AcquisitionRecord.SampleTaken taken) {
            Sample s = taken.sample();
            latest = s;
            samples++;
            // An overloaded current is the range's full scale, not a reading: it goes to its own trace, never into
            // the curve, where it would look like a charging spike. An underloaded one is a coarse reading: its own
            // trace too, so that the chart can shade it (and join it to the curve).
            boolean overloaded = s.hasCurrent() && s.has(SampleFlag.OVERLOAD);
            boolean underloaded = s.hasCurrent() && !overloaded && s.has(SampleFlag.UNDERLOAD);
            if (s.hasCurrent()) {
                double sessionSeconds = stepOffset + s.timeSeconds();
                (overloaded ? runFlagged.overloads : underloaded ? runFlagged.underloads : overview)
                        .add(sessionSeconds, s.currentAmperes());
                if (s.inSweep() && !overloaded) {
                    sweep.add(s.cycle(), s.potentialVolts() + sweepToRhe, s.currentAmperes());
                }
            }
            // CP holds the current: what it measures is the potential, as at open circuit.
            boolean chartsCurrent = s.hasCurrent() && !stepShowsPotential;
            if (!chartsCurrent) {
                stepTrace.add(s.timeSeconds(), s.potentialVolts());
            } else {
                (overloaded ? stepFlagged.overloads : underloaded ? stepFlagged.underloads : stepTrace)
                        .add(s.timeSeconds(), s.currentAmperes());
            }
        }

        @Override
        public void impedanceMeasured(AcquisitionRecord.ImpedanceMeasured measured) {
            spectrum.add(measured.point());
        }

        @Override
        public void stepStarted(AcquisitionRecord.StepStarted started) {
            step = started.step();
            stepOffset = started.sessionOffsetSeconds();
            stepTrace.clear();
            stepFlagged.clear();
            sweep.clear();
            spectrum.clear();
            stepShowsPotential = step.match(ocp -> true, ca -> false, hold -> hold.cell() == PlannedStep.Hold.HoldCell.OCP,
                    lsv -> false, cv -> false, cp -> true, eis -> false);
            sweepToRhe = step.isSweep() ? step.startVoltsVsRhe() - step.startVoltsVsReference() : 0;
            latest = null;
            markers.add(new Marker(stepOffset, step.index(), step.label()));
            line(step.index(), stepOffset, "STEP", "step " + step.index() + " started: " + step.label());
        }

        @Override
        public void eventSeen(AcquisitionRecord.EventSeen seen) {
            line(seen.stepIndex(), stepOffset + seen.event().timeSeconds(), seen.event().kind().name(),
                    seen.event().message());
        }

        @Override
        public void stepEnded(AcquisitionRecord.StepEnded ended) {
            stepsEnded++;
            // an EIS step stores impedance points, not samples: its line counts what it measured
            boolean spectrumStep = step != null && step.index() == ended.stepIndex() && step.asImpedance().isPresent();
            line(ended.stepIndex(), stepOffset + ended.durationSeconds(), "STEP", String.format(Locale.ROOT,
                    "step %d %s: %d %s, %.1f s", ended.stepIndex(), ended.outcome().words(),
                    spectrumStep ? spectrum.size() : ended.samples(), spectrumStep ? "impedance points" : "samples",
                    ended.durationSeconds()));
        }
    };

    @Override
    public synchronized void accept(AcquisitionRecord record, boolean endOfBatch) {
        record.accept(apply);
    }

    private void line(int stepIndex, double seconds, String kind, String text) {
        if (events.size() == EVENT_LINES) {
            events.removeFirst();
        }
        events.addLast(new EventLine(stepIndex, seconds, kind, text));
    }

    /** A copy for one repaint, with at most {@code columns} columns per trace. */
    public synchronized View view(int columns) {
        // an EIS step has impedance points, no samples: its time is its latest point's
        double stepSeconds = latest != null ? latest.timeSeconds()
                : spectrum.isEmpty() ? 0 : spectrum.get(spectrum.size() - 1).timeSeconds();
        return new View(Optional.ofNullable(step), step != null && stepShowsPotential, stepTrace.envelope(columns),
                overview.envelope(columns), List.copyOf(markers), List.copyOf(events), samples, Optional.ofNullable(latest),
                stepSeconds, stepOffset + stepSeconds, stepsEnded, sweep.curves(), sweep.droppedCycles(), spectrum,
                stepFlagged.envelope(columns), runFlagged.envelope(columns));
    }
}
