package org.norrlab.cli;

import org.norrlab.acquisition.AcquisitionRecord;
import org.norrlab.acquisition.RecordConsumer;
import org.norrlab.alert.Alert;
import org.norrlab.alert.AlertChannel;
import org.norrlab.alert.AlertDispatcher;
import org.norrlab.alert.AlertSettings;
import org.norrlab.config.ConfigException;
import org.norrlab.config.SiteConfig;
import org.norrlab.core.EventKind;
import org.norrlab.core.StepOutcome;
import org.norrlab.plan.PlannedStep;
import org.norrlab.report.SessionAnalysis;
import org.norrlab.run.PreparedRun;
import org.norrlab.run.RunOutcome;
import org.norrlab.scheduler.OperatorCall;
import org.norrlab.scheduler.OperatorGate;
import org.norrlab.store.SessionStore;
import org.norrlab.store.StoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * The alerts of one run: listens to what the run already tells its consumers (step ends, breach, watchdog and link
 * events) and its operator call (holds), turns the events that need a person into {@link Alert}s and hands them to an
 * {@link AlertDispatcher}, which never makes the run wait. Every alert says only what the run knows about the cell:
 * "confirmed by the instrument" only in the run-finished alert of a run whose cell-off the instrument accepted.
 */
final class RunAlerts implements RecordConsumer, OperatorCall.Watcher {
    private static final Logger LOG = LoggerFactory.getLogger(RunAlerts.class);
    /** What a finished run gives its last alerts: a few seconds, never more. */
    static final Duration CLOSE_WAIT = Duration.ofSeconds(5);

    private static final String UNCONFIRMED = "not confirmed: the run has told the instrument to stop and switch the"
            + " cell off; the run-finished alert says whether the instrument confirmed it";

    private final AlertDispatcher dispatcher;
    private final String bench;
    /** The run's session id once it has one (0 before). */
    private final LongSupplier session;
    /** Whether a breach ends the run (the safety block's on_breach: stop_run). */
    private final boolean breachStopsRun;
    /** Step labels by index, and the steps whose lost link came back (read and written on the acquisition thread). */
    private final Map<Integer, String> labels = new HashMap<>();
    private final Map<Integer, Boolean> reconnected = new HashMap<>();
    /** Alerts handed to the dispatcher (each goes to every channel); the run's thread and the acquisition's add. */
    private volatile long submitted;

    RunAlerts(AlertDispatcher dispatcher, String bench, LongSupplier session, boolean breachStopsRun) {
        this.dispatcher = dispatcher;
        this.bench = bench;
        this.session = session;
        this.breachStopsRun = breachStopsRun;
    }

    /**
     * The run's alerts when the site names channels, attached to the run (before it executes); empty, and nothing
     * attached, when it names none.
     */
    static Optional<RunAlerts> attach(SiteConfig site, PreparedRun run) throws ConfigException {
        if (site.alerts().isEmpty()) {
            return Optional.empty();
        }
        AlertSettings settings = AlertSettings.of(site);
        List<AlertChannel> channels = settings.channels();
        if (channels.isEmpty()) {
            return Optional.empty();
        }
        String bench = settings.bench() + run.bench().map(lab -> " (" + lab + ")").orElse("");
        RunAlerts alerts = new RunAlerts(new AlertDispatcher(channels), bench, run::sessionId,
                run.plan().safety().stopRun().orElse(false));
        run.addConsumer(alerts);
        run.operator().addWatcher(alerts);
        return Optional.of(alerts);
    }

    @Override
    public String name() {
        return "sending alerts";
    }

    /** On the acquisition thread; never throws, as a consumer that throws would stop the run. */
    @Override
    public void accept(AcquisitionRecord record, boolean endOfBatch) {
        try {
            record.accept(recordKinds);
        } catch (RuntimeException e) {
            LOG.error("an alert could not be made from a record of step {}", record.stepIndex(), e);
        }
    }

    /** The kinds of record an alert can come from; samples and impedance points make none. */
    private final AcquisitionRecord.Visitor<RuntimeException> recordKinds = new AcquisitionRecord.Visitor<>() {
        @Override
        public void stepStarted(AcquisitionRecord.StepStarted started) {
            labels.put(started.stepIndex(), started.step().label());
        }

        @Override
        public void sampleTaken(AcquisitionRecord.SampleTaken taken) {
        }

        @Override
        public void impedanceMeasured(AcquisitionRecord.ImpedanceMeasured measured) {
        }

        @Override
        public void eventSeen(AcquisitionRecord.EventSeen seen) {
            RunAlerts.this.eventSeen(seen);
        }

        @Override
        public void stepEnded(AcquisitionRecord.StepEnded ended) {
            RunAlerts.this.stepEnded(ended);
        }
    };

    private void eventSeen(AcquisitionRecord.EventSeen seen) {
        EventKind kind = seen.event().kind();
        String message = seen.event().message();
        if (kind == EventKind.GAP) {
            reconnected.put(seen.stepIndex(), false);
        } else if (kind == EventKind.RECONNECT) {
            reconnected.put(seen.stepIndex(), true);
        } else if (kind == EventKind.ENVELOPE_BREACH) {
            boolean stopsRun = breachStopsRun;
            submit(Alert.Kind.SAFETY_BREACH, step(seen.stepIndex()) + ": " + message, seen.wallTime(),
                    message.contains("before it could be stopped")
                            ? "not known: the step ran to its end before it could be stopped; the run "
                            + (stopsRun ? "ends (on_breach: stop_run)" : "goes on with the next step")
                            : stopsRun ? UNCONFIRMED : "not confirmed: the run stopped the step with the cell off and goes"
                            + " on with the next step");
        } else if (kind == EventKind.FAILURE && message.startsWith("watchdog:")) {
            submit(Alert.Kind.WATCHDOG, message + "; the run stops", seen.wallTime(),
                    "not known: the instrument had gone quiet; " + UNCONFIRMED.substring("not confirmed: ".length()));
        }
    }

    private void stepEnded(AcquisitionRecord.StepEnded ended) {
        if (ended.outcome() == StepOutcome.FAILED) {
            submit(Alert.Kind.STEP_FAILED, step(ended.stepIndex()) + " failed; the run stops", ended.wallTime(),
                    UNCONFIRMED);
        } else if (ended.outcome() == StepOutcome.LINK_LOST) {
            if (reconnected.getOrDefault(ended.stepIndex(), false)) {
                submit(Alert.Kind.LINK_LOST, "the link to the instrument was lost during " + step(ended.stepIndex())
                        + "; it came back, but the step is not continued and the run stops interrupted ('norrlab"
                        + " resume' runs it again)", ended.wallTime(), UNCONFIRMED);
            } else {
                submit(Alert.Kind.LINK_LOST, "the link to the instrument was lost during " + step(ended.stepIndex())
                        + " and did not come back; the run stops interrupted", ended.wallTime(),
                        "unknown: the instrument cannot be reached, so the cell may still be on; check it at the bench");
            }
        }
    }

    /** On the scheduler's thread, with the cell already in the hold's state; returns at once. */
    @Override
    public void holdStarted(PlannedStep.Hold hold, Optional<Duration> timeout) {
        try {
            String what = "hold at step " + hold.index() + " ('" + hold.message() + "'): waiting for the operator"
                    + timeout.map(t -> String.format(Locale.ROOT, " for up to %d s, then %s", t.toSeconds(),
                    hold.onTimeout().orElse(PlannedStep.Hold.OnTimeout.ABORT) == PlannedStep.Hold.OnTimeout.ABORT
                            ? "the run ends aborted" : "the run goes on")).orElse(" (no timeout)")
                    + "; 'norrlab continue' or Enter at the run's terminal goes on";
            String cell = hold.cell() == PlannedStep.Hold.HoldCell.OCP
                    ? "at open circuit (the instrument accepted cell off; the open-circuit potential is being recorded)"
                    : "off (the instrument accepted cell off for the hold)";
            submit(Alert.Kind.HOLD_WAITING, what, Instant.now(), cell);
        } catch (RuntimeException e) {
            LOG.error("the alert of the hold at step {} could not be made", hold.index(), e);
        }
    }

    @Override
    public void holdEnded(PlannedStep.Hold hold, OperatorGate.ContinuedBy by) {
    }

    /**
     * The run is over: a store-failure alert when the store did not take all of it, then the run-finished alert, with
     * the FE/yield table when the session's assays are already stored.
     */
    void finished(RunOutcome outcome) {
        Instant now = Instant.now();
        String cell = outcome.result().cellOffConfirmed()
                ? "off (confirmed by the instrument): " + outcome.cellOffState()
                : "not known: the instrument did not confirm that the cell is off; check the cell and the instrument";
        if (outcome.samplesNotStored() > 0 || !outcome.endRecorded()) {
            submit(Alert.Kind.STORE_FAILURE, (outcome.samplesNotStored() > 0 ? outcome.notStoredPhrase() + "; " : "")
                    + (outcome.endRecorded() ? "the session's end is recorded"
                    : "the store did not take the session's end"), now, cell);
        }
        String what = String.format(Locale.ROOT, "%s: %s; %d samples acquired, %d committed to the store",
                outcome.status().dbName(), outcome.reason(), outcome.counters().samplesIn(), outcome.samplesCommitted());
        count();
        dispatcher.submit(new Alert(Alert.Kind.RUN_FINISHED, bench, Optional.of(outcome.sessionId()), what, cell, now,
                outcome.endRecorded() ? table(outcome) : Optional.empty()));
    }

    /** The run ended in a store error before it had an outcome. */
    void storeFailed(StoreException e) {
        submit(Alert.Kind.STORE_FAILURE, "the run ended on a store error: " + e.getMessage(), Instant.now(),
                "not known from the store error; the run switches the cell off on its way out, check the instrument");
    }

    private Optional<String> table(RunOutcome outcome) {
        try (SessionStore store = SessionStore.open(outcome.database())) {
            if (store.assays().currentAssays(outcome.sessionId()).isEmpty()) {
                return Optional.empty();
            }
            StringWriter text = new StringWriter();
            try (PrintWriter out = new PrintWriter(text)) {
                AnalyzeCommand.printTable(out, SessionAnalysis.analyze(store, outcome.sessionId(),
                        SessionAnalysis.Options.DEFAULT));
            }
            return Optional.of(text.toString().stripTrailing());
        } catch (StoreException | RuntimeException e) {
            LOG.warn("the FE/yield table of session {} could not be read for the run-finished alert", outcome.sessionId(), e);
            return Optional.empty();
        }
    }

    /**
     * Gives the queued alerts up to {@link #CLOSE_WAIT} and prints one line per channel from the dispatcher's counts.
     */
    void closeAndPrint(PrintWriter out) {
        boolean closedInTime = dispatcher.close(CLOSE_WAIT);
        List<AlertDispatcher.Counts> counts = dispatcher.counts();
        // A channel still sending when the wait ended was interrupted: it counts that alert failed a moment later.
        long deadline = System.nanoTime() + Duration.ofSeconds(1).toNanos();
        while (!closedInTime && counts.stream().anyMatch(c -> c.sent() + c.failed() + c.dropped() < submitted)
                && System.nanoTime() < deadline) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            counts = dispatcher.counts();
        }
        for (AlertDispatcher.Counts c : counts) {
            long open = submitted - c.sent() - c.failed() - c.dropped();
            out.printf(Locale.ROOT, "Alerts on %s: %d sent, %d failed, %d dropped%s%n", c.channel(), c.sent(), c.failed(),
                    c.dropped(), open > 0 ? ", " + open + " not settled when the run stopped waiting" : "");
        }
        out.flush();
    }

    private void submit(Alert.Kind kind, String what, Instant time, String cell) {
        long session = this.session.getAsLong();
        count();
        dispatcher.submit(new Alert(kind, bench, session > 0 ? Optional.of(session) : Optional.empty(), what, cell, time,
                Optional.empty()));
    }

    private synchronized void count() {
        submitted++;
    }

    private String step(int index) {
        String label = labels.get(index);
        return "step " + index + (label == null ? "" : " (" + label + ")");
    }
}
