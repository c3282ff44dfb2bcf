package org.norrlab.store;

import org.norrlab.core.UncompensatedResistance;
import org.norrlab.core.ImpedancePoint;
import org.norrlab.core.Gas;
import org.norrlab.core.StepSettings;
import org.norrlab.core.Sample;
import org.norrlab.core.StepOutcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Writes one imported session step by step, as its files are read, so that an import never holds a file's samples
 * in memory. Made by {@link SessionStore#beginImport}: the session exists in status 'importing' with a heartbeat
 * until {@link #finish} marks it completed; closed before that (the file was refused half way, the store failed),
 * everything written for it is removed, and if the process dies instead the next opening of the store removes it.
 * An import is all or nothing.
 *
 * <p>Samples go in transactions as {@link OtherWriters} says: short ones of {@value SessionStore#IMPORT_ROWS_PER_TRANSACTION}
 * rows, each followed by a pause as long as it held the write lock, while a run or another import writes into the same
 * SQLite file (which then gets the lock at least half the time however large the file, and never waits long for it);
 * long ones (a quarter of a second) without pauses when the import is alone. A step's count and time span are kept
 * here as its samples go in, not read back from them. Calls come from one thread.
 */
public final class ImportWriter implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ImportWriter.class);

    private final SessionStore store;
    private final StoreLocation location;
    private final Connection connection;
    private final long sessionId;
    private final Heartbeat heartbeat;
    private final SampleInserter samples;
    private final PreparedStatement insertStep;
    private final PreparedStatement endStep;
    private final PreparedStatement insertNote;
    private final PreparedStatement insertImpedance;
    private long impedanceSequence;
    private int stepIndex;
    private boolean stepOpen;
    private long sequence;
    private final OtherWriters otherWriters;
    /** Sample rows written since the last commit (flushed to the driver every {@value SessionStore#IMPORT_ROWS_PER_TRANSACTION}). */
    private int rowsInTransaction;
    /** Whether the transaction in progress has written (then it holds the write lock, and reads in it are safe). */
    private boolean writing;
    private double firstTime;
    private double lastTime;
    /** The smallest and largest sample time of the open step: what min(t_s) and max(t_s) of its stored rows are. */
    private double minTime;
    private double maxTime;
    private double statedInterval;
    private double sessionOffset;
    private boolean finished;
    private boolean closed;

    /** A step as the import knows it before its samples: potentials NaN when none was set, interval NaN to take it from the samples. */
    public record Step(String kind, String label, double voltsVsRhe, double voltsVsReference, double intervalSeconds,
                       String source, String block, int cycle, int cycles, int batch, Optional<Gas> gas,
                       StepSettings settings) {
        public Step {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(label, "label");
            Objects.requireNonNull(source, "source");
            block = block == null ? "" : block;
            gas = gas == null ? Optional.empty() : gas;
            settings = settings == null ? StepSettings.NONE : settings;
        }

        /** A step without gas or sweep settings (a CA or OCP step, or a file that states neither). */
        public Step(String kind, String label, double voltsVsRhe, double voltsVsReference, double intervalSeconds,
                    String source, String block, int cycle, int cycles, int batch) {
            this(kind, label, voltsVsRhe, voltsVsReference, intervalSeconds, source, block, cycle, cycles, batch,
                    Optional.empty(), StepSettings.NONE);
        }

        /** A step of a file that states no repeat cycle or electrolyte batch. */
        public Step(String kind, String label, double voltsVsRhe, double voltsVsReference, double intervalSeconds,
                    String source) {
            this(kind, label, voltsVsRhe, voltsVsReference, intervalSeconds, source, "", 0, 0, 0);
        }
    }

    /**
     * A step as the store holds it once committed, with the time span of its stored samples (NaN for none).
     */
    public record EndedStep(StoredStep step, double firstSeconds, double lastSeconds) {
    }

    ImportWriter(SessionStore store, StoreLocation location, Dialect dialect, Connection connection, long sessionId)
            throws StoreException {
        this.store = store;
        this.location = location;
        this.connection = connection;
        this.sessionId = sessionId;
        this.heartbeat = store.heartbeat(sessionId);
        try {
            connection.setAutoCommit(false);
            samples = dialect.sampleInserter(connection);
            insertStep = connection.prepareStatement("INSERT INTO steps (session_id, step_index, kind, label, e_vs_rhe_v,"
                    + " e_vs_re_v, interval_s, planned_duration_s, current_range, source, started_utc, session_offset_s,"
                    + " cycle, cycles, block, batch, gas, settings_json) VALUES (?,?,?,?,?,?,?,0,'',?,?,?,?,?,?,?,?,?)");
            endStep = connection.prepareStatement("UPDATE steps SET interval_s = ?, planned_duration_s = ?, ended_utc = ?,"
                    + " duration_s = ?, sample_count = ?, outcome = ? WHERE session_id = ? AND step_index = ?");
            insertImpedance = connection.prepareStatement(ImpedanceStore.INSERT_POINT);
            insertNote = connection.prepareStatement("INSERT INTO events (session_id, step_index, t_s, wall_utc, kind, message,"
                    + " values_json) VALUES (?,?,0,?,'NOTE',?,'{}')");
        } catch (SQLException e) {
            heartbeat.close();
            throw failure("cannot start writing imported session " + sessionId, e);
        }
        otherWriters = new OtherWriters(connection, sessionId, dialect instanceof SqliteDialect);
    }

    public long sessionId() {
        return sessionId;
    }

    /** Starts the next step (numbered on from 1 across every file of the session). */
    public void beginStep(Step step) throws StoreException {
        requireWriting();
        beginWriting();
        if (stepOpen) {
            throw new IllegalStateException("step " + stepIndex + " of imported session " + sessionId + " is still open");
        }
        stepIndex++;
        try {
            insertStep.setLong(1, sessionId);
            insertStep.setInt(2, stepIndex);
            insertStep.setString(3, step.kind());
            insertStep.setString(4, step.label());
            SessionStore.setNullableDouble(insertStep, 5, step.voltsVsRhe());
            SessionStore.setNullableDouble(insertStep, 6, step.voltsVsReference());
            // The column holds a number; the interval is known at the step's end when the file did not state it.
            insertStep.setDouble(7, Double.isNaN(step.intervalSeconds()) ? 0 : step.intervalSeconds());
            insertStep.setString(8, step.source());
            insertStep.setString(9, Instant.now().toString());
            insertStep.setDouble(10, sessionOffset);
            // As the StoreWriter writes them: NULL where the step is outside a repeat block or its batch is unknown.
            setPositiveOrNull(11, step.cycle() > 0 ? step.cycle() : 0);
            setPositiveOrNull(12, step.cycle() > 0 ? step.cycles() : 0);
            insertStep.setString(13, step.block());
            setPositiveOrNull(14, step.batch());
            insertStep.setString(15, step.gas().map(Gas::written).orElse(null));
            insertStep.setString(16, StepSettingsJson.write(step.settings()));
            insertStep.executeUpdate();
        } catch (SQLException e) {
            throw failure("cannot record step " + stepIndex + " of imported session " + sessionId, e);
        }
        stepOpen = true;
        sequence = 0;
        impedanceSequence = 0;
        firstTime = Double.NaN;
        lastTime = Double.NaN;
        minTime = Double.NaN;
        maxTime = Double.NaN;
        statedInterval = step.intervalSeconds();
    }

    private void setPositiveOrNull(int parameter, int value) throws SQLException {
        if (value > 0) {
            insertStep.setInt(parameter, value);
        } else {
            insertStep.setNull(parameter, Types.INTEGER);
        }
    }

    /** One sample of the open step. */
    public void sample(Sample sample) throws StoreException {
        requireWriting();
        beginWriting();
        if (!stepOpen) {
            throw new IllegalStateException("a sample of imported session " + sessionId + " outside a step");
        }
        try {
            samples.add(sessionId, stepIndex, sequence++, sample);
            rowsInTransaction++;
            if (otherWriters.commitDue(rowsInTransaction)) {
                commit();
            } else if (samples.pending() >= SessionStore.IMPORT_ROWS_PER_TRANSACTION) {
                samples.flush(); // the driver's batch stays small whatever the transaction's size
            }
        } catch (SQLException e) {
            throw failure("cannot store the samples of step " + stepIndex + " of imported session " + sessionId, e);
        }
        double t = sample.timeSeconds();
        if (Double.isNaN(firstTime)) {
            firstTime = t;
            minTime = t;
            maxTime = t;
        }
        lastTime = t;
        minTime = Math.min(minTime, t);
        maxTime = Math.max(maxTime, t);
    }

    /** One impedance point of the open step (an EIS step), numbered from 0 apart from samples. */
    public void impedance(ImpedancePoint point) throws StoreException {
        requireWriting();
        beginWriting();
        if (!stepOpen) {
            throw new IllegalStateException("an impedance point of imported session " + sessionId + " outside a step");
        }
        try {
            ImpedanceStore.bind(insertImpedance, sessionId, stepIndex, impedanceSequence++, point);
            insertImpedance.executeUpdate();
        } catch (SQLException e) {
            throw failure("cannot store the impedance spectrum of step " + stepIndex + " of imported session "
                    + sessionId, e);
        }
        lastTime = Double.isNaN(lastTime) ? point.timeSeconds() : Math.max(lastTime, point.timeSeconds());
    }

    /**
     * Ends the open step: its duration (the last sample's time), its interval (as the file stated it, or
     * (t_last − t_first)/(n − 1) from the samples) and its sample count as the store counts it, all committed.
     *
     * @return the step as stored, read back after its commit
     */
    public EndedStep endStep() throws StoreException {
        double storedFirst;
        double storedLast;
        requireWriting();
        beginWriting();
        if (!stepOpen) {
            throw new IllegalStateException("imported session " + sessionId + " has no open step to end");
        }
        try {
            samples.flush();
            // every sample of the step is in this transaction or a committed one: counted as they went in
            long count = sequence;
            storedFirst = minTime;
            storedLast = maxTime;
            // an EIS step has impedance points and no samples: it lasted until its last point
            double duration = count == 0 && impedanceSequence == 0 ? 0 : lastTime;
            double interval = !Double.isNaN(statedInterval) ? statedInterval
                    : count >= 2 ? (lastTime - firstTime) / (count - 1) : 0;
            endStep.setDouble(1, interval);
            endStep.setDouble(2, duration);
            endStep.setString(3, Instant.now().toString());
            endStep.setDouble(4, duration);
            endStep.setLong(5, count);
            endStep.setString(6, StepOutcome.COMPLETED.dbName());
            endStep.setLong(7, sessionId);
            endStep.setInt(8, stepIndex);
            endStep.executeUpdate();
            commit();
            sessionOffset += duration;
        } catch (SQLException e) {
            throw failure("cannot end step " + stepIndex + " of imported session " + sessionId, e);
        }
        stepOpen = false;
        StoredStep stored = store.steps(sessionId).stream().filter(s -> s.index() == stepIndex).findFirst()
                .orElseThrow(() -> new StoreException("step " + stepIndex + " of imported session " + sessionId
                        + " is not in " + location + " after it was committed"));
        try {
            // Ends the read: an SQLite reader whose snapshot a run's writer has moved past could not start writing.
            connection.commit();
        } catch (SQLException e) {
            throw failure("cannot read back step " + stepIndex + " of imported session " + sessionId, e);
        }
        return new EndedStep(stored, storedFirst, storedLast);
    }

    /**
     * An uncompensated resistance the file records for the session (a norrlab export's R_u history, or the iR
     * compensation a vendor file states), kept under {@code uid} so a sync finds it again; under a new uid where this
     * store has that one already. Returns the uid it was kept under.
     */
    public String resistance(UncompensatedResistance ru, String uid) throws StoreException {
        requireWriting();
        beginWriting();
        ImpedanceStore store = new ImpedanceStore(location, connection);
        // a uid names one row in a store: the same export imported twice gets a new one the second time
        String kept = store.hasResistance(uid) ? ImpedanceStore.newUid() : uid;
        store.recordResistance(sessionId, ru, kept);
        return kept;
    }

    /** Something the operator should know about the session (of step {@code stepIndex}, or 0 for the whole session). */
    public void note(int stepIndexOrZero, String text) throws StoreException {
        requireWriting();
        beginWriting();
        try {
            insertNote.setLong(1, sessionId);
            insertNote.setInt(2, stepIndexOrZero);
            insertNote.setString(3, Instant.now().toString());
            insertNote.setString(4, text);
            insertNote.executeUpdate();
        } catch (SQLException e) {
            throw failure("cannot store a note of imported session " + sessionId, e);
        }
    }

    /**
     * Writes where the session came from, without committing: the transaction that ends the import holds the write
     * lock from here on. Reads that follow in it (the store's calibrations, when assays come along) then cannot be
     * overtaken by a run's writer, which SQLite would answer with SQLITE_BUSY_SNAPSHOT at the next write.
     */
    public void markImported(String importedFrom) throws StoreException {
        requireWriting();
        beginWriting();
        if (stepOpen) {
            throw new IllegalStateException("imported session " + sessionId + " finished inside step " + stepIndex);
        }
        try (PreparedStatement mark = connection.prepareStatement("UPDATE sessions SET imported_from = ? WHERE id = ?")) {
            mark.setString(1, importedFrom);
            mark.setLong(2, sessionId);
            mark.executeUpdate();
        } catch (SQLException e) {
            throw failure("cannot store imported session " + sessionId, e);
        }
    }

    /** Marks the session completed and where it came from: from now on it is a session like any other. */
    public void finish(String importedFrom, String reason) throws StoreException {
        markImported(importedFrom);
        try {
            connection.commit();
        } catch (SQLException e) {
            throw failure("cannot store imported session " + sessionId, e);
        }
        restoreAutoCommit();
        store.finishSession(sessionId, SessionStatus.COMPLETED, reason);
        finished = true;
    }

    /** Stops the heartbeat; an import that did not {@link #finish} is removed with everything written for it. */
    @Override
    public void close() throws StoreException {
        if (closed) {
            return;
        }
        closed = true;
        heartbeat.close();
        try {
            samples.close();
            insertStep.close();
            endStep.close();
            insertNote.close();
        } catch (SQLException e) {
            log.warn("closing the statements of imported session {} in {} failed", sessionId, location, e);
        }
        if (!finished) {
            try {
                connection.rollback();
            } catch (SQLException e) {
                log.warn("rolling back imported session {} in {} failed", sessionId, location, e);
            }
            restoreAutoCommit();
            store.removeFailedImport(sessionId);
        }
    }

    private void commit() throws SQLException, StoreException {
        samples.flush();
        connection.commit();
        writing = false;
        rowsInTransaction = 0;
        try {
            otherWriters.committed();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException("the import into " + location + " was interrupted", e);
        }
    }

    /**
     * Before the first write of a transaction: ends whatever read the connection is in (the store's own reads between
     * steps: the step read back, its spectrum), so that the write starts from a fresh snapshot. Upgrading a read that a
     * run's writer or the heartbeat has committed past would fail with SQLITE_BUSY_SNAPSHOT instead of waiting.
     */
    private void beginWriting() throws StoreException {
        if (writing) {
            return;
        }
        try {
            connection.commit();
        } catch (SQLException e) {
            throw failure("cannot start writing imported session " + sessionId, e);
        }
        writing = true;
    }

    private void requireWriting() {
        if (closed || finished) {
            throw new IllegalStateException("imported session " + sessionId + " is " + (finished ? "finished" : "closed"));
        }
    }

    private StoreException failure(String what, SQLException e) {
        return new StoreException(what + " in " + location + ": " + e.getMessage(), e);
    }

    private void restoreAutoCommit() {
        try {
            connection.setAutoCommit(true);
        } catch (SQLException e) {
            log.error("cannot restore autocommit on {}", location, e);
        }
    }
}
