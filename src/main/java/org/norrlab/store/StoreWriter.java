package org.norrlab.store;

import org.norrlab.acquisition.AcquisitionRecord;
import org.norrlab.acquisition.RecordConsumer;
import org.norrlab.plan.PlannedStep;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * Appends one session's records in the order they happened and commits once per batch of the
 * acquisition core. Batches are drained at least several times a second while samples flow, so a
 * crash loses at most the batch in flight (well under a second of data).
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
    private final PreparedStatement insertWire;
    private final java.util.Optional<org.norrlab.transport.WireLog> wire;
    private final PreparedStatement heartbeat;
    private final PreparedStatement insertTally;
    private final java.util.Map<Integer, org.norrlab.analysis.StepTally> tallies = new java.util.HashMap<>();
    private long lastHeartbeatNanos;
    private long wireSeq;
    private long samplesStored;
    private volatile long samplesCommitted;

    StoreWriter(StoreLocation location, Dialect dialect, Connection connection, long sessionId,
                java.util.Optional<org.norrlab.transport.WireLog> wire) throws StoreException {
        this.location = location;
        this.dialect = dialect;
        this.connection = connection;
        this.sessionId = sessionId;
        this.wire = wire;
        try {
            connection.setAutoCommit(false);
            samples = dialect.sampleInserter(connection);
            insertStep = connection.prepareStatement("INSERT INTO steps (session_id, step_index, kind, label, e_vs_rhe_v,"
                    + " e_vs_re_v, interval_s, planned_duration_s, current_range, source, started_utc, session_offset_s)"
                    + " VALUES (?,?,?,?,?,?,?,?,?,?,?,?)");
            endStep = connection.prepareStatement("UPDATE steps SET ended_utc = ?, duration_s = ?, sample_count = ?,"
                    + " outcome = ?, lag_ms = ? WHERE session_id = ? AND step_index = ?");
            insertEvent = connection.prepareStatement("INSERT INTO events (session_id, step_index, t_s, wall_utc, kind,"
                    + " message, values_json) VALUES (?,?,?,?,?,?,?)");
            heartbeat = connection.prepareStatement("UPDATE sessions SET heartbeat_utc = ? WHERE id = ?");
            insertTally = connection.prepareStatement("INSERT INTO step_tallies (session_id, step_index, samples,"
                    + " current_samples, coulombs, sum_amperes, last_current_t_s, last_current_a, sum_volts, last_t_s,"
                    + " max_interval_s, monotonic) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)"
                    // A resumed step ends twice: the later tally is the one that counts (upsert, the same on both databases).
                    + " ON CONFLICT (session_id, step_index) DO UPDATE SET samples = excluded.samples,"
                    + " current_samples = excluded.current_samples, coulombs = excluded.coulombs,"
                    + " sum_amperes = excluded.sum_amperes, last_current_t_s = excluded.last_current_t_s,"
                    + " last_current_a = excluded.last_current_a, sum_volts = excluded.sum_volts,"
                    + " last_t_s = excluded.last_t_s, max_interval_s = excluded.max_interval_s,"
                    + " monotonic = excluded.monotonic");
            insertWire = connection.prepareStatement(
                    "INSERT INTO wire (session_id, seq, t_s, direction, bytes) VALUES (?,?,?,?,?)");
        } catch (SQLException e) {
            throw new StoreException("cannot prepare to write session " + sessionId + " into " + location + ": "
                    + e.getMessage(), e);
        }
    }

    @Override
    public void accept(AcquisitionRecord record, boolean endOfBatch) throws SQLException {
        if (record instanceof AcquisitionRecord.SampleTaken taken) {
            addSample(taken);
        } else {
            // Steps and events are rare: write the samples before them so that rows keep the order of the run.
            flushSamples();
            if (record instanceof AcquisitionRecord.StepStarted started) {
                writeStepStart(started);
            } else if (record instanceof AcquisitionRecord.EventSeen seen) {
                writeEvent(seen);
            } else if (record instanceof AcquisitionRecord.StepEnded ended) {
                writeStepEnd(ended);
            }
        }
        if (endOfBatch) {
            flushSamples();
            flushWire();
            beat();
            connection.commit();
            samplesCommitted = samplesStored;
        }
    }

    /**
     * A sign of life at most every 5 s, so that a session cut off by a crash can be told from one that runs;
     * by the store's clock, which the cut-off check reads too.
     */
    private void beat() throws SQLException {
        long now = System.nanoTime();
        if (lastHeartbeatNanos == 0 || now - lastHeartbeatNanos > 5_000_000_000L) {
            lastHeartbeatNanos = now;
            heartbeat.setString(1, dialect.now(connection).toString());
            heartbeat.setLong(2, sessionId);
            heartbeat.executeUpdate();
        }
    }

    private void flushWire() throws SQLException {
        if (wire.isEmpty()) {
            return;
        }
        var chunks = wire.get().drain();
        for (var chunk : chunks) {
            insertWire.setLong(1, sessionId);
            insertWire.setLong(2, wireSeq++);
            insertWire.setDouble(3, chunk.timeSeconds());
            insertWire.setString(4, chunk.direction().name().toLowerCase(java.util.Locale.ROOT));
            insertWire.setBytes(5, chunk.bytes());
            insertWire.addBatch();
        }
        if (!chunks.isEmpty()) {
            insertWire.executeBatch();
        }
    }

    private void addSample(AcquisitionRecord.SampleTaken taken) throws SQLException {
        samples.add(sessionId, taken.stepIndex(), taken.sequence(), taken.sample());
        tallies.computeIfAbsent(taken.stepIndex(), i -> new org.norrlab.analysis.StepTally()).add(taken.sample());
    }

    private void flushSamples() throws SQLException {
        int pending = samples.pending();
        if (pending > 0) {
            samples.flush();
            samplesStored += pending;
        }
    }

    private void writeStepStart(AcquisitionRecord.StepStarted started) throws SQLException {
        PlannedStep step = started.step();
        double vsRhe = Double.NaN;
        double vsRe = Double.NaN;
        String range = "";
        if (step instanceof PlannedStep.Chronoamperometry ca) {
            vsRhe = ca.voltsVsRhe();
            vsRe = ca.voltsVsReference();
            range = ca.currentRange().toString();
        }
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
        insertStep.executeUpdate();
    }

    /** The step's tally goes in with its last samples, in the same transaction. */
    private void writeTally(int stepIndex) throws SQLException {
        org.norrlab.analysis.StepTally tally = tallies.remove(stepIndex);
        if (tally == null) {
            return;
        }
        var t = tally.state();
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
        insertTally.executeUpdate();
    }

    private void writeStepEnd(AcquisitionRecord.StepEnded ended) throws SQLException {
        writeTally(ended.stepIndex());
        endStep.setString(1, ended.wallTime().toString());
        endStep.setDouble(2, ended.durationSeconds());
        endStep.setLong(3, ended.samples());
        endStep.setString(4, ended.outcome());
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
    }

    public long samplesStored() {
        return samplesStored;
    }

    /** Samples in transactions whose commit the store confirmed: what a crash of this process cannot take away. */
    public long samplesCommitted() {
        return samplesCommitted;
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
    public void finish() throws SQLException {
        flushSamples();
        flushWire();
        connection.commit();
        samplesCommitted = samplesStored;
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
