package org.norrlab.store;

import com.fasterxml.jackson.core.type.TypeReference;
import org.norrlab.core.BadInputException;
import org.norrlab.core.StepOutcome;
import org.norrlab.analysis.IrCorrection;
import org.norrlab.analysis.StepTally;
import org.norrlab.core.Event;
import org.norrlab.core.EventKind;
import org.norrlab.core.Gas;
import org.norrlab.core.InstrumentIdentity;
import org.norrlab.core.Sample;
import org.norrlab.core.SampleEntry;
import org.norrlab.electrochem.CellSettings;
import org.norrlab.plan.Electrolyte;
import org.norrlab.plan.StepContext;
import org.norrlab.transport.WireLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The session database: the sessions, their steps, samples, events and wire logs, and the analysis
 * inputs beside them. It lives in an SQLite file on the bench (the default) or in a PostgreSQL
 * database the lab shares ({@link StoreLocation}); the tables and every call are the same on both,
 * and what differs is kept in a {@link Dialect}. Metadata goes through this object's connection; a
 * run's samples go through its {@link StoreWriter}'s own connection.
 */
public final class SessionStore implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(SessionStore.class);
    public static final int SCHEMA_VERSION = 17;
    /** Samples an import writes per transaction: a few milliseconds of the write lock, so that a live run's writer waits little. */
    static final int IMPORT_ROWS_PER_TRANSACTION = 4096;

    private final StoreLocation location;
    private final Dialect dialect;
    private final Connection connection;
    private final Optional<String> readOnly;
    /** An SQLite file's -wal file was there before this store connected: see {@link #checkIntegrity}. */
    private boolean walLeftBehind;

    private SessionStore(StoreLocation location, Dialect dialect, Connection connection, Optional<String> readOnly) {
        this.location = location;
        this.dialect = dialect;
        this.connection = connection;
        this.readOnly = readOnly;
    }

    /** The SQLite file of a bench. */
    public static SessionStore open(Path file) throws StoreException {
        return open(StoreLocation.file(file));
    }

    /** A store to write into: a read-only SQLite file is refused with a message that names it. */
    public static SessionStore open(StoreLocation location) throws StoreException {
        return openChecked(location, Optional.empty());
    }

    /**
     * Refuses a store that cannot be written, as {@link #open(StoreLocation)} would, for a command to call before it
     * prints or does anything that the refusal would make misleading (a run's header, a calibration's fit).
     */
    public static void requireWritable(StoreLocation location) throws StoreException {
        Optional<String> readOnly = Dialect.of(location).readOnlyReason(location);
        if (readOnly.isPresent()) {
            boolean exists = location.file().filter(Files::exists).isPresent();
            throw new StoreException("cannot write into the session database " + location + ": " + readOnly.get()
                    + (exists ? ". Commands that only read it (sessions, show, analyze, export, report) still work; to write,"
                    + " give write permission or copy the file to a folder you can write and use --db"
                    : "; give write permission or choose a database in a folder you can write with --db"));
        }
    }

    /**
     * A store only to read from: a read-only SQLite file (or folder) is opened read-only, in the journal mode it
     * has; {@link #readOnly()} says why. Anything else is opened as by {@link #open(StoreLocation)}.
     */
    public static SessionStore openForReading(StoreLocation location) throws StoreException {
        return openChecked(location, Dialect.of(location).readOnlyReason(location));
    }

    /** Why this store was opened read-only, or empty when it can be written. */
    public Optional<String> readOnly() {
        return readOnly;
    }

    private static SessionStore openChecked(StoreLocation location, Optional<String> readOnly) throws StoreException {
        if (readOnly.isPresent()) {
            Dialect dialect = Dialect.of(location);
            Connection connection;
            try {
                connection = dialect.connectReadOnly(location);
            } catch (SQLException e) {
                throw new StoreException("cannot open the session database " + location + " (read-only: " + readOnly.get()
                        + "): " + e.getMessage(), e);
            }
            SessionStore store = new SessionStore(location, dialect, connection, readOnly);
            try {
                store.requireCurrentSchema();
            } catch (StoreException e) {
                store.close();
                throw e;
            }
            return store;
        }
        if (location.file().isPresent()) {
            Path parent = location.file().get().toAbsolutePath().getParent();
            if (parent != null) {
                DataDirectory.create(location, parent);
            }
        }
        Dialect dialect = Dialect.of(location);
        // One opener at a time, threads and processes alike: see OpeningLock for why.
        try (OpeningLock opening = OpeningLock.acquire(location)) {
            // Checked under the opening lock: another opener of this process may be creating the file this very
            // moment, and a file caught half-made is not a read-only one.
            requireWritable(location);
            // Looked for before connecting: from here on, this store's own connection keeps a -wal file there.
            boolean walLeftBehind = location.file().map(SessionStore::walFile).map(Files::exists).orElse(false);
            SessionStore store = new SessionStore(location, dialect, connect(location, dialect), Optional.empty());
            store.walLeftBehind = walLeftBehind;
            try {
                store.migrate();
                if (walLeftBehind) {
                    // whatever this opening is for, the next run or import checks the file fully (see checkIntegrity)
                    store.forgetIntegrityCheck();
                }
                store.removeAbandonedImports(Heartbeat.cutOff());
            } catch (StoreException e) {
                store.close();
                throw e;
            }
            return store;
        }
    }

    /** A plain connection with the store's settings (timeouts on PostgreSQL), for work outside this class, e.g. sync. */
    public static Connection connect(StoreLocation location) throws StoreException {
        return connect(location, Dialect.of(location));
    }

    static Connection connect(StoreLocation location, Dialect dialect) throws StoreException {
        try {
            return dialect.connect(location);
        } catch (SQLException e) {
            throw new StoreException("cannot open the session database " + location + ": " + e.getMessage(), e);
        }
    }

    /**
     * Reports a damaged database before a run or an import writes into it. An SQLite file gets SQLite's quick_check of
     * every page (seconds for a big file, so queries and analyses never ask for it) when
     * <ul>
     * <li>its -wal file was there before this store connected: the last process that wrote it did not close it (a
     * crash, a kill, a power cut: when the last connection closes cleanly, SQLite folds the WAL into the file and
     * deletes it), or another process has it open now; or</li>
     * <li>no full check of it has been recorded since such an opening: a file never checked (new to this version, or
     * copied in from elsewhere), or one whose -wal some opening (a {@code norrlab sessions}) found left behind
     * before this one (see {@link #forgetIntegrityCheck}).</li>
     * </ul>
     * Otherwise the file has only been closed cleanly since it last passed, and is not read through again: that is
     * where a damaged file comes from, and a run into a file that crashed is still refused. A page damaged later on
     * the disk itself is reported by the first query that reads it. A check that passes is recorded in the file
     * ({@code integrity_checks}, made the first time). PostgreSQL keeps its own pages and is only asked to answer.
     */
    public void checkIntegrity() throws StoreException {
        try {
            boolean sqliteFile = location.file().isPresent() && readOnly.isEmpty();
            if (sqliteFile && !walLeftBehind && integrityCheckRecorded()) {
                log.debug("{} has been closed cleanly since its last full integrity check; not read through again", location);
                return;
            }
            dialect.checkIntegrity(connection, location);
            if (sqliteFile) {
                recordIntegrityCheck();
            }
        } catch (SQLException e) {
            throw new StoreException("cannot check the session database " + location + ": " + e.getMessage()
                    + " (is it a norrlab database?)", e);
        }
    }

    /** An SQLite file's write-ahead log, beside it. */
    static Path walFile(Path database) {
        return database.resolveSibling(database.getFileName() + "-wal");
    }

    private boolean integrityCheckRecorded() throws SQLException {
        try (Statement s = connection.createStatement();
             ResultSet table = s.executeQuery("SELECT count(*) FROM sqlite_master WHERE type = 'table'"
                     + " AND name = 'integrity_checks'")) {
            if (table.getInt(1) == 0) {
                return false;
            }
        }
        try (Statement s = connection.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FROM integrity_checks")) {
            return rs.getInt(1) > 0;
        }
    }

    private void recordIntegrityCheck() throws SQLException {
        try (Statement s = connection.createStatement()) {
            // Not part of the versioned schema: a record about the file, not data; sync and exports never read it.
            s.execute("CREATE TABLE IF NOT EXISTS integrity_checks (checked_utc TEXT NOT NULL, sqlite_version TEXT NOT NULL)");
        }
        try (PreparedStatement ps = connection.prepareStatement("INSERT INTO integrity_checks (checked_utc, sqlite_version)"
                + " VALUES (?, sqlite_version())")) {
            ps.setString(1, Instant.now().toString());
            ps.executeUpdate();
        }
    }

    /** The -wal file was left behind: the record of the last full check no longer vouches for the file. */
    private void forgetIntegrityCheck() throws StoreException {
        try (Statement s = connection.createStatement()) {
            try (ResultSet table = s.executeQuery("SELECT count(*) FROM sqlite_master WHERE type = 'table'"
                    + " AND name = 'integrity_checks'")) {
                if (table.getInt(1) == 0) {
                    return;
                }
            }
            s.execute("DELETE FROM integrity_checks");
        } catch (SQLException e) {
            throw new StoreException("cannot prepare the session database " + location + ": " + e.getMessage(), e);
        }
    }

    /**
     * Marks sessions that were cut off as interrupted: status 'running' but no heartbeat for longer than
     * {@link Heartbeat#cutOff()}. Returns their ids. Nothing is marked in a store opened read-only.
     */
    public List<Long> markCutOffSessions() throws StoreException {
        return readOnly.isPresent() ? List.of() : markCutOffSessions(Heartbeat.cutOff());
    }

    /**
     * Marks sessions that were cut off as interrupted: status 'running' but no heartbeat for longer
     * than {@code silence}. Returns their ids. Such a session ends at its last stored sample (the data
     * stopped there; the heartbeat may have gone on for a while). A session copied in by {@code norrlab sync}
     * is left to the sync, which replaces it when its bench has moved on.
     */
    public List<Long> markCutOffSessions(java.time.Duration silence) throws StoreException {
        List<Long> ids = new ArrayList<>();
        String cutoff = clockMinus(silence);
        try (PreparedStatement find = connection.prepareStatement("SELECT id, coalesce(heartbeat_utc, started_utc),"
                + " coalesce(last_sample_utc, started_utc), last_sample_utc IS NULL FROM sessions"
                + " WHERE status = 'running' AND synced_utc IS NULL AND coalesce(heartbeat_utc, started_utc) < ?");
             PreparedStatement mark = connection.prepareStatement("UPDATE sessions SET status = 'interrupted', status_reason = ?,"
                     + " ended_utc = ? WHERE id = ?")) {
            find.setString(1, cutoff);
            try (ResultSet rs = find.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                    String lastData = rs.getBoolean(4) ? "no sample stored" : "last sample " + rs.getString(3);
                    mark.setString(1, "the process ended without closing the session (crash, kill -9 or power cut);"
                            + " " + lastData + ", last sign of life " + rs.getString(2) + "; 'norrlab resume " + rs.getLong(1)
                            + "' continues it");
                    mark.setString(2, rs.getString(3));
                    mark.setLong(3, rs.getLong(1));
                    mark.addBatch();
                }
            }
            mark.executeBatch();
            return ids;
        } catch (SQLException e) {
            throw new StoreException("cannot mark cut-off sessions in " + location + ": " + e.getMessage(), e);
        }
    }

    private String clockMinus(java.time.Duration silence) throws StoreException {
        try {
            return dialect.now(connection).minus(silence).toString();
        } catch (SQLException e) {
            throw new StoreException("cannot read the clock of " + location + ": " + e.getMessage(), e);
        }
    }

    /**
     * Removes the sessions of imports that did not finish (the importing process ended: no heartbeat for longer
     * than {@code silence}), with everything written for them: an import is all or nothing, and is never resumed.
     * Returns their ids.
     */
    List<Long> removeAbandonedImports(java.time.Duration silence) throws StoreException {
        List<Long> ids = new ArrayList<>();
        try (PreparedStatement find = connection.prepareStatement("SELECT id FROM sessions WHERE status = 'importing'"
                + " AND coalesce(heartbeat_utc, started_utc) < ?")) {
            find.setString(1, clockMinus(silence));
            try (ResultSet rs = find.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
        } catch (SQLException e) {
            throw new StoreException("cannot look for unfinished imports in " + location + ": " + e.getMessage(), e);
        }
        for (long id : ids) {
            removeSession(id);
            log.warn("session {} was an import that did not finish (its process ended); it is removed from {}", id, location);
        }
        return ids;
    }

    /** Deletes a session and every row written for it, in one transaction. */
    private void removeSession(long id) throws StoreException {
        try {
            connection.setAutoCommit(false);
            for (String table : List.of("samples", "step_tallies", "wire", "events", "steps", "sessions")) {
                try (PreparedStatement delete = connection.prepareStatement("DELETE FROM " + table + " WHERE "
                        + ("sessions".equals(table) ? "id" : "session_id") + " = ?")) {
                    delete.setLong(1, id);
                    delete.executeUpdate();
                }
            }
            connection.commit();
        } catch (SQLException e) {
            rollbackQuietly(e);
            throw new StoreException("cannot remove session " + id + " from " + location + ": " + e.getMessage(), e);
        } finally {
            restoreAutoCommit();
        }
    }

    private void rollbackQuietly(SQLException cause) {
        try {
            connection.rollback();
        } catch (SQLException rollback) {
            cause.addSuppressed(rollback);
        }
    }

    private void restoreAutoCommit() {
        try {
            connection.setAutoCommit(true);
        } catch (SQLException e) {
            log.error("cannot restore autocommit on {}", location, e);
        }
    }

    /** A store opened read-only is read as it is: one this build would have to migrate is refused. */
    private void requireCurrentSchema() throws StoreException {
        int version;
        try (Statement s = connection.createStatement()) {
            version = dialect.schemaVersion(s);
        } catch (SQLException e) {
            throw new StoreException("cannot read the session database " + location + ": " + e.getMessage()
                    + " (is it a norrlab database?)", e);
        }
        if (version != SCHEMA_VERSION) {
            throw new StoreException(location + " is read-only (" + readOnly.orElse("") + ") and has schema " + version
                    + "; this build reads schema " + SCHEMA_VERSION + " and cannot bring it there without writing: copy it"
                    + " to a folder you can write and open the copy with --db");
        }
    }

    private void migrate() throws StoreException {
        try (Statement s = connection.createStatement()) {
            int version = dialect.schemaVersion(s);
            if (version > SCHEMA_VERSION) {
                throw new StoreException(location + " was written by a newer norrlab (schema " + version
                        + "; this build reads up to " + SCHEMA_VERSION + "); open it with that version");
            }
            if (version < SCHEMA_VERSION) {
                dialect.beginMigration(connection);
                int found;
                try {
                    found = dialect.schemaVersion(s);
                    for (int next = found + 1; next <= SCHEMA_VERSION; next++) {
                        for (String statement : schemaStatements(next, dialect)) {
                            s.execute(dialect.translate(statement));
                        }
                    }
                    dialect.recordSchemaVersion(s, SCHEMA_VERSION);
                    dialect.endMigration(connection, true);
                } catch (SQLException e) {
                    try {
                        dialect.endMigration(connection, false);
                    } catch (SQLException rollback) {
                        e.addSuppressed(rollback);
                    }
                    throw e;
                }
                if (found < SCHEMA_VERSION) {
                    log.info("session database {} brought from schema {} to {}", location, found, SCHEMA_VERSION);
                }
            }
        } catch (SQLException e) {
            throw new StoreException("cannot prepare the session database " + location + ": " + e.getMessage(), e);
        }
    }

    /**
     * The statements of one schema version: its file shared by both databases (in SQLite's types; see
     * {@link Dialect#translate}), then, where a change cannot be written the same way on both, the file of
     * this database ({@code schema-vN.sqlite.sql}, {@code schema-vN.postgresql.sql}).
     */
    private static List<String> schemaStatements(int version, Dialect dialect) {
        List<String> statements = new ArrayList<>(schemaFile("schema-v" + version + ".sql", true));
        statements.addAll(schemaFile("schema-v" + version + "." + dialect.name() + ".sql", false));
        return statements;
    }

    private static List<String> schemaFile(String name, boolean required) {
        try (InputStream in = SessionStore.class.getResourceAsStream(name)) {
            if (in == null) {
                if (required) {
                    throw new IllegalStateException(name + " is missing from the build");
                }
                return List.of();
            }
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8).replaceAll("(?m)--.*$", "");
            List<String> statements = new ArrayList<>();
            for (String part : text.split(";")) {
                if (!part.isBlank()) {
                    statements.add(part.trim());
                }
            }
            return statements;
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the schema from the build", e);
        }
    }

    /** A lab-wide name for a row (32 hex digits, random), the same form schema 6 and 8 give older rows. */
    static String newUid() {
        return java.util.UUID.randomUUID().toString().replace("-", "");
    }

    public StoreLocation location() {
        return location;
    }

    public long createSession(NewSession session) throws StoreException {
        return createSession(session, SessionStatus.RUNNING);
    }

    /**
     * A session an import is about to write: status 'importing' until {@link #finishSession} marks it completed;
     * removed when the store is next opened if its import ends before that ({@link #heartbeat} tells).
     */
    public long createImportingSession(NewSession session) throws StoreException {
        return createSession(session, SessionStatus.IMPORTING);
    }

    /**
     * Starts the session's heartbeat: it beats on a thread and a connection of its own until closed (or until
     * this process ends), so that another process never takes a live session for a dead one.
     */
    public Heartbeat heartbeat(long sessionId) {
        return Heartbeat.start(location, dialect, sessionId);
    }

    /** Removes what an import wrote when it failed: an import is all or nothing. */
    public void removeFailedImport(long sessionId) throws StoreException {
        removeSession(sessionId);
    }

    /** The wall time of the last sample the session's writer stored; empty for none (or a session from before schema 9). */
    public Optional<Instant> lastSampleAt(long sessionId) throws StoreException {
        try (PreparedStatement ps = connection.prepareStatement("SELECT last_sample_utc FROM sessions WHERE id = ?")) {
            ps.setLong(1, sessionId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.ofNullable(rs.getString(1)).map(Instant::parse) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new StoreException("cannot read session " + sessionId + " from " + location + ": " + e.getMessage(), e);
        }
    }

    private long createSession(NewSession session, SessionStatus status) throws StoreException {
        String sql = "INSERT INTO sessions (created_utc, started_utc, status, protocol_name, protocol_file, protocol_text,"
                + " cell_json, instrument_json, run_options_json, software_version, instrument_settings_json, replay_of,"
                + " resumed_from, uid, electrolyte, sample_name, operator_name, notes) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)";
        try (PreparedStatement ps = connection.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS)) {
            ps.setString(1, Instant.now().toString());
            ps.setString(2, session.started().toString());
            ps.setString(3, status.dbName());
            ps.setString(4, session.protocolName());
            ps.setString(5, session.protocolFile());
            ps.setString(6, session.protocolText());
            ps.setString(7, Json.write(session.cell()));
            ps.setString(8, Json.write(session.instrument()));
            ps.setString(9, Json.write(session.runOptions()));
            ps.setString(10, session.softwareVersion());
            ps.setString(11, Json.write(session.instrumentSettings()));
            if (session.replayOf().isPresent()) {
                ps.setLong(12, session.replayOf().get());
            } else {
                ps.setNull(12, Types.INTEGER);
            }
            if (session.resumedFrom().isPresent()) {
                ps.setLong(13, session.resumedFrom().get());
            } else {
                ps.setNull(13, Types.INTEGER);
            }
            ps.setString(14, newUid());
            ps.setString(15, session.electrolyte().written());
            ps.setString(16, session.sample().sample());
            ps.setString(17, session.sample().operator());
            ps.setString(18, session.sample().notes());
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        } catch (SQLException e) {
            throw new StoreException("cannot record a new session in " + location + ": " + e.getMessage(), e);
        }
    }

    /** Bounds every later wait for the store on this object's connection (see {@link Dialect#limitWaits}). */
    public void limitWaits(java.time.Duration wait) {
        try {
            dialect.limitWaits(connection, wait);
        } catch (SQLException e) {
            log.warn("cannot limit the waits for {}: {}", location, e.getMessage(), e);
        }
    }

    /** How many samples of a session the store holds, counted by the store. */
    public long sampleCount(long sessionId) throws StoreException {
        try (PreparedStatement ps = connection.prepareStatement("SELECT count(*) FROM samples WHERE session_id = ?")) {
            ps.setLong(1, sessionId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new StoreException("cannot count the samples of session " + sessionId + " in " + location + ": "
                    + e.getMessage(), e);
        }
    }

    public void finishSession(long id, SessionStatus status, String reason) throws StoreException {
        try (PreparedStatement ps = connection.prepareStatement(
                "UPDATE sessions SET status = ?, status_reason = ?, ended_utc = ? WHERE id = ?")) {
            ps.setString(1, status.dbName());
            ps.setString(2, reason);
            ps.setString(3, Instant.now().toString());
            ps.setLong(4, id);
            if (ps.executeUpdate() != 1) {
                throw new StoreException("session " + id + " is not in " + location);
            }
        } catch (SQLException e) {
            throw new StoreException("cannot mark session " + id + " as " + status.dbName() + " in " + location + ": "
                    + e.getMessage(), e);
        }
    }

    /**
     * Starts an import: the session is created in status 'importing' with its heartbeat, and the returned writer
     * stores its steps, samples and notes as the files are read (see {@link ImportWriter}). The writer uses this
     * store's connection: nothing else may use this store until it is closed.
     */
    public ImportWriter beginImport(NewSession session) throws StoreException {
        long id = createImportingSession(session);
        try {
            return new ImportWriter(this, location, dialect, connection, id);
        } catch (StoreException e) {
            try {
                removeFailedImport(id);
            } catch (StoreException cleanup) {
                e.addSuppressed(cleanup);
            }
            throw e;
        }
    }

    /** Calibrations, assays and control links. */
    public AssayStore assays() {
        return new AssayStore(location, connection);
    }

    /** Corrections made after a run and their audit trail (schema 12). */
    public CorrectionStore corrections() {
        return new CorrectionStore(location, connection);
    }

    /** What became of each session's alerts on each channel (schema 17). */
    public AlertDeliveryStore alertDeliveries() {
        return new AlertDeliveryStore(location, connection);
    }

    /** Impedance spectra and R_u (schema 14). */
    public ImpedanceStore impedance() {
        return new ImpedanceStore(location, connection);
    }

    /** A writer for one session's records, on a connection of its own. */
    /** Each bucket's first minimum and maximum of a step's samples, computed by the database for a figure. */
    public StepExtremes extremes() {
        return new StepExtremes(location, dialect, connection);
    }

    public StoreWriter writer(long sessionId) throws StoreException {
        return new StoreWriter(location, dialect, connect(location, dialect), sessionId, Optional.empty());
    }

    /** A writer that also stores what a {@link WireLog} saw, at every commit. */
    public StoreWriter writer(long sessionId, WireLog wire) throws StoreException {
        return new StoreWriter(location, dialect, connect(location, dialect), sessionId, Optional.of(wire));
    }

    public List<StoredSession> sessions() throws StoreException {
        return querySessions("SELECT * FROM sessions ORDER BY id", null);
    }

    public Optional<StoredSession> session(long id) throws StoreException {
        List<StoredSession> found = querySessions("SELECT * FROM sessions WHERE id = ?", id);
        return found.stream().findFirst();
    }

    /**
     * The session an operator named by its id. An id that is not in this store is their mistake (bad input),
     * not a fault of the store, and the message says where to see the ids there are.
     */
    public StoredSession existingSession(long id) throws StoreException {
        return session(id).orElseThrow(() -> new BadInputException("there is no session " + id + " in " + location
                + "; 'norrlab sessions' lists them"));
    }

    private List<StoredSession> querySessions(String sql, Long id) throws StoreException {
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            if (id != null) {
                ps.setLong(1, id);
            }
            List<StoredSession> sessions = new ArrayList<>();
            String cutOff = cutOffForReading();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Standing standing = standing(rs, cutOff);
                    sessions.add(new StoredSession(rs.getLong("id"), Instant.parse(rs.getString("started_utc")),
                            Optional.ofNullable(standing.ended()).map(Instant::parse), standing.status(), standing.reason(),
                            rs.getString("protocol_name"), rs.getString("protocol_file"), rs.getString("protocol_text"),
                            Json.read(rs.getString("cell_json"), CellSettings.class),
                            Json.read(rs.getString("instrument_json"), InstrumentIdentity.class),
                            Json.readMap(rs.getString("run_options_json"), new TypeReference<Map<String, String>>() { }),
                            rs.getString("software_version"),
                            Json.readMap(rs.getString("instrument_settings_json"), new TypeReference<Map<String, String>>() { }),
                            link(rs, "replay_of"), link(rs, "resumed_from"),
                            Electrolyte.Mode.ofWritten(rs.getString("electrolyte")),
                            new SampleEntry(rs.getString("sample_name"), rs.getString("operator_name"), rs.getString("notes"))));
                }
            }
            return sessions;
        } catch (SQLException e) {
            throw new StoreException("cannot read sessions from " + location + ": " + e.getMessage(), e);
        }
    }

    /**
     * What {@code norrlab sessions} lists of every session, in id order: the same status (cut-off sessions of a
     * read-only file shown as interrupted) as {@link #sessions()}, the instrument's model and the bench read out of
     * their JSON by Jackson's streaming parser, and the steps counted, not read. Mapping the JSON columns to records
     * and reading each step's settings was a seventh of the command's start (issue 23).
     */
    public List<SessionListing> listing() throws StoreException {
        try (PreparedStatement ps = connection.prepareStatement("SELECT sessions.*, (SELECT count(*) FROM steps"
                + " WHERE steps.session_id = sessions.id) AS step_count FROM sessions ORDER BY id")) {
            List<SessionListing> listing = new ArrayList<>();
            String cutOff = cutOffForReading();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long id = rs.getLong("id");
                    String where = "session " + id + " in " + location;
                    listing.add(new SessionListing(id, Instant.parse(rs.getString("started_utc")), standing(rs, cutOff).status(),
                            rs.getString("protocol_name"),
                            JsonFields.string(rs.getString("instrument_json"), "model", "the instrument of " + where).orElse(""),
                            JsonFields.string(rs.getString("run_options_json"), "bench", "the run options of " + where),
                            rs.getInt("step_count"), Optional.ofNullable(rs.getString("sample_name")).orElse(""),
                            JsonFields.string(rs.getString("instrument_json"), "profile", "the instrument of " + where)
                                    .filter(InstrumentIdentity.IMPORTED_PROFILE::equals).isPresent()));
                }
            }
            return listing;
        } catch (SQLException e) {
            throw new StoreException("cannot read sessions from " + location + ": " + e.getMessage(), e);
        }
    }

    /** A read-only store cannot be marked: a session cut off there is shown as interrupted all the same. */
    private String cutOffForReading() throws StoreException {
        return readOnly.isPresent() ? clockMinus(Heartbeat.cutOff()) : null;
    }

    /** A session's status, why, and when it ended, as a reader of the file should see them. */
    private record Standing(SessionStatus status, String reason, String ended) {
    }

    private static Standing standing(ResultSet rs, String cutOff) throws SQLException {
        String ended = rs.getString("ended_utc");
        SessionStatus status = SessionStatus.fromDb(rs.getString("status"));
        String reason = rs.getString("status_reason");
        String lastSignOfLife = Optional.ofNullable(rs.getString("heartbeat_utc")).orElse(rs.getString("started_utc"));
        if (cutOff != null && status == SessionStatus.RUNNING && rs.getString("synced_utc") == null
                && lastSignOfLife.compareTo(cutOff) < 0) {
            String lastSample = rs.getString("last_sample_utc");
            status = SessionStatus.INTERRUPTED;
            reason = "cut off: no sign of life since " + lastSignOfLife + (lastSample == null ? ", no sample stored"
                    : ", last sample " + lastSample) + " (the read-only file still says 'running')";
            ended = lastSample == null ? rs.getString("started_utc") : lastSample;
        }
        return new Standing(status, reason, ended);
    }

    private static StepContext stepContext(ResultSet rs) throws SQLException {
        int cycle = rs.getInt("cycle");
        int cycles = rs.getInt("cycles");
        int batch = rs.getInt("batch");
        String gas = rs.getString("gas");
        return new StepContext(rs.getString("block"), cycle, cycles, batch,
                gas == null ? Optional.empty() : Optional.of(Gas.named(gas).orElseThrow(() -> new SQLException(
                        "a step's gas '" + gas + "' is not one this build knows (" + Gas.allowed() + ")"))));
    }

    /** The aliquots taken out of a session's catholyte, in the order they were taken. */
    public List<StoredAliquot> aliquots(long sessionId) throws StoreException {
        try (PreparedStatement ps = connection.prepareStatement(
                "SELECT * FROM aliquots WHERE session_id = ? ORDER BY after_step, id")) {
            ps.setLong(1, sessionId);
            List<StoredAliquot> aliquots = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    aliquots.add(new StoredAliquot(rs.getLong("id"), rs.getInt("after_step"), rs.getDouble("volume_ml"),
                            rs.getInt("replaced") != 0, Electrolyte.TakenBy.ofWritten(rs.getString("taken_by")),
                            Instant.parse(rs.getString("created_utc")), rs.getString("note")));
                }
            }
            return aliquots;
        } catch (SQLException e) {
            throw new StoreException("cannot read the aliquots of session " + sessionId + " from " + location + ": "
                    + e.getMessage(), e);
        }
    }

    /** Records an aliquot taken after the run (e.g. for an imported session); a run records its own as ALIQUOT events. */
    public long addAliquot(long sessionId, StoredAliquot aliquot) throws StoreException {
        requireWritable(location);
        try (PreparedStatement ps = connection.prepareStatement("INSERT INTO aliquots (session_id, after_step, volume_ml,"
                + " replaced, taken_by, created_utc, note) VALUES (?,?,?,?,?,?,?)", Statement.RETURN_GENERATED_KEYS)) {
            StoredAliquot.bind(ps, sessionId, aliquot);
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        } catch (SQLException e) {
            throw new StoreException("cannot record an aliquot of session " + sessionId + " in " + location + ": "
                    + e.getMessage(), e);
        }
    }

    public List<StoredStep> steps(long sessionId) throws StoreException {
        try (PreparedStatement ps = connection.prepareStatement(
                "SELECT * FROM steps WHERE session_id = ? ORDER BY step_index")) {
            ps.setLong(1, sessionId);
            List<StoredStep> steps = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String ended = rs.getString("ended_utc");
                    steps.add(new StoredStep(rs.getInt("step_index"), rs.getString("kind"), rs.getString("label"),
                            nullableDouble(rs, "e_vs_rhe_v"), nullableDouble(rs, "e_vs_re_v"), rs.getDouble("interval_s"),
                            rs.getDouble("planned_duration_s"), rs.getString("current_range"), rs.getString("source"),
                            Instant.parse(rs.getString("started_utc")), rs.getDouble("session_offset_s"),
                            Optional.ofNullable(ended).map(Instant::parse), nullableDouble(rs, "duration_s"),
                            rs.getLong("sample_count"), Optional.ofNullable(rs.getString("outcome")).map(StepOutcome::fromDb),
                            nullableDouble(rs, "lag_ms"), stepContext(rs), StepSettingsJson.read(rs.getString("settings_json"))));
                }
            }
            return steps;
        } catch (SQLException e) {
            throw new StoreException("cannot read the steps of session " + sessionId + " from " + location + ": "
                    + e.getMessage(), e);
        }
    }

    /**
     * The tally of a step's samples: the one the writer stored when the step ended, or, for a step
     * without one (imported, cut off by a crash), one made now from the stored samples.
     */
    public StepTally tally(long sessionId, int stepIndex) throws StoreException {
        try (PreparedStatement ps = connection.prepareStatement(
                "SELECT * FROM step_tallies WHERE session_id = ? AND step_index = ?")) {
            ps.setLong(1, sessionId);
            ps.setInt(2, stepIndex);
            try (ResultSet rs = ps.executeQuery()) {
                // A tally that is not finite was summed over a value norrlab now refuses (stored by an older version):
                // go to the samples, which name it.
                if (rs.next() && Double.isFinite(rs.getDouble("coulombs")) && Double.isFinite(rs.getDouble("sum_amperes"))) {
                    return new StepTally(new StepTally.State(rs.getLong("samples"),
                            rs.getLong("current_samples"), rs.getDouble("coulombs"), rs.getDouble("sum_amperes"),
                            rs.getDouble("last_current_t_s"), nullableDouble(rs, "last_current_a"), rs.getDouble("sum_volts"),
                            rs.getDouble("last_t_s"), rs.getDouble("max_interval_s"), rs.getInt("monotonic") != 0,
                            usableSums(rs)));
                }
            }
        } catch (SQLException e) {
            throw new StoreException("cannot read the tally of step " + stepIndex + " of session " + sessionId + " from "
                    + location + ": " + e.getMessage(), e);
        }
        StepTally scanned = new StepTally();
        forEachSample(sessionId, stepIndex, (seq, sample) -> scanned.add(sample));
        return scanned;
    }

    /** A tally's iR-correction sums (schema 16); empty in a row stored before them (NULL), which then reads the samples. */
    private static Optional<IrCorrection.UsableSums> usableSums(ResultSet rs) throws SQLException {
        long samples = rs.getLong("usable_samples");
        if (rs.wasNull()) {
            return Optional.empty();
        }
        double volts = rs.getDouble("usable_sum_volts");
        boolean voltsNull = rs.wasNull();
        double amperes = rs.getDouble("usable_sum_amperes");
        return voltsNull || rs.wasNull() ? Optional.empty() : Optional.of(new IrCorrection.UsableSums(samples, volts, amperes));
    }

    public List<StoredEvent> events(long sessionId) throws StoreException {
        try (PreparedStatement ps = connection.prepareStatement(
                "SELECT * FROM events WHERE session_id = ? ORDER BY id")) {
            ps.setLong(1, sessionId);
            List<StoredEvent> events = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Map<String, Double> values = Json.readMap(rs.getString("values_json"),
                            new TypeReference<Map<String, Double>>() { });
                    events.add(new StoredEvent(rs.getInt("step_index"), Instant.parse(rs.getString("wall_utc")),
                            new Event(EventKind.valueOf(rs.getString("kind")), rs.getDouble("t_s"),
                                    rs.getString("message"), values)));
                }
            }
            return events;
        } catch (SQLException e) {
            throw new StoreException("cannot read the events of session " + sessionId + " from " + location + ": "
                    + e.getMessage(), e);
        }
    }

    /**
     * The time of a step's last sample (by sequence), without reading the others; empty when it has none. What a
     * replay of stored samples plans the step's duration from before it streams them.
     */
    public java.util.OptionalDouble lastSampleTime(long sessionId, int stepIndex) throws StoreException {
        try (PreparedStatement ps = connection.prepareStatement("SELECT t_s FROM samples WHERE session_id = ? AND step_index = ?"
                + " ORDER BY seq DESC LIMIT 1")) {
            ps.setLong(1, sessionId);
            ps.setInt(2, stepIndex);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? java.util.OptionalDouble.of(rs.getDouble(1)) : java.util.OptionalDouble.empty();
            }
        } catch (SQLException e) {
            throw new StoreException("cannot read the samples of session " + sessionId + " step " + stepIndex + " from "
                    + location + ": " + e.getMessage(), e);
        }
    }

    /** A step's last sample (by sequence), without reading the others; empty when it has none. */
    public Optional<Sample> lastSample(long sessionId, int stepIndex) throws StoreException {
        Sample[] last = new Sample[1];
        try (PreparedStatement ps = connection.prepareStatement("SELECT seq FROM samples WHERE session_id = ?"
                + " AND step_index = ? ORDER BY seq DESC LIMIT 1")) {
            ps.setLong(1, sessionId);
            ps.setInt(2, stepIndex);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                forEachSampleAfter(sessionId, stepIndex, rs.getLong(1) - 1, (seq, sample) -> last[0] = sample);
            }
        } catch (SQLException e) {
            throw new StoreException("cannot read the samples of session " + sessionId + " step " + stepIndex + " from "
                    + location + ": " + e.getMessage(), e);
        }
        return Optional.ofNullable(last[0]);
    }

    /** Receives stored samples in order. */
    @FunctionalInterface
    public interface SampleVisitor {
        void visit(long sequence, Sample sample) throws StoreException;
    }

    /** Receives stored samples in order as their values, each checked as a {@link Sample} is but without one made. */
    @FunctionalInterface
    public interface SampleRowVisitor {
        void visit(long sequence, double timeSeconds, double potentialVolts, double currentAmperes, double rangeAmperes,
                   int flags, int cycle, int segment) throws StoreException;
    }

    /** Rows a sample query fetches at a time: PostgreSQL streams only with a fetch size and autocommit off. */
    static final int SAMPLE_FETCH_SIZE = 4096;

    /**
     * Streams one step's samples in sequence order, without holding them all in memory. Columns are read by position
     * (an export reads millions of rows, and every getter is a call into the driver); e_v, i_a and range_a may be
     * NULL (read as NaN), cycle and segment NULL outside a sweep (read as 0, which is what getInt gives for NULL).
     * On PostgreSQL the query runs in a read-only transaction of its own, without which the driver would fetch the
     * whole result into memory before the first row.
     */
    public void forEachSample(long sessionId, int stepIndex, SampleVisitor visitor) throws StoreException {
        forEachSampleAfter(sessionId, stepIndex, Long.MIN_VALUE, visitor);
    }

    /**
     * {@link #forEachSample} from the sample after sequence {@code afterSequence} on: what a live view that already
     * has the earlier ones asks for every half second while a run writes the step (the status page of norrlab serve).
     */
    public void forEachSampleAfter(long sessionId, int stepIndex, long afterSequence, SampleVisitor visitor)
            throws StoreException {
        forEachSampleRowAfter(sessionId, stepIndex, afterSequence, (seq, t, e, i, range, flags, cycle, segment) ->
                visitor.visit(seq, new Sample(t, e, i, range, flags, cycle, segment)));
    }

    /**
     * {@link #forEachSample} without a Sample made for each row: what the CSV export reads millions of rows with (an
     * object per row was a tenth of its reading thread's time).
     */
    public void forEachSampleRow(long sessionId, int stepIndex, SampleRowVisitor visitor) throws StoreException {
        forEachSampleRowAfter(sessionId, stepIndex, Long.MIN_VALUE, visitor);
    }

    private void forEachSampleRowAfter(long sessionId, int stepIndex, long afterSequence, SampleRowVisitor visitor)
            throws StoreException {
        boolean ownTransaction = false;
        try {
            if (dialect instanceof PostgresDialect && connection.getAutoCommit()) {
                connection.setAutoCommit(false);
                ownTransaction = true;
            }
            try {
                readSamples(sessionId, stepIndex, afterSequence, visitor);
            } finally {
                if (ownTransaction) {
                    connection.rollback();   // it only read; nothing to keep
                    connection.setAutoCommit(true);
                }
            }
        } catch (SQLException e) {
            throw new StoreException("cannot read the samples of session " + sessionId + " step " + stepIndex + " from "
                    + location + ": " + e.getMessage(), e);
        }
    }

    private void readSamples(long sessionId, int stepIndex, long afterSequence, SampleRowVisitor visitor)
            throws SQLException, StoreException {
        try (PreparedStatement ps = connection.prepareStatement("SELECT seq, t_s, e_v, i_a, range_a, flags, cycle, segment FROM samples"
                + " WHERE session_id = ? AND step_index = ? AND seq > ? ORDER BY seq")) {
            ps.setLong(1, sessionId);
            ps.setInt(2, stepIndex);
            ps.setLong(3, afterSequence);
            ps.setFetchSize(SAMPLE_FETCH_SIZE);
            try (ResultSet rs = ps.executeQuery()) {
                SampleRowColumns row = SampleRowColumns.of(ps, dialect instanceof SqliteDialect);
                while (rs.next()) {
                    row.read(rs);
                    try {
                        Sample.check(row.time, row.potential, row.current, row.flags, row.cycle, row.segment);
                    } catch (IllegalArgumentException e) {
                        throw new StoreException("sample " + row.seq + " of session " + sessionId + " step " + stepIndex
                                + " in " + location + " cannot be used: " + e.getMessage() + " (stored by a version of norrlab"
                                + " that did not refuse it); nothing is computed from it", e);
                    }
                    visitor.visit(row.seq, row.time, row.potential, row.current, row.range, row.flags, row.cycle, row.segment);
                }
            }
        }
    }

    private static Optional<Long> link(ResultSet rs, String column) throws SQLException {
        long id = rs.getLong(column);
        return rs.wasNull() ? Optional.empty() : Optional.of(id);
    }

    /** The recorded wire conversation of a session, in order (empty when it had no serial instrument). */
    public List<WireLog.Chunk> wire(long sessionId) throws StoreException {
        try (PreparedStatement ps = connection.prepareStatement(
                "SELECT t_s, direction, bytes FROM wire WHERE session_id = ? ORDER BY seq")) {
            ps.setLong(1, sessionId);
            List<WireLog.Chunk> chunks = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    chunks.add(new WireLog.Chunk(rs.getDouble(1),
                            WireLog.Direction.valueOf(rs.getString(2).toUpperCase(java.util.Locale.ROOT)),
                            rs.getBytes(3)));
                }
            }
            return chunks;
        } catch (SQLException e) {
            throw new StoreException("cannot read the wire log of session " + sessionId + " from " + location + ": "
                    + e.getMessage(), e);
        }
    }

    static double nullableDouble(ResultSet rs, String column) throws SQLException {
        return nullableDouble(rs, rs.findColumn(column));
    }

    /** A nullable REAL column read as NaN when NULL (the samples' convention for "not measured"). */
    static double nullableDouble(ResultSet rs, int column) throws SQLException {
        double value = rs.getDouble(column);
        return rs.wasNull() ? Double.NaN : value;
    }

    /** A sample's sweep cycle and segment at {@code index} and {@code index + 1}: NULL for a sample of no sweep. */
    static void setSweepPlace(PreparedStatement ps, int index, int cycle, int segment) throws SQLException {
        if (cycle > 0) {
            ps.setInt(index, cycle);
            ps.setInt(index + 1, segment);
        } else {
            ps.setNull(index, Types.INTEGER);
            ps.setNull(index + 1, Types.INTEGER);
        }
    }

    static void setNullableDouble(PreparedStatement ps, int index, double value) throws SQLException {
        if (Double.isNaN(value)) {
            ps.setNull(index, Types.DOUBLE);
        } else {
            ps.setDouble(index, value);
        }
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            log.error("closing the session database {} failed", location, e);
        }
    }
}
