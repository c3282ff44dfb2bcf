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
        // sqlite-jdbc's driver directly, not DriverManager: that first loads every JDBC driver on the class path
        // (PostgreSQL's too, with java.util.logging), a tenth of a short command's start (issue 23)
        Connection connection = org.sqlite.JDBC.createConnection(location.url(), new java.util.Properties());
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
        return org.sqlite.JDBC.createConnection(url, config.toProperties());   // as connect(): no DriverManager
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

    /**
     * Samples go in by a prepared INSERT of {@value SampleColumns#ROWS_PER_INSERT} rows at a time, run as a JDBC
     * batch, and the rows of a flush that do not fill one by the one-row INSERT, all within the caller's transaction.
     * sqlite-jdbc crosses into SQLite once per bound value and once per row for the statement's reset and step: the
     * many-row statement steps once for all its rows, binds the session and step once (?1, ?2: a group is one
     * step's samples), and leaves out the sweep columns when no sample in it has a sweep place (they are NULL then).
     * That takes 1 M rows in about 0.6 of the time of the one-row batch (issue 23, BENCHMARKS.md). A live run's
     * flushes (a quarter second of samples) mostly go in by the one-row INSERT.
     */
    @Override
    public SampleInserter sampleInserter(Connection connection) throws SQLException {
        PreparedStatement sweepRows = connection.prepareStatement(SampleColumns.insertOfSteps(SampleColumns.ROWS_PER_INSERT, true));
        PreparedStatement plainRows = connection.prepareStatement(SampleColumns.insertOfSteps(SampleColumns.ROWS_PER_INSERT, false));
        PreparedStatement runRows = connection.prepareStatement(SampleColumns.insertOfRun(SampleColumns.ROWS_PER_INSERT));
        PreparedStatement oneRow = connection.prepareStatement(SampleColumns.INSERT);
        return new SampleInserter() {
            /** The rows of the group being gathered, all of one session and step. */
            private final long[] sequences = new long[SampleColumns.ROWS_PER_INSERT];
            private final Sample[] held = new Sample[SampleColumns.ROWS_PER_INSERT];
            private long heldSession;
            private int heldStep;
            private int count;
            private boolean heldSweep;
            /** Whether the held rows' sequence numbers follow on from one another and they share range and flags. */
            private boolean heldRun;
            private int sweepGroups;
            private int plainGroups;
            private int runGroups;

            @Override
            protected void append(long sessionId, int stepIndex, long sequence, Sample s) throws SQLException {
                if (count > 0 && (sessionId != heldSession || stepIndex != heldStep)) {
                    writeHeldOneByOne();   // a group is one step's: this one ends early
                }
                if (count == 0) {
                    heldSession = sessionId;
                    heldStep = stepIndex;
                    heldSweep = false;
                    heldRun = true;
                } else if (heldRun) {
                    Sample first = held[0];
                    heldRun = sequence == sequences[0] + count && s.flags() == first.flags()
                            && Double.doubleToRawLongBits(s.rangeAmperes()) == Double.doubleToRawLongBits(first.rangeAmperes());
                }
                sequences[count] = sequence;
                held[count] = s;
                heldSweep |= s.cycle() > 0;
                if (++count == SampleColumns.ROWS_PER_INSERT) {
                    bindGroup();
                }
            }

            private void bindGroup() throws SQLException {
                if (heldRun && !heldSweep) {
                    bindRun();
                    return;
                }
                PreparedStatement insert = heldSweep ? sweepRows : plainRows;
                int perRow = heldSweep ? SampleColumns.OWN_WITH_SWEEP : SampleColumns.OWN_WITHOUT_SWEEP;
                insert.setLong(1, heldSession);
                insert.setInt(2, heldStep);
                for (int k = 0, p = 3; k < count; k++, p += perRow) {
                    bindOwn(insert, p, sequences[k], held[k], heldSweep);
                }
                insert.addBatch();
                if (heldSweep) {
                    sweepGroups++;
                } else {
                    plainGroups++;
                }
                forgetHeld();
            }

            /** The held rows by {@link SampleColumns#insertOfRun}: the shared values once, three of each row's own. */
            private void bindRun() throws SQLException {
                Sample first = held[0];
                runRows.setLong(1, heldSession);
                runRows.setInt(2, heldStep);
                runRows.setLong(3, sequences[0]);
                SessionStore.setNullableDouble(runRows, 4, first.rangeAmperes());
                runRows.setInt(5, first.flags());
                for (int k = 0, p = 6; k < count; k++, p += SampleColumns.OWN_IN_RUN) {
                    Sample s = held[k];
                    runRows.setDouble(p, s.timeSeconds());
                    SessionStore.setNullableDouble(runRows, p + 1, s.potentialVolts());
                    SessionStore.setNullableDouble(runRows, p + 2, s.currentAmperes());
                }
                runRows.addBatch();
                runGroups++;
                forgetHeld();
            }

            private void writeHeldOneByOne() throws SQLException {
                for (int k = 0; k < count; k++) {
                    oneRow.setLong(1, heldSession);
                    oneRow.setInt(2, heldStep);
                    bindOwn(oneRow, 3, sequences[k], held[k], true);   // the one-row INSERT names every column
                    oneRow.addBatch();
                }
                forgetHeld();
            }

            @Override
            protected void write() throws SQLException {
                if (sweepGroups > 0) {
                    sweepRows.executeBatch();
                    sweepGroups = 0;
                }
                if (plainGroups > 0) {
                    plainRows.executeBatch();
                    plainGroups = 0;
                }
                if (runGroups > 0) {
                    runRows.executeBatch();
                    runGroups = 0;
                }
                writeHeldOneByOne();
                oneRow.executeBatch();
            }

            @Override
            protected void clear() {
                try {
                    sweepRows.clearBatch();
                    plainRows.clearBatch();
                    runRows.clearBatch();
                    oneRow.clearBatch();
                } catch (SQLException e) {
                    throw new IllegalStateException("cannot clear the batch of a prepared statement", e);
                }
                sweepGroups = 0;
                plainGroups = 0;
                runGroups = 0;
                forgetHeld();
            }

            private void forgetHeld() {
                count = 0;   // the held samples are overwritten by the next group (256 references kept meanwhile)
            }

            @Override
            public void close() throws SQLException {
                try (oneRow; plainRows; runRows) {
                    sweepRows.close();
                }
            }
        };
    }

    /**
     * A sample's own values from parameter {@code p} on, in the order of {@link SampleColumns#insertOfSteps} (and of
     * the one-row INSERT after its session and step): seq, t_s, e_v, i_a, range_a, flags, then cycle and segment when
     * {@code sweep}.
     */
    private static void bindOwn(PreparedStatement insert, int p, long sequence, Sample s, boolean sweep)
            throws SQLException {
        insert.setLong(p, sequence);
        insert.setDouble(p + 1, s.timeSeconds());
        SessionStore.setNullableDouble(insert, p + 2, s.potentialVolts());
        SessionStore.setNullableDouble(insert, p + 3, s.currentAmperes());
        SessionStore.setNullableDouble(insert, p + 4, s.rangeAmperes());
        insert.setInt(p + 5, s.flags());
        if (sweep) {
            SessionStore.setSweepPlace(insert, p + 6, s.cycle(), s.segment());
        }
    }
}
