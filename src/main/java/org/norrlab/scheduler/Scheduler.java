package org.norrlab.scheduler;

import org.norrlab.core.StepOutcome;
import org.norrlab.acquisition.AcquisitionCore;
import org.norrlab.acquisition.AcquisitionRecord;
import org.norrlab.acquisition.DispatcherStoppedException;
import org.norrlab.core.Event;
import org.norrlab.core.EventKind;
import org.norrlab.core.InstrumentIdentity;
import org.norrlab.driver.ChronoamperometryRequest;
import org.norrlab.driver.ChronopotentiometryRequest;
import org.norrlab.driver.CyclicVoltammetryRequest;
import org.norrlab.driver.ImpedanceRequest;
import org.norrlab.driver.LinearSweepRequest;
import org.norrlab.driver.DriverException;
import org.norrlab.driver.Measurement;
import org.norrlab.driver.MeasurementEnd;
import org.norrlab.driver.MeasurementRequest;
import org.norrlab.driver.OpenCircuitRequest;
import org.norrlab.driver.Potentiostat;
import org.norrlab.driver.SampleSink;
import org.norrlab.driver.Speed;
import org.norrlab.plan.Electrolyte;
import org.norrlab.plan.Plan;
import org.norrlab.plan.PlannedPotential;
import org.norrlab.plan.PlannedStep;
import org.norrlab.safety.Breach;
import org.norrlab.safety.SafetyMonitor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Runs the steps of a plan in order on the calling thread. {@link #requestAbort} may be called from
 * any thread (Ctrl-C, the GUI); the running step is stopped and the cell turned off.
 */
public final class Scheduler {
    /**
     * Asked for only when a line is logged: plan builds its step requests with {@link #request} and would otherwise
     * configure Logback (site.yaml, logback.xml, the log file) without logging anything (start-up).
     */
    private static final class Log {
        static final Logger LOG = LoggerFactory.getLogger(Scheduler.class);
    }
    private static final Duration POLL = Duration.ofMillis(100);

    private final Plan plan;
    private final Potentiostat instrument;
    private final AcquisitionCore core;
    private final RunListener listener;
    private final SafetyMonitor safety;
    private final Duration reconnectFor;
    private final InstrumentIdentity identity;
    private boolean linkGivenUp;
    private final Object stateLock = new Object();
    private RunState state = RunState.IDLE;
    private volatile String abortReason;
    /** Whether the abort came from the protocol's own rule (set with the first abort reason, under stateLock). */
    private volatile boolean endedByProtocol;
    private volatile boolean pauseRequested;
    private volatile Breach breach;
    private Speed speed = Speed.REAL_TIME;
    private OperatorGate operator = new OperatorCall();

    public Scheduler(Plan plan, Potentiostat instrument, AcquisitionCore core, RunListener listener) {
        this(plan, instrument, core, listener, Duration.ZERO, null);
    }

    /** @param reconnectFor how long to try to get a lost link back before the run is given up (0: do not try) */
    public Scheduler(Plan plan, Potentiostat instrument, AcquisitionCore core, RunListener listener, Duration reconnectFor,
                     InstrumentIdentity identity) {
        this.plan = plan;
        this.instrument = instrument;
        this.core = core;
        this.listener = listener;
        this.safety = new SafetyMonitor(plan.safety(), plan.cell().rheScale(), this::breach);
        this.reconnectFor = reconnectFor;
        this.identity = identity;
    }

    /**
     * How fast the instrument's clock runs against the wall clock (a simulator or a replay; 1 for a real
     * instrument). The watchdog counts instrument time. Set before {@link #run}.
     */
    public void instrumentSpeed(Speed instrumentSpeed) {
        speed = instrumentSpeed;
    }

    /**
     * Who the run waits for at its holds. A plan that says {@code unattended: true} never waits, whatever is given
     * here. Set before {@link #run}; without it holds wait on an {@link OperatorCall} nobody continues (until their
     * timeout, or an abort).
     */
    public void operatorGate(OperatorGate gate) {
        operator = gate;
    }

    /** Where the run is now: what the run view and the progress bar show; any thread may ask. */
    public RunState state() {
        synchronized (stateLock) {
            return state;
        }
    }

    private void become(RunState next) {
        synchronized (stateLock) {
            if (!state.canBecome(next)) {
                throw new IllegalStateException("a run cannot go from " + state + " to " + next);
            }
            Log.LOG.debug("run state {} -> {}", state, next);
            state = next;
            listener.stateChanged(next);
        }
    }

    /**
     * Aliquots that belong to an earlier session: a resumed run's hold takes from what the step before it made, and
     * when that step ran in the interrupted session, the aliquot is that session's, numbered as its steps. This run's
     * plan leaves them out; told here when the hold's operator aliquots are taken.
     */
    @FunctionalInterface
    public interface EarlierSessionAliquots {
        EarlierSessionAliquots NONE = hold -> {
        };

        /** The operator's aliquots at {@code hold} were taken (the operator continued, or the run is unattended). */
        void takenAt(PlannedStep.Hold hold);
    }

    private EarlierSessionAliquots earlierSessionAliquots = EarlierSessionAliquots.NONE;

    /** Where the operator's aliquots of an earlier session go (a resumed run); set before {@link #run}. */
    public void earlierSessionAliquots(EarlierSessionAliquots recorder) {
        this.earlierSessionAliquots = recorder;
    }

    /**
     * Asks the run to stop by the protocol's own rule (a hold's on_timeout: abort); the run ends ABORTED and, when
     * nothing asked for an abort before, {@link RunResult#endedByProtocol} says that nobody interrupted it.
     */
    private void abortByProtocol(String reason) {
        synchronized (stateLock) {
            if (abortReason == null) {
                endedByProtocol = true;
            }
        }
        requestAbort(reason);
    }

    /** Changes the state only from {@code from}: an abort asked for meanwhile (another thread) is not undone. */
    private void moveIf(RunState from, RunState to) {
        synchronized (stateLock) {
            if (state == from) {
                become(to);
            }
        }
    }

    /** Asks the run to stop; the first reason given is the one recorded. A run in progress is ABORTING at once. */
    public void requestAbort(String reason) {
        synchronized (stateLock) {
            if (abortReason == null) {
                abortReason = reason;
            }
            if (state.abortable()) {
                become(RunState.ABORTING);
            }
        }
        Log.LOG.warn("abort requested: {}", reason);
    }

    /**
     * Asks the run to wait after the step in progress, with the cell off, until {@code false} is
     * given again (or the run is aborted). Steps are never cut short by a pause.
     */
    public void pauseBetweenSteps(boolean pause) {
        pauseRequested = pause;
        Log.LOG.info(pause ? "pause requested: the run will wait after the current step" : "pause lifted");
    }

    /**
     * A limit was broken (called on the acquisition thread): the step stops and the cell goes off at
     * the next poll, within 100 ms; with {@code stop_run} the run stops too.
     */
    public void breach(Breach broken) {
        synchronized (stateLock) {
            if (breach == null) {
                breach = broken;
            }
        }
        Log.LOG.warn("safety envelope: step {}: {}", broken.stepIndex(), broken.what());
    }

    public RunResult run() {
        synchronized (stateLock) {
            become(RunState.RUNNING);
            if (abortReason != null) {
                become(RunState.ABORTING);   // asked for before the run began
            }
        }
        List<Double> lags = new ArrayList<>();
        int completed = 0;
        double sessionOffset = 0;
        long previousEndNanos = 0;
        String failure = null;
        int breachedSteps = 0;
        int endedEarly = 0;
        int breachedAfterEnd = 0;
        boolean cellOffConfirmed = false;
        try {
            for (PlannedStep step : plan.steps()) {
                if (abortReason != null) {
                    break;
                }
                core.publish(new AcquisitionRecord.StepStarted(step, Instant.now(), sessionOffset));
                listener.stepStarted(step);
                Optional<PlannedStep.Hold> hold = step.asHold();
                if (hold.isPresent()) {
                    HoldRun held = runHold(hold.get());
                    listener.stepEnded(step, held.end());
                    sessionOffset += held.end().lastTimeSeconds();
                    completed += held.continued() ? 1 : 0;
                    previousEndNanos = System.nanoTime();   // a hold is not scheduler lag
                    if (held.failure() != null) {
                        failure = held.failure();
                        break;
                    }
                    continue;
                }
                Measurement measurement;
                boolean spectrum = step.asImpedance().isPresent();
                Watchdog sink = new Watchdog(safety.watch(step.index(), core.sinkFor(step.index())),
                        plan.safety().watchdog(), step.interval(), speed, spectrum ? "impedance point" : "sample");
                long stepStartNanos = System.nanoTime();
                try {
                    step.context().gas().ifPresent(instrument::electrolyteGas);
                    measurement = start(instrument, step, step.duration(), sink);
                } catch (DriverException e) {
                    core.publish(new AcquisitionRecord.StepEnded(step.index(), StepOutcome.FAILED, 0, 0, Double.NaN, Instant.now()));
                    throw e;
                }
                double lag = previousEndNanos == 0 ? Double.NaN : (System.nanoTime() - previousEndNanos) / 1e6;
                if (!Double.isNaN(lag)) {
                    lags.add(lag);
                }
                MeasurementEnd end = awaitEnd(measurement, step.index(), sink);
                boolean timeRanOut = false;
                long stepSamples = end.samples();
                while (end.outcome() == MeasurementEnd.Outcome.LINK_LOST && !reconnectFor.isZero() && identity != null
                        && abortReason == null) {
                    moveIf(RunState.RUNNING, RunState.RECONNECTING);
                    LinkRecovery.Outcome recovered = new LinkRecovery(instrument, core, identity, reconnectFor)
                            .recover(step, sink, stepStartNanos, end, () -> abortReason != null);
                    if (!recovered.reason().isEmpty()) {
                        linkGivenUp = true;
                        end = new MeasurementEnd(MeasurementEnd.Outcome.LINK_LOST, stepSamples, end.lastTimeSeconds(),
                                Optional.of(new DriverException.LinkLost(recovered.reason(), null)));
                        break;
                    }
                    moveIf(RunState.RECONNECTING, RunState.RUNNING);
                    if (recovered.measurement().isEmpty()) {
                        end = new MeasurementEnd(MeasurementEnd.Outcome.COMPLETED, stepSamples, recovered.offsetSeconds(),
                                Optional.empty());
                        timeRanOut = true;
                        break;
                    }
                    MeasurementEnd next = awaitEnd(recovered.measurement().get(), step.index(), sink);
                    stepSamples += next.samples();
                    end = new MeasurementEnd(next.outcome(), stepSamples, recovered.offsetSeconds() + next.lastTimeSeconds(),
                            next.error());
                }
                previousEndNanos = System.nanoTime();
                // What the step delivered, counted here: an impedance spectrum delivers points, not samples (a
                // complete spectrum has no samples at all), and is complete or cut short by its count of points.
                long delivered = spectrum ? sink.impedancePoints() : sink.samples();
                String what = spectrum ? "impedance points" : "samples";
                // a driver may count a spectrum's points, or its samples (none): either agrees with the acquisition
                if (end.samples() != delivered && !(spectrum && end.samples() == sink.samples())) {
                    Log.LOG.warn("step {}: the driver reports {} {}, the acquisition accepted {}; {} are stored",
                            step.index(), end.samples(), what, delivered, delivered);
                }
                long planned = plannedSamples(step);
                boolean cutShort = end.outcome() == MeasurementEnd.Outcome.COMPLETED && !timeRanOut
                        && delivered < planned && endsBeforeItsLastInterval(step, sink.lastSampleSeconds(), planned);
                Breach broken = breach;
                if (broken != null && broken.stepIndex() == step.index()) {
                    synchronized (stateLock) {
                        breach = null;   // the next step gets its own breach
                    }
                    // At high speed a step can run to its end between the breach and the next poll: say which happened.
                    boolean stopped = end.outcome() != MeasurementEnd.Outcome.COMPLETED;
                    if (stopped) {
                        breachedSteps++;
                    } else {
                        breachedAfterEnd++;
                    }
                    core.publish(new AcquisitionRecord.EventSeen(step.index(), new Event(
                            EventKind.ENVELOPE_BREACH, broken.timeSeconds(), "safety envelope: " + broken.what()
                            + (stopped ? "; the step was stopped and the cell switched off"
                            : String.format(Locale.ROOT, "; the step ran to its end (%d of %d %s) before it could be"
                            + " stopped", delivered, planned, what)), broken.values()), Instant.now()));
                    if (plan.safety().stopRun().orElse(false)) {
                        failure = "safety envelope, step " + step.index() + ": " + broken.what();
                    }
                }
                String stalled = watchdogReason;
                if (stalled != null) {
                    core.publish(new AcquisitionRecord.EventSeen(step.index(), Event.of(
                            EventKind.FAILURE, end.lastTimeSeconds(), stalled), Instant.now()));
                    failure = stalled;
                }
                if (cutShort) {
                    endedEarly++;
                    core.publish(new AcquisitionRecord.EventSeen(step.index(), new Event(
                            EventKind.NOTE, sink.lastSampleSeconds(), String.format(Locale.ROOT,
                            "the instrument ended the step early: %d of %d planned %s recorded, the last at %.1f s of"
                                    + " %.1f s", delivered, planned, what, sink.lastSampleSeconds(),
                            step.duration().toNanos() / 1e9), Map.of("planned_samples", (double) planned,
                            "recorded_samples", (double) delivered)), Instant.now()));
                }
                core.publish(new AcquisitionRecord.StepEnded(step.index(), cutShort ? StepOutcome.ENDED_EARLY
                        : stepOutcome(end.outcome()), sink.samples(), end.lastTimeSeconds(), lag,
                        Instant.now()));
                listener.stepEnded(step, end);
                sessionOffset += end.lastTimeSeconds();
                if (failure != null) {
                    break;
                }
                if (end.outcome() == MeasurementEnd.Outcome.COMPLETED) {
                    completed += cutShort ? 0 : 1;
                    // The autosampler takes its aliquot once the step it follows is over; a step that did not run
                    // to its end (stopped, failed, aborted) had no aliquot taken and records none.
                    recordAliquots(step.index(), end.lastTimeSeconds(), Electrolyte.TakenBy.AUTOSAMPLER);
                    if (pauseRequested && step.index() < plan.steps().size()) {
                        waitWhilePaused(step.index(), end.lastTimeSeconds());
                        previousEndNanos = System.nanoTime();   // a pause is not scheduler lag
                    }
                } else if (end.outcome() != MeasurementEnd.Outcome.ABORTED) {
                    failure = "step " + step.index() + " (" + step.label() + ") "
                            + stepOutcome(end.outcome()).words() + ": "
                            + end.error().map(Throwable::getMessage).orElse("no reason given");
                    break;
                }
            }
        } catch (DriverException e) {
            failure = e.getMessage();
            Log.LOG.error("run failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            requestAbort("the scheduler thread was interrupted");
        } catch (RuntimeException e) {
            failure = e.getMessage();
            Log.LOG.error("run failed", e);
        } finally {
            cellOffConfirmed = cellOff();
        }
        return finish(failure, completed, new NotCompleted(breachedSteps, breachedAfterEnd, endedEarly), lags,
                cellOffConfirmed);
    }

    /** How a hold ended: its step's end, and why the run cannot go on (null when it can). */
    private record HoldRun(MeasurementEnd end, String failure, boolean continued) {
    }

    /**
     * Runs a hold: the cell off (or recording the open-circuit potential), the wait for the operator through the
     * {@link OperatorGate}, the HOLD event saying how long and who let the run go on, and the operator's aliquots.
     * Every way out leaves the cell off: the open-circuit measurement is stopped here, and an abort or failure
     * reaches {@link #run}'s {@code finally}.
     */
    private HoldRun runHold(PlannedStep.Hold hold) throws DriverException, InterruptedException {
        instrument.setCellOn(false);
        Optional<Measurement> ocp = Optional.empty();
        Watchdog sink = null;
        if (hold.cell() == PlannedStep.Hold.HoldCell.OCP) {
            sink = new Watchdog(safety.watch(hold.index(), core.sinkFor(hold.index())), plan.safety().watchdog(),
                    hold.interval(), speed);
            // Measured until the operator continues: as long as the timeout allows, or a day when there is none.
            Duration longest = hold.timeout().orElse(Duration.ofDays(1));
            ocp = Optional.of(instrument.start(new OpenCircuitRequest(hold.interval(),
                    hold.interval().multipliedBy(Math.max(1, longest.toNanos() / hold.interval().toNanos()))), sink));
        }
        boolean unattended = plan.unattended();
        OperatorGate gate = unattended ? OperatorGate.UNATTENDED : operator;
        long since = System.nanoTime();
        OperatorGate.ContinuedBy by;
        moveIf(RunState.RUNNING, RunState.WAITING_FOR_OPERATOR);
        try {
            // Only an abort ends the wait early. An open-circuit record that ends by itself (a simulator at --speed
            // max records the whole timeout in no time; a lost link) leaves the hold waiting, cell off; how it ended
            // is looked at after the wait.
            by = gate.await(hold, hold.timeout(), () -> abortReason != null);
        } finally {
            moveIf(RunState.WAITING_FOR_OPERATOR, RunState.RUNNING);
        }
        double waited = (System.nanoTime() - since) / 1e9;
        MeasurementEnd end;
        if (ocp.isPresent()) {
            // Stopping the open-circuit record early is how a hold normally ends, not an abort of the step.
            Optional<MeasurementEnd> already = ocp.get().awaitEnd(Duration.ZERO);
            if (already.isEmpty()) {
                instrument.abort();
            }
            MeasurementEnd stopped = already.isPresent() ? already.get() : awaitEnd(ocp.get(), hold.index(), sink);
            end = stopped.outcome() == MeasurementEnd.Outcome.ABORTED
                    ? new MeasurementEnd(MeasurementEnd.Outcome.COMPLETED, stopped.samples(), stopped.lastTimeSeconds(),
                    Optional.empty()) : stopped;
        } else {
            end = new MeasurementEnd(MeasurementEnd.Outcome.COMPLETED, 0, waited, Optional.empty());
        }
        String failure = null;
        if (end.outcome() != MeasurementEnd.Outcome.COMPLETED) {
            failure = "step " + hold.index() + " (" + hold.label() + ") " + stepOutcome(end.outcome()).words()
                    + " while recording the open-circuit potential: "
                    + end.error().map(Throwable::getMessage).orElse("no reason given");
        }
        boolean abortsRun = by.followsOnTimeout() && hold.onTimeout().orElse(PlannedStep.Hold.OnTimeout.ABORT)
                == PlannedStep.Hold.OnTimeout.ABORT;
        String message = holdMessage(hold, by, waited, abortsRun);
        double eventTime = ocp.isPresent() ? end.lastTimeSeconds() : waited;
        core.publish(new AcquisitionRecord.EventSeen(hold.index(), new Event(EventKind.HOLD, eventTime, message,
                Map.of("waited_s", waited, "continued_by", (double) by.code())), Instant.now()));
        // The operator's aliquots are recorded when the operator continued, and when the run is unattended (the
        // protocol, or --unattended, declared that what it plans is done without anyone pressing a key). A hold that
        // timed out had nobody at the bench: its aliquot was not taken and is not recorded; neither is one of a hold
        // the run was aborted during.
        if (by == OperatorGate.ContinuedBy.OPERATOR || (by == OperatorGate.ContinuedBy.UNATTENDED && !abortsRun)) {
            recordAliquots(hold.index() - 1, eventTime, Electrolyte.TakenBy.OPERATOR, hold.index());
            earlierSessionAliquots.takenAt(hold);
        }
        // A hold the run stopped at is stored aborted, not completed: 'norrlab resume' then waits at it again.
        boolean continued = failure == null && !abortsRun && by != OperatorGate.ContinuedBy.ABORTED;
        // The hold's duration is the time it waited (what the HOLD event says), not the open-circuit record's length.
        core.publish(new AcquisitionRecord.StepEnded(hold.index(), continued || failure != null
                ? stepOutcome(end.outcome()) : StepOutcome.ABORTED,
                sink == null ? 0 : sink.samples(), waited, Double.NaN, Instant.now()));
        if (by == OperatorGate.ContinuedBy.ABORTED && abortReason == null) {
            // the gate itself said abort (a replay following a recording that was aborted here)
            requestAbort(String.format(Locale.ROOT, "aborted at the hold at step %d ('%s')", hold.index(), hold.message()));
        }
        if (abortsRun && failure == null) {
            abortByProtocol(String.format(Locale.ROOT, "hold at step %d ('%s') %s: on_timeout is abort", hold.index(),
                    hold.message(), by == OperatorGate.ContinuedBy.UNATTENDED ? "cannot wait in an unattended run"
                            : "timed out after " + seconds(waited)));
        }
        return new HoldRun(end, failure, continued);
    }

    private static String seconds(double value) {
        return String.format(Locale.ROOT, "%.1f s", value);
    }

    /** The HOLD event's message: how long, who let the run go on, and what followed. */
    static String holdMessage(PlannedStep.Hold hold, OperatorGate.ContinuedBy by, double waitedSeconds, boolean abortsRun) {
        String waited = seconds(waitedSeconds);
        String what = switch (by) {
            case OPERATOR -> "the operator continued after " + waited;
            case TIMEOUT -> "nobody continued: the timeout of " + hold.timeout().map(t -> seconds(t.toNanos() / 1e9))
                    .orElse("?") + " ran out";
            case UNATTENDED -> "unattended run: did not wait";
            case ABORTED -> "the run was aborted after waiting " + waited;
        };
        String next = by == OperatorGate.ContinuedBy.ABORTED ? "the run ends aborted"
                : abortsRun ? "the run ends aborted (on_timeout: " + hold.onTimeout().map(PlannedStep.Hold.OnTimeout::written)
                .orElse("not given, so abort") + ")"
                : "the run goes on with the next step";
        return "hold '" + hold.message() + "': " + what + "; " + next;
    }

    /**
     * Records the aliquots the plan takes after {@code afterStep} by {@code takenBy}, each at most once in a run
     * (a resumed run's plan leaves out those its first session recorded).
     *
     * @param stepIndex the step whose events they go with (the CA step, or the hold)
     */
    private void recordAliquots(int afterStep, double timeSeconds, Electrolyte.TakenBy takenBy, int stepIndex)
            throws InterruptedException {
        for (Electrolyte.PlannedAliquot aliquot : plan.electrolyte().after(afterStep)) {
            if (aliquot.takenBy() == takenBy) {
                core.publish(new AcquisitionRecord.EventSeen(stepIndex, aliquot.event(timeSeconds), Instant.now()));
            }
        }
    }

    private void recordAliquots(int stepIndex, double timeSeconds, Electrolyte.TakenBy takenBy) throws InterruptedException {
        recordAliquots(stepIndex, timeSeconds, takenBy, stepIndex);
    }

    /** The stored outcome of a step the measurement ended as {@code outcome} (the switch fails to compile on a new one). */
    static StepOutcome stepOutcome(MeasurementEnd.Outcome outcome) {
        return switch (outcome) {
            case COMPLETED -> StepOutcome.COMPLETED;
            case ABORTED -> StepOutcome.ABORTED;
            case FAILED -> StepOutcome.FAILED;
            case LINK_LOST -> StepOutcome.LINK_LOST;
        };
    }

    /** Samples a step is planned to deliver: one per whole interval of its duration (a sweep: one per potential step). */
    static long plannedSamples(PlannedStep step) {
        return step.plannedSamples();
    }

    /**
     * Whether the last sample came before the planned last interval began, i.e. samples are missing at the end
     * and not only in a gap in the middle (a reconnect continues the step to its planned end).
     */
    private static boolean endsBeforeItsLastInterval(PlannedStep step, double lastSampleSeconds, long planned) {
        if (step.asImpedance().isPresent()) {
            // a spectrum's points are its frequencies: one missing is missing, wherever it was
            return true;
        }
        double interval = step.interval().toNanos() / 1e9;
        if (step.isSweep()) {
            // a sweep's first point is its start, at 0 s, and its last at its end, at the step's duration
            return lastSampleSeconds < step.duration().toNanos() / 1e9 - 0.999 * interval;
        }
        return lastSampleSeconds < (planned - 0.999) * interval;
    }

    /** Steps that did not complete although the run went on. */
    private record NotCompleted(int stoppedBySafety, int breachedAfterTheirEnd, int endedEarly) {
        boolean none() {
            return stoppedBySafety == 0 && breachedAfterTheirEnd == 0 && endedEarly == 0;
        }
    }

    private void waitWhilePaused(int stepIndex, double stepSeconds) throws DriverException, InterruptedException {
        instrument.setCellOn(false);
        moveIf(RunState.RUNNING, RunState.PAUSED);
        long since = System.nanoTime();
        core.publish(new AcquisitionRecord.EventSeen(stepIndex, Event.of(EventKind.PAUSE,
                stepSeconds, "paused after step " + stepIndex + " at the operator's request; the cell is off"), Instant.now()));
        try {
            while (pauseRequested && abortReason == null) {
                Thread.sleep(POLL.toMillis());
            }
        } finally {
            moveIf(RunState.PAUSED, RunState.RUNNING);
        }
        double seconds = (System.nanoTime() - since) / 1e9;
        core.publish(new AcquisitionRecord.EventSeen(stepIndex, new Event(EventKind.PAUSE,
                stepSeconds, String.format(Locale.ROOT, "%s after a pause of %.1f s between steps %d and %d",
                abortReason == null ? "resumed" : "aborted", seconds, stepIndex, stepIndex + 1),
                java.util.Map.of("pause_s", seconds)), Instant.now()));
    }

    /**
     * Starts a step's measurement for {@code duration} (its own duration, or what is left of it after a
     * reconnect): CA at the step's set point, or a rest at open circuit.
     */
    static Measurement start(Potentiostat instrument, PlannedStep step, Duration duration, SampleSink sink)
            throws DriverException {
        return instrument.start(request(step, duration), sink);
    }

    /** What the instrument is asked to measure for a step; {@link PlanCheck} asks its capabilities about the same request. */
    static MeasurementRequest request(PlannedStep step, Duration duration) {
        return step.match(ocp -> new OpenCircuitRequest(ocp.interval(), duration),
                ca -> new ChronoamperometryRequest(ca.voltsVsReference(), ca.interval(), duration, ca.currentRange()),
                hold -> new OpenCircuitRequest(hold.interval(), duration),
                // A sweep runs whole: its duration follows from its potentials and scan rate.
                lsv -> new LinearSweepRequest(lsv.start().voltsVsReference(), lsv.end().voltsVsReference(),
                        lsv.stepVolts(), lsv.scanRateVoltsPerSecond(), lsv.currentRange()),
                cv -> new CyclicVoltammetryRequest(cv.begin().voltsVsReference(), cv.vertex1().voltsVsReference(),
                        cv.vertex2().voltsVsReference(), cv.cycles(), cv.stepVolts(), cv.scanRateVoltsPerSecond(),
                        cv.currentRange()),
                cp -> new ChronopotentiometryRequest(cp.currentAmperes(), cp.interval(), duration,
                        cp.lowerLimit().map(PlannedPotential::voltsVsReference).orElse(Double.NEGATIVE_INFINITY),
                        cp.upperLimit().map(PlannedPotential::voltsVsReference).orElse(Double.POSITIVE_INFINITY),
                        cp.currentRange()),
                // A spectrum runs whole, like a sweep: its duration follows from its frequencies.
                eis -> new ImpedanceRequest(eis.dcPotential().map(PlannedPotential::voltsVsReference)
                        .orElse(eis.openCircuitOffsetVolts()), eis.dcPotential().isEmpty(), eis.amplitudeVoltsRms(),
                        eis.frequenciesHz(), eis.currentRange()));
    }

    /** Waits for the measurement, passing on an abort request and stopping when the core fails. */
    private volatile String watchdogReason;

    private MeasurementEnd awaitEnd(Measurement measurement, int stepIndex, Watchdog watchdog)
            throws InterruptedException, DriverException {
        boolean abortSent = false;
        watchdog.restart();
        while (true) {
            Optional<MeasurementEnd> end = measurement.awaitEnd(POLL);
            if (end.isPresent()) {
                return end.get();
            }
            if (!abortSent && watchdog.expired()) {
                watchdogReason = watchdog.reason(stepIndex);
                Log.LOG.error(watchdogReason);
                instrument.abort();
                abortSent = true;
            }
            Breach broken = breach;
            if (!abortSent && broken != null && broken.stepIndex() == stepIndex) {
                instrument.abort();
                abortSent = true;
            }
            if (!abortSent && core.failure().isPresent()) {
                Exception failed = core.failure().get();
                requestAbort(failed instanceof DispatcherStoppedException ? failed.getMessage()
                        : "the store stopped accepting data: " + failed.getMessage());
            }
            if (!abortSent && abortReason != null) {
                instrument.abort();
                abortSent = true;
            }
        }
    }

    private boolean cellOff() {
        try {
            instrument.abort();
            instrument.setCellOn(false);
            return true;
        } catch (DriverException e) {
            Log.LOG.error("could not confirm that the cell is off; check the instrument", e);
            return false;
        }
    }

    private RunResult finish(String failure, int completed, NotCompleted notCompleted, List<Double> lags,
                             boolean cellOffConfirmed) {
        synchronized (stateLock) {
            if (failure != null && linkGivenUp) {
                become(RunState.INTERRUPTED);
                return new RunResult(RunState.INTERRUPTED, failure, completed, lags, cellOffConfirmed);
            }
            if (failure != null) {
                become(RunState.FAILED);
                return new RunResult(RunState.FAILED, failure, completed, lags, cellOffConfirmed);
            }
            if (abortReason != null) {
                if (state != RunState.ABORTING) {
                    become(RunState.ABORTING);
                }
                become(RunState.ABORTED);
                return new RunResult(RunState.ABORTED, abortReason, completed, lags, cellOffConfirmed, endedByProtocol);
            }
            become(RunState.COMPLETED);
            String reason;
            if (notCompleted.none()) {
                reason = completed == 1 ? "its one step completed" : "all " + completed + " steps completed";
            } else {
                reason = completed + " steps completed"
                        + (notCompleted.breachedAfterTheirEnd() > 0 ? " (" + notCompleted.breachedAfterTheirEnd()
                        + " of them broke the safety envelope and ran to their end before they could be stopped)" : "")
                        + (notCompleted.stoppedBySafety() > 0 ? ", " + notCompleted.stoppedBySafety()
                        + " stopped by the safety envelope" : "")
                        + (notCompleted.endedEarly() > 0 ? ", " + notCompleted.endedEarly()
                        + " ended early by the instrument" : "");
            }
            return new RunResult(RunState.COMPLETED, reason, completed, lags, cellOffConfirmed);
        }
    }
}
