package org.norrlab.run;

import org.norrlab.acquisition.AcquisitionCore;
import org.norrlab.acquisition.AcquisitionRecord;
import org.norrlab.acquisition.DispatcherStoppedException;
import org.norrlab.acquisition.RecordConsumer;
import org.norrlab.acquisition.RunStatistics;
import org.norrlab.core.Event;
import org.norrlab.core.EventKind;
import org.norrlab.core.InstrumentIdentity;
import org.norrlab.driver.DriverRegistry;
import org.norrlab.driver.Potentiostat;
import org.norrlab.driver.Speed;
import org.norrlab.plan.Electrolyte;
import org.norrlab.plan.Plan;
import org.norrlab.plan.PlanWarning;
import org.norrlab.plan.PlannedStep;
import org.norrlab.scheduler.OperatorCall;
import org.norrlab.scheduler.OperatorGate;
import org.norrlab.scheduler.RunListener;
import org.norrlab.scheduler.RunResult;
import org.norrlab.scheduler.RunState;
import org.norrlab.scheduler.Scheduler;
import org.norrlab.store.Heartbeat;
import org.norrlab.store.NewSession;
import org.norrlab.store.SessionStatus;
import org.norrlab.store.SessionStore;
import org.norrlab.store.StoreException;
import org.norrlab.store.StoreLocation;
import org.norrlab.store.StoredAliquot;
import org.norrlab.core.UncompensatedResistance;
import org.norrlab.store.StoreWriter;
import org.norrlab.transport.WireLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;

/**
 * An instrument that is open and a plan that fits it. {@link #execute} runs it once and always
 * closes the instrument (cell off); {@link #requestAbort} may come from any thread at any time.
 */
public final class PreparedRun {
    private static final Logger log = LoggerFactory.getLogger(PreparedRun.class);
    /**
     * Once the instrument has stopped, how long the run waits for a store that makes no progress: with the
     * last samples (while it takes them, however slowly, it is waited for) and with the session's end. A store
     * that stopped answering (a frozen server) is then given up on, and the outcome says what it did not take.
     */
    public static final java.time.Duration END_OF_RUN_STORE_WAIT = java.time.Duration.ofSeconds(5);

    private final Plan plan;
    private final String profileName;
    private final Potentiostat instrument;
    private final InstrumentIdentity identity;
    private final RunRequest request;
    private final StoreLocation database;
    private final String softwareVersion;
    private final WireLog wire;
    private final Map<String, String> instrumentSettings;
    private final Optional<Long> replayOf;
    private Optional<Long> resumedFrom = Optional.empty();
    private java.time.Duration reconnectFor = java.time.Duration.ZERO;
    private final List<Event> openingEvents = new ArrayList<>();
    private final RunStatistics statistics = new RunStatistics();
    private final List<RecordConsumer> viewers = new ArrayList<>();
    private final CountDownLatch finished = new CountDownLatch(1);
    private volatile Scheduler scheduler;
    private volatile String pendingAbort;
    private volatile boolean pendingPause;
    private Optional<String> bench = Optional.empty();
    private final OperatorCall operator = new OperatorCall();
    private OperatorGate holds = operator;
    private boolean unattended;
    private volatile long sessionId;

    PreparedRun(Plan plan, String profileName, Potentiostat instrument, InstrumentIdentity identity,
                RunRequest request, StoreLocation database, String softwareVersion, WireLog wire,
                Map<String, String> instrumentSettings, Optional<Long> replayOf) {
        this.plan = plan;
        this.profileName = profileName;
        this.instrument = instrument;
        this.identity = identity;
        this.request = request;
        this.database = database;
        this.softwareVersion = softwareVersion;
        this.wire = wire;
        this.instrumentSettings = Map.copyOf(instrumentSettings);
        this.replayOf = replayOf;
    }

    public Plan plan() {
        return plan;
    }

    public InstrumentIdentity identity() {
        return identity;
    }

    public StoreLocation database() {
        return database;
    }

    /** How long a lost link is tried again before the session is given up as interrupted (from config/site.yaml). */
    void reconnectFor(java.time.Duration duration) {
        reconnectFor = duration;
    }

    /** Names the bench of a lab file this run belongs to; stored with the session. */
    void bench(String name) {
        bench = Optional.of(name);
    }

    public Optional<String> bench() {
        return bench;
    }

    /**
     * Where the run waits for the operator at its holds: watchers print the message or open a dialog, and
     * {@link OperatorCall#continueHold} (Enter, a button) lets the run go on. {@code norrlab continue} from another
     * process reaches it through {@link ContinueFiles}.
     */
    public OperatorCall operator() {
        return operator;
    }

    /** This run does not wait at holds: each follows its {@code on_timeout} at once ({@code --unattended}). */
    public void runUnattended() {
        unattended = true;
    }

    /** Whether holds wait for nobody: the protocol says {@code unattended: true}, or {@link #runUnattended}. */
    public boolean unattended() {
        return unattended || plan.unattended();
    }

    /** Whether this run's holds wait for a person (it has holds, is not unattended and is not a replay). */
    public boolean waitsForOperator() {
        return !plan.holds().isEmpty() && !unattended() && holds == operator;
    }

    /** The session this run writes, once {@link #execute} has created it (0 before). */
    public long sessionId() {
        return sessionId;
    }

    /** R_u rows the new session starts with, oldest first (a replay carries its original's history). */
    private List<UncompensatedResistance> startingResistances = List.of();

    void startsWithResistances(List<UncompensatedResistance> history) {
        startingResistances = List.copyOf(history);
    }

    /** Holds follow {@code gate} instead of the operator (a replay follows its recording). */
    void holdsFollow(OperatorGate gate) {
        holds = gate;
    }

    /** Gives the instrument back without running (another bench of the same lab could not be prepared, a refusal). */
    public void discard() {
        instrument.close();
    }

    /** Marks this run as the continuation of an interrupted session, with an event saying how long the gap was. */
    void resumes(long sessionId, Event interruption) {
        resumedFrom = Optional.of(sessionId);
        openingEvents.add(interruption);
    }

    /** Operator aliquots of the interrupted session, by the resumed run's hold they are taken at (see ResumeService). */
    private Map<Integer, List<Electrolyte.PlannedAliquot>> earlierAliquots = Map.of();

    void earlierAliquots(Map<Integer, List<Electrolyte.PlannedAliquot>> byHold) {
        earlierAliquots = Map.copyOf(byHold);
    }

    /**
     * Records the interrupted session's operator aliquots taken at a hold of this resumed run in that session, with
     * its step numbers: the step they were taken after ran there, not here.
     */
    private void recordEarlierAliquots(PlannedStep.Hold hold) {
        List<Electrolyte.PlannedAliquot> aliquots = earlierAliquots.getOrDefault(hold.index(), List.of());
        if (aliquots.isEmpty() || resumedFrom.isEmpty()) {
            return;
        }
        long original = resumedFrom.get();
        try (SessionStore store = SessionStore.open(database)) {
            for (Electrolyte.PlannedAliquot aliquot : aliquots) {
                store.addAliquot(original, new StoredAliquot(0, aliquot.afterStep(), aliquot.volumeMl(), aliquot.replaced(),
                        aliquot.takenBy(), Instant.now(), "taken at the hold at step " + hold.index() + " of session "
                        + sessionId + ", which resumed this one"));
            }
        } catch (StoreException e) {
            // the run goes on: the operator has the aliquot; the record of it is what is missing, and the log says so
            log.error("the operator's aliquot at step {} of session {} could not be recorded in session {}", hold.index(),
                    sessionId, original, e);
        }
    }

    /** The session this run replays, if it is a replay. */
    public Optional<Long> replayOf() {
        return replayOf;
    }

    /** Live figures of the step in progress, for progress bars and status lines. */
    public RunStatistics statistics() {
        return statistics;
    }

    /** Adds a consumer (a chart, a safety monitor) before {@link #execute}. */
    public void addConsumer(RecordConsumer consumer) {
        viewers.add(consumer);
    }

    public void requestAbort(String reason) {
        pendingAbort = reason;
        Scheduler running = scheduler;
        if (running != null) {
            running.requestAbort(reason);
        }
    }

    /** Asks the run to wait after the step in progress (cell off) until called with {@code false}. */
    public void pauseBetweenSteps(boolean pause) {
        pendingPause = pause;
        Scheduler running = scheduler;
        if (running != null) {
            running.pauseBetweenSteps(pause);
        }
    }

    /** Where the run is now ({@link RunState#IDLE} before {@link #execute} has started it). */
    public RunState state() {
        Scheduler running = scheduler;
        return running == null ? RunState.IDLE : running.state();
    }

    /** Waits until {@link #execute} has recorded how the session ended; for shutdown hooks. */
    public boolean awaitFinished(java.time.Duration timeout) throws InterruptedException {
        return finished.await(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
    }

    public RunOutcome execute(RunListener listener) throws StoreException, InterruptedException {
        long wallStart = System.nanoTime();
        try (SessionStore store = SessionStore.open(database)) {
            store.checkIntegrity();
            for (long cutOff : store.markCutOffSessions()) {
                log.warn("session {} was cut off (no sign of life for {} s) and is now marked interrupted", cutOff,
                        Heartbeat.cutOff().toSeconds());
            }
            long sessionId = store.createSession(new NewSession(plan.name(), plan.file().toString(), plan.protocolText(),
                    plan.cell(), identity, runOptions(), softwareVersion, Instant.now(), instrumentSettings, replayOf, resumedFrom,
                    plan.electrolyte().mode()).withSample(request.sample()));
            log.info("session {} started in {}: protocol {} on {}", sessionId, database, plan.name(), identity.describe());
            this.sessionId = sessionId;
            for (UncompensatedResistance ru : startingResistances) {
                store.impedance().recordResistance(sessionId, ru);
            }
            if (waitsForOperator()) {
                ContinueFiles.of(database, sessionId).connect(operator);
            }
            RunResult result;
            AcquisitionCore.Counters counters;
            long samplesCommitted;
            long samplesInDoubt = 0;
            boolean gaveUpOnStore = false;
            // The heartbeat beats from here until the last records are written, whatever the data rate.
            try (Heartbeat heartbeat = store.heartbeat(sessionId);
                 StoreWriter writer = store.writer(sessionId, wire)) {
                // The store gets the simulator's truth with the batch of catholyte each step ran in (a no-op elsewhere).
                List<RecordConsumer> consumers = new ArrayList<>(List.of(new SimulatedCatholyteFollower(plan, writer),
                        statistics));
                consumers.addAll(viewers);
                AcquisitionCore core = new AcquisitionCore(AcquisitionCore.DEFAULT_CAPACITY, consumers);
                try {
                    // The plan's warnings were printed before this; stored first, so the session says what it ran despite.
                    for (PlanWarning warning : plan.warnings()) {
                        core.publish(new AcquisitionRecord.EventSeen(0, Event.of(EventKind.WARNING, 0, warning.message()),
                                Instant.now()));
                    }
                    for (Event event : openingEvents) {
                        core.publish(new AcquisitionRecord.EventSeen(0, event, Instant.now()));
                    }
                    Scheduler created = new Scheduler(plan, instrument, core, listener, reconnectFor, identity);
                    created.operatorGate(unattended ? OperatorGate.UNATTENDED : holds);
                    created.earlierSessionAliquots(this::recordEarlierAliquots);
                    // a real instrument keeps real time whatever --speed said; the watchdog counts instrument time
                    created.instrumentSpeed(DriverRegistry.simulated(identity.family()) || replayOf.isPresent() ? request.speed()
                            : Speed.REAL_TIME);
                    scheduler = created;
                    if (pendingAbort != null) {
                        created.requestAbort(pendingAbort);
                    }
                    created.pauseBetweenSteps(pendingPause);
                    result = created.run();
                } finally {
                    try {
                        // Closed before the core's last batch, so the wire log keeps what the close exchanged too
                        // (a replay then has the instrument's answer to it); the cell goes off before any wait for the store.
                        instrument.close();
                    } finally {
                        if (!closeWhileTheStoreTakesRecords(core)) {
                            gaveUpOnStore = writer.abandon();
                            if (gaveUpOnStore) {
                                log.error("session {}: the store took nothing for {} s after the instrument stopped; given up",
                                        sessionId, END_OF_RUN_STORE_WAIT.toSeconds());
                            } else {
                                log.warn("session {}: the store took nothing for {} s after the instrument stopped; still"
                                        + " waiting, as a local file answers in the end", sessionId, END_OF_RUN_STORE_WAIT.toSeconds());
                            }
                            core.close();
                        }
                    }
                }
                counters = core.counters();
                samplesCommitted = writer.samplesCommitted();
                samplesInDoubt = writer.samplesInDoubt(gaveUpOnStore);
                if (gaveUpOnStore) {
                    result = new RunResult(RunState.FAILED, result.reason() + "; then the store took nothing for "
                            + END_OF_RUN_STORE_WAIT.toSeconds() + " s and was given up",
                            result.stepsCompleted(), result.lagMillis(), result.cellOffConfirmed());
                } else if (core.failure().isPresent() && result.state() != RunState.FAILED) {
                    Exception failed = core.failure().get();
                    result = new RunResult(RunState.FAILED, (failed instanceof DispatcherStoppedException ? ""
                            : "the store failed: ") + failed.getMessage(),
                            result.stepsCompleted(), result.lagMillis(), result.cellOffConfirmed());
                }
            }
            SessionStatus status = switch (result.state()) {
                case COMPLETED -> SessionStatus.COMPLETED;
                case ABORTED -> SessionStatus.ABORTED;
                case INTERRUPTED -> SessionStatus.INTERRUPTED;
                default -> SessionStatus.FAILED;
            };
            String reason = result.reason();
            boolean endRecorded = false;
            try {
                // A store just given up on gets one more second for the end: it is marked interrupted otherwise.
                store.limitWaits(gaveUpOnStore ? java.time.Duration.ofSeconds(1) : END_OF_RUN_STORE_WAIT);
                store.finishSession(sessionId, status, reason);
                endRecorded = true;
            } catch (StoreException e) {
                // The store went away with the run (a PostgreSQL server or its network): the cell is already off and
                // what was committed is kept; the outcome still says how the run ended, and the session is marked
                // interrupted by the cut-off check the next time the store is opened.
                log.error("session {} ended ({}) but could not be marked so in {}", sessionId, status.dbName(), database, e);
                reason += "; the store could not record the end (" + e.getMessage() + "): the session stays 'running'"
                        + " there until norrlab next opens it, then is marked interrupted";
            }
            double wall = (System.nanoTime() - wallStart) / 1e9;
            log.info("session {} {}: {}; {} samples acquired, {} committed to the store in {} s", sessionId,
                    status.dbName(), reason, counters.samplesIn(), samplesCommitted,
                    String.format(java.util.Locale.ROOT, "%.3f", wall));
            return new RunOutcome(sessionId, database, status, reason, result, counters, samplesCommitted, samplesInDoubt, endRecorded,
                    wall, instrument.cellOffState());
        } finally {
            instrument.close();
            finished.countDown();
        }
    }

    /** Closes the core; false if its consumers took nothing for {@link #END_OF_RUN_STORE_WAIT} before they finished. */
    private static boolean closeWhileTheStoreTakesRecords(AcquisitionCore core) throws InterruptedException {
        long taken = -1;
        while (true) {
            AcquisitionCore.Counters c = core.counters();
            long now = c.samplesDelivered() + c.recordsDiscardedAfterFailure();
            if (now == taken) {
                return false;
            }
            taken = now;
            if (core.close(END_OF_RUN_STORE_WAIT)) {
                return true;
            }
        }
    }

    private Map<String, String> runOptions() {
        Map<String, String> options = new LinkedHashMap<>();
        bench.ifPresent(name -> options.put("bench", name));
        options.put("instrument_profile", profileName);
        options.put("speed", request.speed().toString());
        request.seed().ifPresent(seed -> options.put("seed", seed.toString()));
        request.preset().ifPresent(preset -> options.put("catalyst_preset", preset));
        request.port().ifPresent(port -> options.put("port", port));
        replayOf.ifPresent(id -> options.put("replay_of", id.toString()));
        resumedFrom.ifPresent(id -> options.put("resumed_from", id.toString()));
        return options;
    }
}
