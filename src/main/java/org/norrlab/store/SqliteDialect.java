package org.norrlab.store;

import org.norrlab.core.Sample;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** One SQLite file in WAL mode, so that a reader (a report, the GUI) never blocks the writer. */
final class SqliteDialect implements Dialect {

    @Override
    public Connection connect(StoreLocation location) throws SQLException {
        Connection connection = DriverManager.getConnection(location.url());
        try (Statement s = connection.createStatement()) {
            s.execute("PRAGMA busy_timeout = 5000");
            s.execute("PRAGMA journal_mode = WAL");
            // NORMAL in WAL mode: a commit survives a process crash; only a power cut may lose the last commits.
            s.execute("PRAGMA synchronous = NORMAL");
            s.execute("PRAGMA foreign_keys = ON");
        } catch (SQLException e) {
            connection.close();
            throw e;
        }
        return connection;
    }

    @Override
    public int schemaVersion(Statement s) throws SQLException {
        try (ResultSet rs = s.executeQuery("PRAGMA user_version")) {
            return rs.next() ? rs.getInt(1) : 0;
        }
    }

    @Override
    public void beginMigration(Connection connection) throws SQLException {
        // Several processes (or benches of one lab) may open a new database at once: the write lock comes
        // first, then the version is read again, so that only one of them builds the schema.
        try (Statement s = connection.createStatement()) {
            s.execute("BEGIN IMMEDIATE");
        }
    }

    @Override
    public void endMigration(Connection connection, boolean commit) throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute(commit ? "COMMIT" : "ROLLBACK");
        }
    }

    @Override
    public void recordSchemaVersion(Statement s, int version) throws SQLException {
        s.execute("PRAGMA user_version = " + version);
    }

    @Override
    public String translate(String statement) {
        return statement;
    }

    /**
     * SQLite's own check of the whole file. It reads every page (about 2.4 s for a 440 MiB database
     * holding a 24 h, 100 Hz session), so only runs and imports ask for it: SQLite reports a damaged
     * page that a query reads as an error anyway.
     */
    @Override
    public void checkIntegrity(Connection connection, StoreLocation location) throws SQLException, StoreException {
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery("PRAGMA quick_check")) {
            String result = rs.next() ? rs.getString(1) : "no answer";
            if (!"ok".equals(result)) {
                throw new StoreException(location.describe() + " is damaged (SQLite integrity check: " + result
                        + "); keep a copy of it, then recover what can be read with the sqlite3 tool's .recover command"
                        + " into a new file");
            }
        }
    }

    /** The file is on this PC: its clock is the only one that writes heartbeats into it. */
    @Override
    public java.time.Instant now(Connection connection) {
        return java.time.Instant.now();
    }

    /** A prepared INSERT run as a JDBC batch: SQLite does the rest within the one transaction. */
    @Override
    public SampleInserter sampleInserter(Connection connection) throws SQLException {
        PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO samples (session_id, step_index, seq, t_s, e_v, i_a, range_a, flags) VALUES (?,?,?,?,?,?,?,?)");
        return new SampleInserter() {
            @Override
            protected void append(long sessionId, int stepIndex, long sequence, Sample s) throws SQLException {
                insert.setLong(1, sessionId);
                insert.setInt(2, stepIndex);
                insert.setLong(3, sequence);
                insert.setDouble(4, s.timeSeconds());
                insert.setDouble(5, s.potentialVolts());
                SessionStore.setNullableDouble(insert, 6, s.currentAmperes());
                SessionStore.setNullableDouble(insert, 7, s.rangeAmperes());
                insert.setInt(8, s.flags());
                insert.addBatch();
            }

            @Override
            protected void write() throws SQLException {
                insert.executeBatch();
            }

            @Override
            public void close() throws SQLException {
                insert.close();
            }
        };
    }
}
