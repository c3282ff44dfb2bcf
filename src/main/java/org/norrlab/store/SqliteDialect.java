package org.norrlab.store;

import org.norrlab.core.Sample;

import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.Set;

/** One SQLite file in WAL mode, so that a reader (a report, the GUI) never blocks the writer. */
final class SqliteDialect implements Dialect {
    /** How long a statement waits for another connection's write lock before it fails with SQLITE_BUSY. */
    private static final int BUSY_TIMEOUT_MS = 5000;

    @Override
    public Connection connect(StoreLocation location) throws SQLException {
        Connection connection = DriverManager.getConnection(location.url());
        try (Statement s = connection.createStatement()) {
            s.execute("PRAGMA busy_timeout = " + BUSY_TIMEOUT_MS);
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
    public String name() {
        return "sqlite";
    }

    /**
     * Read-only when the system refuses writing the file or its folder (WAL needs its -wal and -shm files
     * beside the database), or when nobody has write permission on either: root may write anyway, but the
     * operator who took the write permission away meant the file to be kept as it is.
     */
    @Override
    public Optional<String> readOnlyReason(StoreLocation location) {
        Path file = location.file().orElseThrow();
        Path folder = file.getParent();
        if (!Files.exists(file)) {
            return folder != null && Files.isDirectory(folder) && !writable(folder)
                    ? Optional.of("its folder " + folder + " is read-only, so no database can be created there")
                    : Optional.empty();
        }
        if (!writable(file)) {
            return Optional.of("the file " + file + " is read-only");
        }
        if (folder != null && !writable(folder)) {
            return Optional.of("its folder " + folder + " is read-only");
        }
        return Optional.empty();
    }

    private static boolean writable(Path path) {
        return Files.isWritable(path) && anyoneMayWrite(path);
    }

    private static boolean anyoneMayWrite(Path path) {
        try {
            Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(path);
            return permissions.contains(PosixFilePermission.OWNER_WRITE) || permissions.contains(PosixFilePermission.GROUP_WRITE)
                    || permissions.contains(PosixFilePermission.OTHERS_WRITE);
        } catch (UnsupportedOperationException | IOException e) {
            return true;   // no POSIX permissions (Windows): Files.isWritable has answered
        }
    }

    /**
     * Opened read-only and left in the journal mode it has (switching to WAL writes the file). A WAL file
     * in a folder nobody may write cannot get its -shm file: SQLite then reads it as immutable.
     */
    @Override
    public Connection connectReadOnly(StoreLocation location) throws SQLException {
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(true);
        config.setBusyTimeout(BUSY_TIMEOUT_MS);
        Path file = location.file().orElseThrow();
        Path shm = file.resolveSibling(file.getFileName() + "-shm");
        boolean folderWritable = file.getParent() == null || writable(file.getParent());
        String url = folderWritable || Files.exists(shm) ? location.url() : "jdbc:sqlite:" + file.toUri() + "?immutable=1";
        return DriverManager.getConnection(url, config.toProperties());
    }

    /** SQLITE_BUSY (5) and SQLITE_LOCKED (6), with their extended codes, wherever the driver put them. */
    @Override
    public boolean isBusy(SQLException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLiteException sqlite) {
                int primary = sqlite.getResultCode().code & 0xff;
                return primary == SQLiteErrorCode.SQLITE_BUSY.code || primary == SQLiteErrorCode.SQLITE_LOCKED.code;
            }
            String message = String.valueOf(t.getMessage());
            if (message.contains("[SQLITE_BUSY") || message.contains("[SQLITE_LOCKED")) {
                return true;
            }
        }
        return false;
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
        // first, then the version is read again, so that only one of them builds the schema. Foreign keys are
        // off while tables are rebuilt (schema 9), as SQLite's documentation says; the pragma works only
        // outside a transaction.
        try (Statement s = connection.createStatement()) {
            s.execute("PRAGMA foreign_keys = OFF");
            s.execute("BEGIN IMMEDIATE");
        }
    }

    @Override
    public void endMigration(Connection connection, boolean commit) throws SQLException {
        try (Statement s = connection.createStatement()) {
            try {
                s.execute(commit ? "COMMIT" : "ROLLBACK");
            } finally {
                s.execute("PRAGMA foreign_keys = ON");
            }
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
        PreparedStatement insert = connection.prepareStatement(SampleColumns.INSERT);
        return new SampleInserter() {
            @Override
            protected void append(long sessionId, int stepIndex, long sequence, Sample s) throws SQLException {
                insert.setLong(1, sessionId);
                insert.setInt(2, stepIndex);
                insert.setLong(3, sequence);
                insert.setDouble(4, s.timeSeconds());
                SessionStore.setNullableDouble(insert, 5, s.potentialVolts());
                SessionStore.setNullableDouble(insert, 6, s.currentAmperes());
                SessionStore.setNullableDouble(insert, 7, s.rangeAmperes());
                insert.setInt(8, s.flags());
                SessionStore.setSweepPlace(insert, 9, s.cycle(), s.segment());
                insert.addBatch();
            }

            @Override
            protected void write() throws SQLException {
                insert.executeBatch();
            }

            @Override
            protected void clear() {
                try {
                    insert.clearBatch();
                } catch (SQLException e) {
                    throw new IllegalStateException("cannot clear the batch of a prepared statement", e);
                }
            }

            @Override
            public void close() throws SQLException {
                insert.close();
            }
        };
    }
}
