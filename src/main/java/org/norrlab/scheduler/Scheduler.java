package org.norrlab.scheduler;

import org.norrlab.acquisition.AcquisitionCore;
import org.norrlab.acquisition.AcquisitionRecord;
import org.norrlab.driver.ChronoamperometryRequest;
import org.norrlab.driver.DriverException;
import org.norrlab.driver.Measurement;
import org.norrlab.driver.MeasurementEnd;
import org.norrlab.driver.OpenCircuitRequest;
import org.norrlab.driver.Potentiostat;
import org.norrlab.driver.SampleSink;
import org.norrlab.plan.Plan;
import org.norrlab.plan.PlannedStep;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Runs the steps of a plan in order on the calling thread. {@link #requestAbort} may be called from
 * any thread (Ctrl-C, the GUI); the running step is stopped and the cell turned off.
 */
public final class Scheduler {
    private static final Logger log = LoggerFactory.getLogger(Scheduler.class);
    private static final Duration POLL = Duration.ofMillis(100);

    private final Plan plan;
    private final Potentiostat instrument;
    private final AcquisitionCore core;
    private final RunListener listener;
    private final Object stateLock = new Object();
    private RunState state = RunState.IDLE;
    private volatile String abortReason;

    public Scheduler(Plan plan, Potentiostat instrument, AcquisitionCore core, RunListener listener) {
        this.plan = plan;
        this.instrument = instrument;
        this.core = core;
        this.listener = listener;
    }

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
            log.debug("run state {} -> {}", state, next);
            state = next;
        }
    }

    /** Asks the run to stop; the first reason given is the one recorded. */
    public void requestAbort(String reason) {
        synchronized (stateLock) {
            if (abortReason == null) {
                abortReason = reason;
            }
        }
        log.warn("abort requested: {}", reason);
    }

    public RunResult run() {
        become(RunState.RUNNING);
        List<Double> lags = new ArrayList<>();
        int completed = 0;
        double sessionOffset = 0;
        long previousEndNanos = 0;
        String failure = null;
        try {
            for (PlannedStep step : plan.steps()) {
                if (abortReason != null) {
                    break;
                }
                core.publish(new AcquisitionRecord.StepStarted(step, Instant.now(), sessionOffset));
                listener.stepStarted(step);
                Measurement measurement;
                try {
                    measurement = start(step, core.sinkFor(step.index()));
                } catch (DriverException e) {
                    core.publish(new AcquisitionRecord.StepEnded(step.index(), "failed", 0, 0, Double.NaN, Instant.now()));
                    throw e;
                }
                double lag = previousEndNanos == 0 ? Double.NaN : (System.nanoTime() - previousEndNanos) / 1e6;
                if (!Double.isNaN(lag)) {
                    lags.add(lag);
                }
                MeasurementEnd end = awaitEnd(measurement);
                previousEndNanos = System.nanoTime();
                core.publish(new AcquisitionRecord.StepEnded(step.index(), end.outcome().name().toLowerCase(Locale.ROOT),
                        end.samples(), end.lastTimeSeconds(), lag, Instant.now()));
                listener.stepEnded(step, end);
                sessionOffset += end.lastTimeSeconds();
                if (end.outcome() == MeasurementEnd.Outcome.COMPLETED) {
                    completed++;
                } else if (end.outcome() != MeasurementEnd.Outcome.ABORTED) {
                    failure = "step " + step.index() + " (" + step.label() + ") "
                            + end.outcome().name().toLowerCase(Locale.ROOT).replace('_', ' ') + ": "
                            + end.error().map(Throwable::getMessage).orElse("no reason given");
                    break;
                }
            }
        } catch (DriverException e) {
            failure = e.getMessage();
            log.error("run failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            requestAbort("the scheduler thread was interrupted");
        } catch (RuntimeException e) {
            failure = e.getMessage();
            log.error("run failed", e);
        } finally {
            cellOff();
        }
        return finish(failure, completed, lags);
    }

    private Measurement start(PlannedStep step, SampleSink sink) throws DriverException {
        if (step instanceof PlannedStep.Chronoamperometry ca) {
            return instrument.startChronoamperometry(
                    new ChronoamperometryRequest(ca.voltsVsReference(), ca.interval(), ca.duration(), ca.currentRange()),
                    sink);
        }
        return instrument.startOpenCircuit(new OpenCircuitRequest(step.interval(), step.duration()), sink);
    }

    /** Waits for the measurement, passing on an abort request and stopping when the core fails. */
    private MeasurementEnd awaitEnd(Measurement measurement) throws InterruptedException, DriverException {
        boolean abortSent = false;
        while (true) {
            Optional<MeasurementEnd> end = measurement.awaitEnd(POLL);
            if (end.isPresent()) {
                return end.get();
            }
            if (!abortSent && core.failure().isPresent()) {
                requestAbort("the store stopped accepting data: " + core.failure().get().getMessage());
            }
            if (!abortSent && abortReason != null) {
                instrument.abort();
                abortSent = true;
            }
        }
    }

    private void cellOff() {
        try {
            instrument.abort();
            instrument.setCellOn(false);
        } catch (DriverException e) {
            log.error("could not confirm that the cell is off; check the instrument", e);
        }
    }

    private RunResult finish(String failure, int completed, List<Double> lags) {
        synchronized (stateLock) {
            if (failure != null) {
                become(RunState.FAILED);
                return new RunResult(RunState.FAILED, failure, completed, lags);
            }
            if (abortReason != null) {
                become(RunState.ABORTING);
                become(RunState.ABORTED);
                return new RunResult(RunState.ABORTED, abortReason, completed, lags);
            }
            become(RunState.COMPLETED);
            return new RunResult(RunState.COMPLETED, "all " + completed + " steps completed", completed, lags);
        }
    }
}
