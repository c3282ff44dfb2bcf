package org.norrlab.store;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteConfig;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.LongConsumer;

/**
 * The store's bulk copy of a bench's SQLite file into another store (the lab's PostgreSQL, built by the
 * same migrations): the rows of one session in one transaction, found by its uid, and the calibrations,
 * assays and control links the lab does not have yet. {@code norrlab sync} decides what to copy and
 * says what happened; the SQL is here, with the one list of the copied columns. A failure is a
 * {@link StoreException} carrying the database's own message; the transaction in flight is rolled back.
 * The bench's file is opened read-only.
 */
public final class LabCopy implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(LabCopy.class);
    /** Samples per COPY chunk sent to the server. */
    public static final int COPY_CHUNK_ROWS = 20_000;
    static final List<String> SESSION_COLUMNS = List.of("created_utc", "started_utc", "ended_utc", "status", "status_reason",
            "protocol_name", "protocol_file", "protocol_text", "cell_json", "instrument_json", "run_options_json",
            "software_version", "instrument_settings_json", "heartbeat_utc", "imported_from", "last_sample_utc", "electrolyte",
            "sample_name", "operator_name", "notes");
    static final List<String> STEP_COLUMNS = List.of("step_index", "kind", "label", "e_vs_rhe_v", "e_vs_re_v", "interval_s",
            "planned_duration_s", "current_range", "source", "started_utc", "session_offset_s", "ended_utc", "duration_s",
            "sample_count", "outcome", "lag_ms", "cycle", "cycles", "block", "batch", "gas", "settings_json");
    static final List<String> ALIQUOT_COLUMNS = List.of("after_step", "volume_ml", "replaced", "taken_by", "created_utc",
            "note");
    static final List<String> EVENT_COLUMNS = List.of("step_index", "t_s", "wall_utc", "kind", "message", "values_json");
    static final List<String> TALLY_COLUMNS = List.of("step_index", "samples", "current_samples", "coulombs", "sum_amperes",
            "last_current_t_s", "last_current_a", "sum_volts", "last_t_s", "max_interval_s", "monotonic", "usable_samples",
            "usable_sum_volts", "usable_sum_amperes");
    static final List<String> WIRE_COLUMNS = List.of("seq", "t_s", "direction", "bytes");
    /** Schema 14: a session's impedance spectra, copied with its other rows (replaced with them when it changed). */
    static final List<String> IMPEDANCE_COLUMNS = List.of("step_index", "seq", "t_s", "frequency_hz", "z_real_ohm",
            "z_imag_ohm", "modulus_ohm", "phase_deg", "dc_e_v", "dc_i_a", "range_a", "flags");
    /** Schema 17: what became of the session's alerts on each channel, copied (and replaced) with its other rows. */
    static final List<String> ALERT_DELIVERY_COLUMNS = List.of("channel", "kind", "event_utc", "outcome", "attempts",
            "reason", "settled_utc");
    /** The tables that hold a session's rows, children first. */
    private static final List<String> SESSION_TABLES = List.of("samples", "impedance", "wire", "step_tallies", "events",
            "aliquots", "alert_deliveries", "steps");

    static final List<String> CALIBRATION_COLUMNS = List.of("created_utc", "operator", "note", "product", "method",
            "wavelength_nm", "unit", "source_file", "standards_json", "blanks_json", "accepted_poor_fit");
    /** Besides session_id and calibration_id, which are looked up in the lab. */
    static final List<String> ASSAY_COLUMNS = List.of("step_index", "product", "created_utc", "operator", "note", "kind",
            "value", "value_sd", "unit", "dilution", "dilution_rel_sd", "volume_ml", "volume_sd_ml", "gas_flow_ml_min",
            "gas_minutes", "place");
    /** Besides session_id, which is looked up in the lab; the assays they name are named by uid, the same everywhere. */
    static final List<String> CORRECTION_COLUMNS = List.of("assay_uid", "replacement_uid", "field", "old_value", "new_value",
            "reason", "operator", "created_utc");
    /** Besides session_id and control_session_id, which are looked up in the lab. */
    static final List<String> CONTROL_COLUMNS = List.of("step_index", "control_step_index", "created_utc", "note");
    /**
     * Schema 14, besides session_id (looked up in the lab) and uid: a session's R_u history, recorded after the run as
     * assays are, so copied by uid on every sync, in the bench's order (the lab's newest row stays the one in force).
     */
    static final List<String> RESISTANCE_COLUMNS = List.of("ru_ohm", "stderr_ohm", "method", "spectrum_step",
            "compensated_fraction", "note", "created_utc");

    /** Calibrations, assays, control links, corrections and rows of R_u histories copied. */
    public record Inputs(int calibrations, int assays, int controls, int corrections, int resistances) {
        public Inputs(int calibrations, int assays, int controls) {
            this(calibrations, assays, controls, 0, 0);
        }
    }

    private final Connection bench;
    private Connection lab;

    private LabCopy(Connection bench) {
        this.bench = bench;
    }

    /** Opens the bench's file read-only; a bench may be committing samples into it right now. */
    public static LabCopy fromBench(Path benchDatabase) throws StoreException {
        SQLiteConfig readOnly = new SQLiteConfig();
        readOnly.setReadOnly(true);
        readOnly.setBusyTimeout(5000);
        try {
            return new LabCopy(readOnly.createConnection("jdbc:sqlite:" + benchDatabase));
        } catch (SQLException e) {
            throw new StoreException(e.getMessage(), e);
        }
    }

    /** Builds or migrates the lab's schema, as for any store, and connects to it. */
    public void connectLab(StoreLocation labStore) throws StoreException {
        SessionStore.open(labStore).close();
        lab = SessionStore.connect(labStore);
    }

    /** The bench's sessions, oldest first, with their sample counts. */
    public List<LocalSession> localSessions() throws StoreException {
        try {
            return localSessions(bench);
        } catch (SQLException e) {
            throw new StoreException(e.getMessage(), e);
        }
    }

    /** The lab's copy of the session with this uid, if it has one. */
    public Optional<RemoteSession> remote(String uid) throws StoreException {
        try {
            return remote(lab, uid);
        } catch (SQLException e) {
            throw new StoreException(e.getMessage(), e);
        }
    }

    /**
     * Copies one session whole in one transaction (replacing an older copy under the same lab id);
     * {@code samplesSent} hears the samples sent so far after each COPY chunk.
     */
    public void copySession(LocalSession s, String origin, LongConsumer samplesSent) throws StoreException {
        try {
            copySession(bench, lab, s, origin, samplesSent);
        } catch (SQLException e) {
            rollbackQuietly(lab);
            throw new StoreException(e.getMessage(), e);
        }
    }

    /**
     * The calibrations, assays and control links the lab does not have yet, in one transaction (see
     * {@link #copyAnalysisInputs(Connection, Connection)}).
     */
    public Inputs copyAnalysisInputs() throws StoreException {
        try {
            return copyAnalysisInputs(bench, lab);
        } catch (SQLException e) {
            rollbackQuietly(lab);
            throw new StoreException(e.getMessage(), e);
        }
    }

    @Override
    public void close() throws StoreException {
        try (Connection b = bench; Connection l = lab) {
            // both closed, the lab first
        } catch (SQLException e) {
            throw new StoreException(e.getMessage(), e);
        }
    }

    /**
     * The bench's calibrations, and the assays and control links of its sessions that the lab has, which the
     * lab does not have yet (found by uid: they are only ever added, never changed), in one transaction. They
     * are checked on every sync, since an operator enters assays after the session has been copied. A link to a
     * control session the lab does not have yet waits for the sync that copies it.
     */
    private static Inputs copyAnalysisInputs(Connection bench, Connection lab) throws SQLException {
        lab.setAutoCommit(false);
        Map<String, Long> labSessions = uids(lab, "sessions");
        Map<Long, Long> sessions = new HashMap<>();
        try (Statement st = bench.createStatement(); ResultSet rs = st.executeQuery("SELECT id, uid FROM sessions")) {
            while (rs.next()) {
                Long labId = labSessions.get(rs.getString(2));
                if (labId != null) {
                    sessions.put(rs.getLong(1), labId);
                }
            }
        }
        Map<String, Long> labCalibrations = uids(lab, "calibrations");
        Map<Long, Long> calibrations = new HashMap<>();
        int calibrationsCopied = 0;
        try (Statement st = bench.createStatement();
             ResultSet rs = st.executeQuery("SELECT id, uid, " + String.join(", ", CALIBRATION_COLUMNS) + " FROM calibrations");
             PreparedStatement write = lab.prepareStatement(insert("calibrations", CALIBRATION_COLUMNS, "uid")
                     + " RETURNING id")) {
            while (rs.next()) {
                Long labId = labCalibrations.get(rs.getString(2));
                if (labId == null) {
                    copyColumns(rs, write, CALIBRATION_COLUMNS.size(), rs.getString(2));
                    try (ResultSet id = write.executeQuery()) {
                        id.next();
                        labId = id.getLong(1);
                    }
                    calibrationsCopied++;
                }
                calibrations.put(rs.getLong(1), labId);
            }
        }
        Set<String> labAssays = uids(lab, "assays").keySet();
        int assaysCopied = 0;
        try (Statement st = bench.createStatement();
             ResultSet rs = st.executeQuery("SELECT session_id, calibration_id, uid, " + String.join(", ", ASSAY_COLUMNS)
                     + " FROM assays ORDER BY id");
             PreparedStatement write = lab.prepareStatement(insert("assays", ASSAY_COLUMNS, "uid, session_id, calibration_id"))) {
            while (rs.next()) {
                Long session = sessions.get(rs.getLong(1));
                if (session == null || labAssays.contains(rs.getString(3))) {
                    continue;
                }
                copyColumns(rs, write, ASSAY_COLUMNS.size(), rs.getString(3));
                write.setLong(ASSAY_COLUMNS.size() + 2, session);
                long calibration = rs.getLong(2);
                write.setObject(ASSAY_COLUMNS.size() + 3, rs.wasNull() ? null : calibrations.get(calibration),
                        Types.BIGINT);
                write.executeUpdate();
                assaysCopied++;
            }
        }
        Set<String> labControls = uids(lab, "controls").keySet();
        int controlsCopied = 0;
        try (Statement st = bench.createStatement();
             ResultSet rs = st.executeQuery("SELECT session_id, control_session_id, uid, " + String.join(", ", CONTROL_COLUMNS)
                     + " FROM controls ORDER BY id");
             PreparedStatement write = lab.prepareStatement(insert("controls", CONTROL_COLUMNS,
                     "uid, session_id, control_session_id"))) {
            while (rs.next()) {
                Long session = sessions.get(rs.getLong(1));
                Long control = sessions.get(rs.getLong(2));
                if (session == null || control == null || labControls.contains(rs.getString(3))) {
                    continue;
                }
                copyColumns(rs, write, CONTROL_COLUMNS.size(), rs.getString(3));
                write.setLong(CONTROL_COLUMNS.size() + 2, session);
                write.setLong(CONTROL_COLUMNS.size() + 3, control);
                write.executeUpdate();
                controlsCopied++;
            }
        }
        int correctionsCopied = copyCorrections(bench, lab, sessions);
        int resistancesCopied = copyResistances(bench, lab, sessions);
        lab.commit();
        lab.setAutoCommit(true);
        return new Inputs(calibrationsCopied, assaysCopied, controlsCopied, correctionsCopied, resistancesCopied);
    }

    /**
     * The R_u history of the sessions the lab has, the rows it lacks (found by uid: a row is never changed, a new R_u
     * is a new row), oldest first. A uid the lab has on another session (an imported export of a session the lab has
     * too) is not copied twice: the lab keeps the one it has, and the log says so.
     */
    private static int copyResistances(Connection bench, Connection lab, Map<Long, Long> sessions) throws SQLException {
        Map<String, Long> labRows = new HashMap<>();
        try (Statement st = lab.createStatement();
             ResultSet rs = st.executeQuery("SELECT uid, session_id FROM resistances")) {
            while (rs.next()) {
                labRows.put(rs.getString(1), rs.getLong(2));
            }
        }
        int copied = 0;
        try (Statement st = bench.createStatement();
             ResultSet rs = st.executeQuery("SELECT session_id, uid, " + String.join(", ", RESISTANCE_COLUMNS)
                     + " FROM resistances ORDER BY id");
             PreparedStatement write = lab.prepareStatement(insert("resistances", RESISTANCE_COLUMNS, "uid, session_id"))) {
            while (rs.next()) {
                Long session = sessions.get(rs.getLong(1));
                if (session == null) {
                    continue;
                }
                Long there = labRows.get(rs.getString(2));
                if (there != null) {
                    if (!there.equals(session)) {
                        log.warn("R_u {} of bench session {} is in the lab already, with lab session {}: not copied again",
                                rs.getString(2), rs.getLong(1), there);
                    }
                    continue;
                }
                copyColumns(rs, write, RESISTANCE_COLUMNS.size(), rs.getString(2));
                write.setLong(RESISTANCE_COLUMNS.size() + 2, session);
                write.executeUpdate();
                copied++;
            }
        }
        return copied;
    }

    /**
     * The audit trail of the sessions the lab has, the corrections it lacks (found by uid: a correction is only ever
     * added). They go in the same transaction as the assays that replace corrected ones, so the lab never sees a
     * correction without its new assay.
     */
    private static int copyCorrections(Connection bench, Connection lab, Map<Long, Long> sessions) throws SQLException {
        Set<String> labCorrections = uids(lab, "corrections").keySet();
        int copied = 0;
        try (Statement st = bench.createStatement();
             ResultSet rs = st.executeQuery("SELECT session_id, uid, " + String.join(", ", CORRECTION_COLUMNS)
                     + " FROM corrections ORDER BY id");
             PreparedStatement write = lab.prepareStatement(insert("corrections", CORRECTION_COLUMNS, "uid, session_id"))) {
            while (rs.next()) {
                Long session = sessions.get(rs.getLong(1));
                if (session == null || labCorrections.contains(rs.getString(2))) {
                    continue;
                }
                copyColumns(rs, write, CORRECTION_COLUMNS.size(), rs.getString(2));
                write.setLong(CORRECTION_COLUMNS.size() + 2, session);
                write.executeUpdate();
                copied++;
            }
        }
        return copied;
    }

    /** INSERT INTO table (columns..., extra...) VALUES (?, ...). */
    private static String insert(String table, List<String> columns, String extra) {
        int count = columns.size() + extra.split(",").length;
        return "INSERT INTO " + table + " (" + String.join(", ", columns) + ", " + extra + ") VALUES (?"
                + ",?".repeat(count - 1) + ")";
    }

    /** The row's last {@code columns} columns (after its ids and uid) as parameters 1..n, then its uid as n+1. */
    private static void copyColumns(ResultSet from, PreparedStatement to, int columns, String uid) throws SQLException {
        int skip = from.getMetaData().getColumnCount() - columns;
        for (int i = 1; i <= columns; i++) {
            to.setObject(i, from.getObject(skip + i));
        }
        to.setString(columns + 1, uid);
    }

    private static Map<String, Long> uids(Connection lab, String table) throws SQLException {
        Map<String, Long> ids = new HashMap<>();
        try (Statement st = lab.createStatement();
             ResultSet rs = st.executeQuery("SELECT uid, id FROM " + table + " WHERE uid IS NOT NULL")) {
            while (rs.next()) {
                ids.put(rs.getString(1), rs.getLong(2));
            }
        }
        return ids;
    }

    /** A session of the bench, with what decides whether the lab's copy is current. */
    public record LocalSession(long id, String uid, String status, long samples, long impedancePoints, Long resumedFrom,
                               Long replayOf) {
    }

    private static List<LocalSession> localSessions(Connection bench) throws SQLException {
        List<LocalSession> list = new ArrayList<>();
        try (Statement st = bench.createStatement();
             ResultSet rs = st.executeQuery("SELECT s.id, s.uid, s.status, s.resumed_from, s.replay_of,"
                     + " (SELECT count(*) FROM samples WHERE session_id = s.id),"
                     + " (SELECT count(*) FROM impedance WHERE session_id = s.id) FROM sessions s ORDER BY s.id")) {
            while (rs.next()) {
                list.add(new LocalSession(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(6), rs.getLong(7),
                        rs.getObject(4) == null ? null : rs.getLong(4), rs.getObject(5) == null ? null : rs.getLong(5)));
            }
        }
        return list;
    }

    /** A session as the lab database has it: a copy with other counts than the bench's is out of date. */
    public record RemoteSession(String status, long samples, long impedancePoints) {
    }

    private static Optional<Long> labId(Connection lab, String uid) throws SQLException {
        try (PreparedStatement ps = lab.prepareStatement("SELECT id FROM sessions WHERE uid = ?")) {
            ps.setString(1, uid);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getLong(1)) : Optional.empty();
            }
        }
    }

    /** The lab's copy of the session with this uid, if it has one. */
    private static Optional<RemoteSession> remote(Connection lab, String uid) throws SQLException {
        try (PreparedStatement ps = lab.prepareStatement("SELECT status,"
                + " (SELECT count(*) FROM samples WHERE session_id = s.id),"
                + " (SELECT count(*) FROM impedance WHERE session_id = s.id) FROM sessions s WHERE uid = ?")) {
            ps.setString(1, uid);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(new RemoteSession(rs.getString(1), rs.getLong(2), rs.getLong(3)))
                        : Optional.empty();
            }
        }
    }

    private static void copySession(Connection bench, Connection lab, LocalSession s, String origin, LongConsumer samplesSent)
            throws SQLException {
        lab.setAutoCommit(false);
        Optional<Long> existing = labId(lab, s.uid);
        long labId;
        if (existing.isPresent()) {
            labId = existing.get();
            for (String table : SESSION_TABLES) {
                try (PreparedStatement delete = lab.prepareStatement("DELETE FROM " + table + " WHERE session_id = ?")) {
                    delete.setLong(1, labId);
                    delete.executeUpdate();
                }
            }
            writeSession(bench, lab, s, origin, Optional.of(labId));
        } else {
            labId = writeSession(bench, lab, s, origin, Optional.empty());
        }
        copyRows(bench, lab, "steps", STEP_COLUMNS, s.id, labId);
        copyRows(bench, lab, "events", EVENT_COLUMNS, s.id, labId);
        copyRows(bench, lab, "aliquots", ALIQUOT_COLUMNS, s.id, labId);
        copyRows(bench, lab, "step_tallies", TALLY_COLUMNS, s.id, labId);
        copyRows(bench, lab, "wire", WIRE_COLUMNS, s.id, labId);
        copyRows(bench, lab, "impedance", IMPEDANCE_COLUMNS, s.id, labId);
        copyRows(bench, lab, "alert_deliveries", ALERT_DELIVERY_COLUMNS, s.id, labId);
        copySamples(bench, lab, s.id, labId, samplesSent);
        lab.commit();
        lab.setAutoCommit(true);
    }

    /**
     * The session's row: inserted, or (when the lab has an older copy) updated in place. Links to the
     * session it resumed or replayed point at the lab's copy of that one, if the lab has it.
     */
    private static long writeSession(Connection bench, Connection lab, LocalSession s, String origin,
                                     Optional<Long> labId) throws SQLException {
        List<String> columns = new ArrayList<>(SESSION_COLUMNS);
        columns.addAll(List.of("uid", "origin", "origin_id", "synced_utc", "resumed_from", "replay_of"));
        String sql = labId.isPresent()
                ? "UPDATE sessions SET " + String.join(" = ?, ", columns) + " = ? WHERE id = ?"
                : "INSERT INTO sessions (" + String.join(", ", columns) + ") VALUES (?" + ",?".repeat(columns.size() - 1)
                        + ") RETURNING id";
        try (PreparedStatement read = bench.prepareStatement("SELECT " + String.join(", ", SESSION_COLUMNS)
                + " FROM sessions WHERE id = ?");
             PreparedStatement write = lab.prepareStatement(sql)) {
            read.setLong(1, s.id);
            try (ResultSet rs = read.executeQuery()) {
                rs.next();
                for (int i = 0; i < SESSION_COLUMNS.size(); i++) {
                    write.setObject(1 + i, rs.getObject(i + 1));
                }
            }
            int n = SESSION_COLUMNS.size();
            write.setString(n + 1, s.uid);
            write.setString(n + 2, origin);
            write.setLong(n + 3, s.id);
            write.setString(n + 4, Instant.now().toString());
            write.setObject(n + 5, labLink(bench, lab, s.resumedFrom), Types.BIGINT);
            write.setObject(n + 6, labLink(bench, lab, s.replayOf), Types.BIGINT);
            if (labId.isPresent()) {
                write.setLong(n + 7, labId.get());
                write.executeUpdate();
                return labId.get();
            }
            try (ResultSet id = write.executeQuery()) {
                id.next();
                return id.getLong(1);
            }
        }
    }

    /** The lab id of a bench's session, found by its uid; null when there is none or the lab lacks it. */
    private static Long labLink(Connection bench, Connection lab, Long localId) throws SQLException {
        if (localId == null) {
            return null;
        }
        try (PreparedStatement ps = bench.prepareStatement("SELECT uid FROM sessions WHERE id = ?")) {
            ps.setLong(1, localId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? labId(lab, rs.getString(1)).orElse(null) : null;
            }
        }
    }

    /** A child table, column for column, with the lab's session id. */
    private static void copyRows(Connection bench, Connection lab, String table, List<String> columns, long localId,
                                 long labId) throws SQLException {
        String list = String.join(", ", columns);
        try (PreparedStatement read = bench.prepareStatement("SELECT " + list + " FROM " + table + " WHERE session_id = ?");
             PreparedStatement write = lab.prepareStatement("INSERT INTO " + table + " (session_id, " + list + ") VALUES (?"
                     + ",?".repeat(columns.size()) + ")")) {
            read.setLong(1, localId);
            try (ResultSet rs = read.executeQuery()) {
                int n = 0;
                while (rs.next()) {
                    write.setLong(1, labId);
                    for (int i = 0; i < columns.size(); i++) {
                        write.setObject(2 + i, rs.getObject(i + 1));
                    }
                    write.addBatch();
                    if (++n % 1000 == 0) {
                        write.executeBatch();
                    }
                }
                write.executeBatch();
            }
        }
    }

    /** Samples go by COPY in chunks (each its own COPY, all in the session's transaction), so progress can be told. */
    private static void copySamples(Connection bench, Connection lab, long localId, long labId, LongConsumer samplesSent)
            throws SQLException {
        try (PreparedStatement read = bench.prepareStatement("SELECT " + SampleColumns.VALUES
                + " FROM samples WHERE session_id = ? ORDER BY step_index, seq")) {
            read.setLong(1, localId);
            try (ResultSet rs = read.executeQuery()) {
                StringBuilder chunk = new StringBuilder(COPY_CHUNK_ROWS * 80);
                long rows = 0;
                while (rs.next()) {
                    SampleCopy.appendRow(chunk, labId, rs.getInt(1), rs.getLong(2), rs.getDouble(3), SessionStore.nullableDouble(rs, 4),
                            SessionStore.nullableDouble(rs, 5), SessionStore.nullableDouble(rs, 6), rs.getInt(7), rs.getInt(8),
                            rs.getInt(9));
                    if (++rows % COPY_CHUNK_ROWS == 0) {
                        SampleCopy.send(lab, chunk);
                        samplesSent.accept(rows);
                    }
                }
                SampleCopy.send(lab, chunk);
                samplesSent.accept(rows);
            }
        }
    }

    private static void rollbackQuietly(Connection lab) {
        try {
            lab.rollback();
        } catch (SQLException e) {
            log.warn("could not roll back on the lab database (it is probably gone; the server drops the transaction)", e);
        }
    }
}
