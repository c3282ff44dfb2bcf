package org.norrlab.runalert;

import org.norrlab.acquisition.AcquisitionRecord;
import org.norrlab.acquisition.RecordConsumer;
import org.norrlab.alert.Alert;
import org.norrlab.alert.AlertChannel;
import org.norrlab.alert.AlertSettings;
import org.norrlab.alert.Retry;
import org.norrlab.alert.SafeUrl;
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
import org.norrlab.store.StoreLocation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * The alerts of one run: listens to what the run already tells its consumers (step ends, breach, watchdog and link
 * events) and its operator call (holds), turns the events that need a person into {@link Alert}s and hands them to a
 * dispatcher ({@link Deliveries}), which never makes the run wait. Every alert says only what the run knows about the
 * cell: "confirmed by the instrument" only in the run-finished alert of a run whose cell-off the instrument accepted.
 * The same for a run of the command line and one of the window (both attach it with {@link #attach}). What became of
 * each alert on each channel is recorded with the session ({@link DeliveryRecorder}), also when a retry settles it
 * after the run has ended.
 */
public final class RunAlerts implements RecordConsumer, OperatorCall.Watcher {
    private static final Logger LOG = LoggerFactory.getLogger(RunAlerts.class);
    /** What a finished run gives its last alerts: a few seconds, never more. Ctrl-C waits for them as long. */
    public static final Duration CLOSE_WAIT = Duration.ofSeconds(5);

    private static final String UNCONFIRMED = "not confirmed: the run has told the instrument to stop and switch the"
            + " cell off; the run-finished alert says whether the instrument confirmed it";

    private final Deliveries deliveries;
    private final String bench;
    /** The run's session id once it has one (0 before). */
    private final LongSupplier session;
    /** Whether a breach ends the run (the safety block's on_breach: stop_run). */
    private final boolean breachStopsRun;
    /** Step labels by index, and the steps whose lost link came back (read and written on the acquisition thread). */
    private final Map<Integer, String> labels = new HashMap<>();
    private final Map<Integer, Boolean> reconnected = new HashMap<>();
    /** Whether a store failure was alerted while the run went on (the end of the run then does not repeat it). */
    private volatile boolean storeFailureAlerted;
    /** Samples the acquisition had handed every consumer (the store's writer first) at the last batch's end. */
    private long samplesAtBatchEnd;
    private long samplesInBatch;
    private int lastSampleStep;
    private double lastSampleSeconds = Double.NaN;
    /** The step and time of the last sample of the last whole batch (kept apart from the batch in progress). */
    private int lastStoredStep;
    private double lastStoredSeconds = Double.NaN;

    /**
     * @param database where the outcomes are recorded with the session; empty records none (a unit test)
     */
    public RunAlerts(List<? extends AlertChannel> channels, Retry retry, String bench, LongSupplier session,
                     boolean breachStopsRun, Optional<StoreLocation> database) {
        this.bench = bench;
        this.session = session;
        this.breachStopsRun = breachStopsRun;
        this.deliveries = new Deliveries(channels, retry, database);
    }

    /**
     * The run's alerts when the site names channels, attached to the run (before it executes); empty, and nothing
     * attached, when it names none.
     */
    public static Optional<RunAlerts> attach(SiteConfig site, PreparedRun run) throws ConfigException {
        if (site.alerts().isEmpty()) {
            return Optional.empty();
        }
        AlertSettings settings = AlertSettings.of(site);
        List<AlertChannel> channels = settings.channels();
        if (channels.isEmpty()) {
            return Optional.empty();
        }
        settings.unreadablePasswords().forEach(problem -> LOG.warn("{}", problem));
        String bench = settings.bench() + run.bench().map(lab -> " (" + lab + ")").orElse("");
        RunAlerts alerts = new RunAlerts(channels, Retry.DEFAULT, bench, run::sessionId,
                run.plan().safety().stopRun().orElse(false), Optional.of(run.database()));
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
            if (endOfBatch) {
                // The store's writer commits at the batch's end before this consumer sees it: all of it is stored.
                samplesAtBatchEnd += samplesInBatch;
                samplesInBatch = 0;
                lastStoredStep = lastSampleStep;
                lastStoredSeconds = lastSampleSeconds;
            }
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
            samplesInBatch++;
            lastSampleStep = taken.stepIndex();
            lastSampleSeconds = taken.sample().timeSeconds();
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

    /**
     * On the acquisition thread, when the store's writer fails (a full disk, a server gone): alerted now, not when the
     * run has wound down, with how far the recorded data are safe. The run stops and switches the cell off.
     */
    @Override
    public void otherFailed(String failed, Exception why) {
        if (!failed.contains("session store")) {
            return;   // another part's failure ends the run: the run-finished alert says so
        }
        try {
            // The samples of the batch in progress were not committed: only whole batches before it count.
            String safe = samplesAtBatchEnd == 0 ? "no sample of this run had been stored yet"
                    : String.format(Locale.ROOT, "the %d samples recorded up to %s at t = %.1f s are stored and safe",
                    samplesAtBatchEnd, step(lastStoredStep), lastStoredSeconds);
            storeFailureAlerted = true;
            submit(Alert.Kind.STORE_FAILURE, failed + " failed: " + SafeUrl.inText(why.getMessage()) + "; " + safe
                    + "; the run stops", Instant.now(), UNCONFIRMED);
        } catch (RuntimeException e) {
            LOG.error("the alert of the store failure could not be made", e);
        }
    }

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
                            : stopsRun ? UNCONFIRMED : "switched off by the run when it stopped the step, not confirmed"
                            + " by the instrument; the run goes on with the next step");
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

    /** The command that lets the run go on from another terminal, with its session when it is known. */
    private String continueCommand() {
        long id = session.getAsLong();
        return id > 0 ? "norrlab continue " + id : "norrlab continue";
    }

    /** On the scheduler's thread, with the cell already in the hold's state; returns at once. */
    @Override
    public void holdStarted(PlannedStep.Hold hold, Optional<Duration> timeout) {
        try {
            String what = "hold at step " + hold.index() + " ('" + hold.message() + "'): waiting for the operator"
                    + timeout.map(t -> String.format(Locale.ROOT, " for up to %d s, then %s", t.toSeconds(),
                    hold.onTimeout().orElse(PlannedStep.Hold.OnTimeout.ABORT) == PlannedStep.Hold.OnTimeout.ABORT
                            ? "the run ends aborted" : "the run goes on")).orElse(" (no timeout)")
                    + "; '" + continueCommand() + "' or Enter at the run's terminal goes on";
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
    public void finished(RunOutcome outcome) {
        try {
            submitFinished(outcome);
        } finally {
            deliveries.lastSubmitted();
        }
    }

    private void submitFinished(RunOutcome outcome) {
        Instant now = Instant.now();
        String cell = outcome.result().cellOffConfirmed()
                ? "off (confirmed by the instrument): " + outcome.cellOffState()
                : "not known: the instrument did not confirm that the cell is off; check the cell and the instrument";
        if (!storeFailureAlerted && (outcome.samplesNotStored() > 0 || !outcome.endRecorded())) {
            submit(Alert.Kind.STORE_FAILURE, (outcome.samplesNotStored() > 0 ? outcome.notStoredPhrase() + "; " : "")
                    + (outcome.endRecorded() ? "the session's end is recorded"
                    : "the store did not take the session's end"), now, cell);
        }
        String what = String.format(Locale.ROOT, "%s: %s; %d samples acquired, %d committed to the store",
                outcome.status().dbName(), outcome.reason(), outcome.counters().samplesIn(), outcome.samplesCommitted());
        deliveries.submit(new Alert(Alert.Kind.RUN_FINISHED, bench, Optional.of(outcome.sessionId()), what, cell, now,
                outcome.endRecorded() ? table(outcome) : Optional.empty()));
    }

    /** The run ended in a store error before it had an outcome: that is its last alert. */
    public void storeFailed(StoreException e) {
        try {
            submit(Alert.Kind.STORE_FAILURE, "the run ended on a store error: " + SafeUrl.inText(e.getMessage()),
                    Instant.now(), "not known from the store error; the run switches the cell off on its way out, check"
                            + " the instrument");
        } finally {
            deliveries.lastSubmitted();
        }
    }

    /** The run failed in another way before it had an outcome: no run-finished alert will come. */
    public void noOutcome() {
        deliveries.lastSubmitted();
    }

    private Optional<String> table(RunOutcome outcome) {
        try (SessionStore store = SessionStore.open(outcome.database())) {
            if (store.assays().currentAssays(outcome.sessionId()).isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(FeTable.text(SessionAnalysis.analyze(store, outcome.sessionId(),
                    SessionAnalysis.Options.DEFAULT)));
        } catch (StoreException | RuntimeException e) {
            LOG.warn("the FE/yield table of session {} could not be read for the run-finished alert", outcome.sessionId(), e);
            return Optional.empty();
        }
    }

    /**
     * Gives the queued alerts up to {@link #CLOSE_WAIT} and prints one line per channel from the dispatcher's counts.
     */
    public void closeAndPrint(PrintWriter out) {
        closeAll(List.of(this));
        print(out);
    }

    /**
     * Closes the alerts of several runs (the benches of a lab) at once: one {@link #CLOSE_WAIT} in all, however many
     * benches' channels hang; then the store gets the last outcomes.
     */
    public static void closeAll(Collection<RunAlerts> runs) {
        Deliveries.closeAll(runs.stream().map(r -> r.deliveries).toList(), CLOSE_WAIT);
    }

    /** One line per channel: "Alerts on webhook x (https://host/…): 4 sent, 1 failed, 0 dropped". */
    public List<String> lines() {
        return deliveries.lines();
    }

    /** "alerts: 4 sent, 1 failed" over every channel, for a status line. */
    public String summary() {
        return deliveries.summary();
    }

    public void print(PrintWriter out) {
        lines().forEach(out::println);
        out.flush();
    }

    /**
     * For a shutdown after Ctrl-C or SIGTERM: waits until each run has submitted its last alert (up to
     * {@code submitWithin}: the run's own thread makes it once the session is closed), then until every alert of every
     * run is settled on every channel and recorded in the store, at most {@link #CLOSE_WAIT} for all of them together.
     *
     * @return whether every alert settled in time
     */
    public static boolean awaitLastAlerts(Collection<RunAlerts> runs, Duration submitWithin) throws InterruptedException {
        return Deliveries.awaitLastAlerts(runs.stream().map(r -> r.deliveries).toList(), submitWithin, CLOSE_WAIT);
    }

    private void submit(Alert.Kind kind, String what, Instant time, String cell) {
        long session = this.session.getAsLong();
        deliveries.submit(new Alert(kind, bench, session > 0 ? Optional.of(session) : Optional.empty(), what, cell, time,
                Optional.empty()));
    }

    private String step(int index) {
        String label = labels.get(index);
        return "step " + index + (label == null ? "" : " (" + label + ")");
    }
}
