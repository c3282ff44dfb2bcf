package org.norrlab.trace;

import org.norrlab.acquisition.AcquisitionRecord;
import org.norrlab.acquisition.RecordConsumer;
import org.norrlab.core.Sample;
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
     * @param stepTrace   the current step against step time: current (A) for CA, potential (V) for OCP
     * @param overview    current (A) against session time, all steps
     */
    public record View(Optional<PlannedStep> step, boolean stepShowsPotential, MinMaxTrace.Envelope stepTrace,
                       MinMaxTrace.Envelope overview, List<Marker> markers, List<EventLine> events, long samples,
                       Optional<Sample> latest, double stepSeconds, double sessionSeconds, int stepsEnded) {
    }

    private final MinMaxTrace stepTrace = new MinMaxTrace(BUCKETS, 1e-3);
    private final MinMaxTrace overview = new MinMaxTrace(BUCKETS, 1e-3);
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
            if (s.hasCurrent()) {
                stepTrace.add(s.timeSeconds(), s.currentAmperes());
                overview.add(stepOffset + s.timeSeconds(), s.currentAmperes());
            } else {
                stepTrace.add(s.timeSeconds(), s.potentialVolts());
            }
        }

        @Override
        public void stepStarted(AcquisitionRecord.StepStarted started) {
            step = started.step();
            stepOffset = started.sessionOffsetSeconds();
            stepTrace.clear();
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
            line(ended.stepIndex(), stepOffset + ended.durationSeconds(), "STEP", String.format(Locale.ROOT,
                    "step %d %s: %d samples, %.1f s", ended.stepIndex(), ended.outcome().words(),
                    ended.samples(), ended.durationSeconds()));
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
        double stepSeconds = latest == null ? 0 : latest.timeSeconds();
        return new View(Optional.ofNullable(step), step != null && step.match(ocp -> true, ca -> false,
                hold -> hold.cell() == PlannedStep.Hold.HoldCell.OCP, lsv -> false, cv -> false, cp -> true), stepTrace.envelope(columns),
                overview.envelope(columns), List.copyOf(markers), List.copyOf(events), samples, Optional.ofNullable(latest),
                stepSeconds, stepOffset + stepSeconds, stepsEnded);
    }
}
