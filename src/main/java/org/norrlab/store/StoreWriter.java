package org.norrlab.store;

import org.norrlab.acquisition.AcquisitionRecord;
import org.norrlab.acquisition.RecordConsumer;
import org.norrlab.analysis.StepTally;
import org.norrlab.core.Gas;
import org.norrlab.core.EventKind;
import org.norrlab.plan.PlannedStep;
import org.norrlab.transport.WireLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * Appends one session's records in the order they happened and commits once per batch of the
 * acquisition core. Batches are drained at least several times a second while samples flow, so a
 * crash loses at most the batch in flight (well under a second of data). A batch's records are kept
 * until its transaction commits: when another connection holds an SQLite file's write lock longer than
 * the busy timeout (an import, a sync, a tool), the transaction is rolled back and written again after
 * a pause, for as long as it takes; the run's data never give way to anyone else's.
 */
public final class StoreWriter implements RecordConsumer, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(StoreWriter.class);

    private final StoreLocation location;
    private final Dialect dialect;
    private final Connection connection;
    private final long sessionId;
    private final SampleInserter samples;
    private final PreparedStatement insertStep;
    private final PreparedStatement endStep;
    private final PreparedStatement insertEvent;
    private final PreparedStatement insertAliquot;
    private final PreparedStatement insertWire;
    private final PreparedStatement insertImpedance;
    private final java.util.Optional<WireLog> wire;
    private final PreparedStatement lastSample;
    private final PreparedStatement insertTally;
    private final java.util.Map<Integer, StepTally> tallies = new java.util.HashMap<>();
    /** The records of the transaction in progress, kept to write it again after SQLITE_BUSY. */
    private final java.util.List<AcquisitionRecord> batch = new java.util.ArrayList<>();
    /** The tallies of the steps that end in the transaction in progress. */
    private final java.util.Map<Integer, StepTally.State> endingTallies = new java.util.HashMap<>();
    private final java.util.List<WireLog.Chunk> pendingWire = new java.util.ArrayList<>();
    /** When the writer last received a sample: the clock as the batch holding it ended. */
    private java.time.Instant lastSampleReceived;
    private boolean sampleSinceBatch;
    private long wireSeq;
    private long samplesStored;
    private volatile long samplesCommitted;
    /** Samples of the transaction being written or committed; its commit may reach a server that stops answering. */
    private volatile long samplesInFlight;
    /** Samples of a commit that failed in a way that leaves its outcome unknown (the server went away mid-commit). */
    private volatile long samplesInDoubt;

    @Override
    public String name() {
        return "writing to the session store " + location.describe();
    }

    StoreWriter(StoreLocation location, Dialect dialect, Connection connection, long sessionId,
                java.util.Optional<WireLog> wire) throws StoreException {
        this.location = location;
        this.dialect = dialect;
        this.connection = connection;
        this.sessionId = sessionId;
        this.wire = wire;
        try {
            connection.setAutoCommit(false);
            samples = dialect.sampleInserter(connection);
            insertStep = connection.prepareStatement("INSERT INTO steps (session_id, step_index, kind, label, e_vs_rhe_v,"
                    + " e_vs_re_v, interval_s, planned_duration_s, current_range, source, started_utc, session_offset_s,"
                    + " cycle, cycles, block, batch, gas, settings_json) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
            insertAliquot = connection.prepareStatement("INSERT INTO aliquots (session_id, after_step, volume_ml, replaced,"
                    + " taken_by, created_utc, note) VALUES (?,?,?,?,?,?,?)");
            endStep = connection.prepareStatement("UPDATE steps SET ended_utc = ?, duration_s = ?, sample_count = ?,"
                    + " outcome = ?, lag_ms = ? WHERE session_id = ? AND step_index = ?");
            insertEvent = connection.prepareStatement("INSERT INTO events (session_id, step_index, t_s, wall_utc, kind,"
                    + " message, values_json) VALUES (?,?,?,?,?,?,?)");
            lastSample = connection.prepareStatement("UPDATE sessions SET last_sample_utc = ? WHERE id = ?");
            insertTally = connection.prepareStatement("INSERT INTO step_tallies (session_id, step_index, samples,"
                    + " current_samples, coulombs, sum_amperes, last_current_t_s, last_current_a, sum_volts, last_t_s,"
                    + " max_interval_s, monotonic, usable_samples, usable_sum_volts, usable_sum_amperes)"
                    + " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)"
                    // A resumed step ends twice: the later tally is the one that counts (upsert, the same on both databases).
                    + " ON CONFLICT (session_id, step_index) DO UPDATE SET samples = excluded.samples,"
                    + " current_samples = excluded.current_samples, coulombs = excluded.coulombs,"
                    + " sum_amperes = excluded.sum_amperes, last_current_t_s = excluded.last_current_t_s,"
                    + " last_current_a = excluded.last_current_a, sum_volts = excluded.sum_volts,"
                    + " last_t_s = excluded.last_t_s, max_interval_s = excluded.max_interval_s,"
                    + " monotonic = excluded.monotonic, usable_samples = excluded.usable_samples,"
                    + " usable_sum_volts = excluded.usable_sum_volts, usable_sum_amperes = excluded.usable_sum_amperes");
            insertWire = connection.prepareStatement(
                    "INSERT INTO wire (session_id, seq, t_s, direction, bytes) VALUES (?,?,?,?,?)");
            insertImpedance = connection.prepareStatement(ImpedanceStore.INSERT_POINT);
        } catch (SQLException e) {
            throw new StoreException("cannot prepare to write session " + sessionId + " into " + location + ": "
                    + e.getMessage(), e);
        }
    }

    /** Tallies are counted once, as records arrive; the rows go in when the batch ends. */
    @Override
    public void accept(AcquisitionRecord record, boolean endOfBatch) throws SQLException, InterruptedException {
        batch.add(record);
        record.accept(tally);
        if (endOfBatch) {
            if (sampleSinceBatch) {
                // read once per batch, not per sample (it showed in a replay's profile): a batch is tallied in a blink
                lastSampleReceived = java.time.Instant.now();
                sampleSinceBatch = false;
            }
            commitBatch();
        }
    }

    /** Writes and commits the batch; on SQLITE_BUSY rolls back, waits (10 ms doubling to 1 s) and writes it again. */
    private void commitBatch() throws SQLException, InterruptedException {
        wire.ifPresent(w -> pendingWire.addAll(w.drain()));
        long waitMillis = 10;
        long busySince = 0;
        long lastWarning = 0;
        samplesInFlight = batch.stream().filter(AcquisitionRecord.SampleTaken.class::isInstance).count();
        while (true) {
            boolean committing = false;
            try {
                long samplesInBatch = writeBatch();
                committing = true;
                connection.commit();
                samplesStored += samplesInBatch;
                samplesCommitted = samplesStored;
                samplesInFlight = 0;
                wireSeq += pendingWire.size();
                if (busySince != 0) {
                    log.info("session {}: {} let go of its write lock; the waiting records are stored ({} s later)", sessionId,
                            location, (System.nanoTime() - busySince) / 1_000_000_000L);
                }
                break;
            } catch (SQLException e) {
                if (committing && dialect.commitMayHaveLanded(e)) {
                    // The COMMIT was sent and no answer came back: the server may have made it durable before it went.
                    samplesInDoubt = samplesInFlight;
                    log.error("session {}: the commit of {} samples to {} got no answer; they may or may not be stored",
                            sessionId, samplesInFlight, location, e);
                }
                discardTransaction(e);
                if (!dialect.isBusy(e)) {
                    throw e;
                }
                long now = System.nanoTime();
                if (busySince == 0) {
                    busySince = now;
                }
                if (now - lastWarning > 10_000_000_000L) {
                    lastWarning = now;
                    log.warn("session {}: {} is locked by another connection (an import, a sync or another program);"
                            + " {} records wait and are written as soon as it lets go ({})", sessionId, location,
                            batch.size(), e.getMessage());
                }
                Thread.sleep(waitMillis);
                waitMillis = Math.min(waitMillis * 2, 1000);
            }
        }
        batch.clear();
        endingTallies.clear();
        pendingWire.clear();
    }

    /** Counts each step's samples as records arrive; the tally of an ended step waits for its batch. */
    private final AcquisitionRecord.Visitor<RuntimeException> tally = new AcquisitionRecord.Visitor<>() {
        @Override
        public void sampleTaken(AcquisitionRecord.SampleTaken taken) {
            tallies.computeIfAbsent(taken.stepIndex(), i -> new StepTally()).add(taken.sample());
            sampleSinceBatch = true;
        }

        @Override
        public void stepEnded(AcquisitionRecord.StepEnded ended) {
            StepTally ending = tallies.remove(ended.stepIndex());
            // a step with a sample that lacks its potential (an imported one replayed) goes without a stored tally
            // (null: none, and none left from an earlier end of a resumed step): it is tallied from its samples when
            // read, as a step cut off by a crash is
            if (ending != null) {
                endingTallies.put(ended.stepIndex(), ending.storable() ? ending.state() : null);
            }
        }

        @Override
        public void impedanceMeasured(AcquisitionRecord.ImpedanceMeasured measured) {
            // impedance points are not samples: the step's sample tally does not count them
        }

        @Override
        public void stepStarted(AcquisitionRecord.StepStarted started) {
            // the tally starts with the step's first sample
        }

        @Override
        public void eventSeen(AcquisitionRecord.EventSeen seen) {
            // events are not counted
        }
    };

    /** Writes one record's rows; samples go in batches, and are flushed before the rare others to keep the run's order. */
    private final class RowWriter implements AcquisitionRecord.Visitor<SQLException> {
        long samplesWritten;

        @Override
        public void sampleTaken(AcquisitionRecord.SampleTaken taken) throws SQLException {
            samples.add(sessionId, taken.stepIndex(), taken.sequence(), taken.sample());
            samplesWritten++;
        }

        /** Points come seconds apart, a few dozen per step: each is written as it comes, in the run's order. */
        @Override
        public void impedanceMeasured(AcquisitionRecord.ImpedanceMeasured measured) throws SQLException {
            samples.flush();
            ImpedanceStore.bind(insertImpedance, sessionId, measured.stepIndex(), measured.sequence(), measured.point());
            insertImpedance.executeUpdate();
        }

        @Override
        public void stepStarted(AcquisitionRecord.StepStarted started) throws SQLException {
            samples.flush();
            writeStepStart(started);
        }

        @Override
        public void eventSeen(AcquisitionRecord.EventSeen seen) throws SQLException {
            samples.flush();
            writeEvent(seen);
        }

        @Override
        public void stepEnded(AcquisitionRecord.StepEnded ended) throws SQLException {
            samples.flush();
            writeStepEnd(ended);
        }
    }

    /** Every row of the batch in the order of the run; returns the number of samples. */
    private long writeBatch() throws SQLException {
        RowWriter rows = new RowWriter();
        for (AcquisitionRecord record : batch) {
            record.accept(rows);
        }
        long samplesInBatch = rows.samplesWritten;
        samples.flush();
        writeWire();
        if (samplesInBatch > 0) {
            lastSample.setString(1, lastSampleReceived.toString());
            lastSample.setLong(2, sessionId);
            lastSample.executeUpdate();
        }
        return samplesInBatch;
    }

    private void discardTransaction(SQLException cause) {
        samples.discard();
        try {
            insertWire.clearBatch();
            connection.rollback();
        } catch (SQLException rollback) {
            cause.addSuppressed(rollback);
        }
    }

    private void writeWire() throws SQLException {
        long seq = wireSeq;
        for (var chunk : pendingWire) {
            insertWire.setLong(1, sessionId);
            insertWire.setLong(2, seq++);
            insertWire.setDouble(3, chunk.timeSeconds());
            insertWire.setString(4, chunk.direction().name().toLowerCase(java.util.Locale.ROOT));
            insertWire.setBytes(5, chunk.bytes());
            insertWire.addBatch();
        }
        if (!pendingWire.isEmpty()) {
            insertWire.executeBatch();
        }
    }

    private void writeStepStart(AcquisitionRecord.StepStarted started) throws SQLException {
        PlannedStep step = started.step();
        double vsRhe = step.startVoltsVsRhe();
        double vsRe = step.startVoltsVsReference();
        String range = step.currentRangeChoice().map(Object::toString).orElse("");
        insertStep.setLong(1, sessionId);
        insertStep.setInt(2, step.index());
        insertStep.setString(3, step.kind());
        insertStep.setString(4, step.label());
        SessionStore.setNullableDouble(insertStep, 5, vsRhe);
        SessionStore.setNullableDouble(insertStep, 6, vsRe);
        insertStep.setDouble(7, step.interval().toNanos() / 1e9);
        insertStep.setDouble(8, step.duration().toNanos() / 1e9);
        insertStep.setString(9, range);
        insertStep.setString(10, step.source().file().getFileName() + ":" + step.source().line());
        insertStep.setString(11, started.wallTime().toString());
        insertStep.setDouble(12, started.sessionOffsetSeconds());
        var context = step.context();
        if (context.inRepeat()) {
            insertStep.setInt(13, context.cycle());
            insertStep.setInt(14, context.cycles());
        } else {
            insertStep.setNull(13, java.sql.Types.INTEGER);
            insertStep.setNull(14, java.sql.Types.INTEGER);
        }
        insertStep.setString(15, context.block());
        if (context.batch() > 0) {
            insertStep.setInt(16, context.batch());
        } else {
            insertStep.setNull(16, java.sql.Types.INTEGER);
        }
        insertStep.setString(17, context.gas().map(Gas::written).orElse(null));
        insertStep.setString(18, StepSettingsJson.write(step.settings()));
        insertStep.executeUpdate();
    }

    /** The step's tally goes in with its last samples, in the same transaction. */
    private void writeTally(int stepIndex) throws SQLException {
        if (!endingTallies.containsKey(stepIndex)) {
            return;
        }
        var t = endingTallies.get(stepIndex);
        if (t == null) {
            try (PreparedStatement none = connection.prepareStatement(
                    "DELETE FROM step_tallies WHERE session_id = ? AND step_index = ?")) {
                none.setLong(1, sessionId);
                none.setInt(2, stepIndex);
                none.executeUpdate();
            }
            return;
        }
        insertTally.setLong(1, sessionId);
        insertTally.setInt(2, stepIndex);
        insertTally.setLong(3, t.samples());
        insertTally.setLong(4, t.currentSamples());
        insertTally.setDouble(5, t.coulombs());
        insertTally.setDouble(6, t.sumAmperes());
        insertTally.setDouble(7, t.lastCurrentTime());
        SessionStore.setNullableDouble(insertTally, 8, t.lastCurrent());
        insertTally.setDouble(9, t.sumVolts());
        insertTally.setDouble(10, t.lastTime());
        insertTally.setDouble(11, t.maxInterval());
        insertTally.setInt(12, t.monotonic() ? 1 : 0);
        // a tally made by this writer always has its sums; NULL only if it went on from one stored without them
        if (t.usable().isPresent()) {
            insertTally.setLong(13, t.usable().get().samples());
            insertTally.setDouble(14, t.usable().get().sumVolts());
            insertTally.setDouble(15, t.usable().get().sumAmperes());
        } else {
            insertTally.setNull(13, java.sql.Types.BIGINT);
            insertTally.setNull(14, java.sql.Types.DOUBLE);
            insertTally.setNull(15, java.sql.Types.DOUBLE);
        }
        insertTally.executeUpdate();
    }

    private void writeStepEnd(AcquisitionRecord.StepEnded ended) throws SQLException {
        writeTally(ended.stepIndex());
        endStep.setString(1, ended.wallTime().toString());
        endStep.setDouble(2, ended.durationSeconds());
        endStep.setLong(3, ended.samples());
        endStep.setString(4, ended.outcome().dbName());
        SessionStore.setNullableDouble(endStep, 5, ended.lagMillis());
        endStep.setLong(6, sessionId);
        endStep.setInt(7, ended.stepIndex());
        endStep.executeUpdate();
    }

    private void writeEvent(AcquisitionRecord.EventSeen seen) throws SQLException {
        insertEvent.setLong(1, sessionId);
        insertEvent.setInt(2, seen.stepIndex());
        insertEvent.setDouble(3, seen.event().timeSeconds());
        insertEvent.setString(4, seen.wallTime().toString());
        insertEvent.setString(5, seen.event().kind().name());
        insertEvent.setString(6, seen.event().message());
        insertEvent.setString(7, Json.write(seen.event().values()));
        insertEvent.executeUpdate();
        if (seen.event().kind() == EventKind.ALIQUOT) {
            StoredAliquot.bind(insertAliquot, sessionId, StoredAliquot.ofEvent(seen.event(), seen.wallTime()));
            insertAliquot.executeUpdate();
        }
    }

    public long samplesStored() {
        return samplesStored;
    }

    /** Samples in transactions whose commit the store confirmed: what a crash of this process cannot take away. */
    public long samplesCommitted() {
        return samplesCommitted;
    }

    /**
     * Samples whose commit failed without saying whether it took effect (the connection broke after the COMMIT was
     * sent), or, after the store was given up, those of the commit still waiting: neither confirmed nor known lost.
     */
    public long samplesInDoubt(boolean givenUp) {
        return givenUp ? samplesInFlight : samplesInDoubt;
    }

    /**
     * Gives up on a store that does not answer: a call of the dispatcher that waits for it fails at once. Returns
     * false where that cannot be done (SQLite, a local file, whose waits end by themselves).
     */
    public boolean abandon() {
        try {
            return dialect.abandon(connection);
        } catch (SQLException e) {
            log.error("cannot give up the connection of the writer of session {} to {}", sessionId, location, e);
            return false;
        }
    }

    @Override
    public void finish() throws SQLException, InterruptedException {
        commitBatch();
    }

    @Override
    public void close() {
        try {
            samples.close();
            connection.close();
        } catch (SQLException e) {
            log.error("closing the writer of session {} in {} failed", sessionId, location, e);
        }
    }
}
