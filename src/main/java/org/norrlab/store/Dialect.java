package org.norrlab.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * What differs between the databases a {@link SessionStore} can live in. Everything else (the
 * tables, every query, the writer's order of work) is the same SQL on both.
 */
interface Dialect {

    static Dialect of(StoreLocation location) {
        return location.isPostgres() ? new PostgresDialect() : new SqliteDialect();
    }

    /** A new connection, set up for this database (SQLite: WAL, busy timeout, foreign keys). */
    Connection connect(StoreLocation location) throws SQLException;

    /**
     * Why this store can only be read (an SQLite file or folder the operator may not write), or empty when it
     * can be written; asked before connecting, so that a read-only file is opened read-only instead of failing.
     */
    default java.util.Optional<String> readOnlyReason(StoreLocation location) {
        return java.util.Optional.empty();
    }

    /** A connection that only reads, for a store {@link #readOnlyReason} names read-only. */
    default Connection connectReadOnly(StoreLocation location) throws SQLException {
        return connect(location);
    }

    /** The name of this database in the schema files of one database only: {@code schema-vN.NAME.sql}. */
    String name();

    /**
     * True when a statement failed only because another connection held the database's write lock (SQLite's
     * SQLITE_BUSY and SQLITE_LOCKED): waiting and doing the transaction again succeeds.
     */
    default boolean isBusy(SQLException e) {
        return false;
    }

    /**
     * True when a failed COMMIT may still have taken effect: the connection broke after the command was sent, so
     * only the server knows. A local file (SQLite) either committed or rolled back before the call returned.
     */
    default boolean commitMayHaveLanded(SQLException e) {
        return false;
    }

    /** The schema version the database is at (0 when it is empty). */
    int schemaVersion(Statement s) throws SQLException;

    /** Starts the migration transaction and takes a lock that keeps a second process from migrating at once. */
    void beginMigration(Connection connection) throws SQLException;

    /** Ends the migration transaction: commits it, or rolls it back. */
    void endMigration(Connection connection, boolean commit) throws SQLException;

    void recordSchemaVersion(Statement s, int version) throws SQLException;

    /** One statement of the shared schema files (written in SQLite's types) as this database needs it. */
    String translate(String statement);

    /** Reports a damaged database before anything is written into it. */
    void checkIntegrity(Connection connection, StoreLocation location) throws SQLException, StoreException;

    /**
     * The clock that heartbeats and the cut-off check share. Benches writing into one PostgreSQL store
     * run on several PCs whose clocks may differ by more than the cut-off time: there it is the server's.
     */
    java.time.Instant now(Connection connection) throws SQLException;

    /**
     * Makes every later wait for an answer on this connection give up after {@code wait}, so that the end of a
     * run is not held by a server that stopped answering. SQLite answers from a local file and has nothing to bound.
     */
    default void limitWaits(Connection connection, java.time.Duration wait) throws SQLException {
    }

    /**
     * Cuts a connection off from another thread, so that a call waiting on it fails at once; false where that
     * cannot be done (SQLite: its waits are for a local file and end by themselves).
     */
    default boolean abandon(Connection connection) throws SQLException {
        return false;
    }

    /** The fastest way this database takes a run's samples in. */
    SampleInserter sampleInserter(Connection connection) throws SQLException;
}
