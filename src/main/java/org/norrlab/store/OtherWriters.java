package org.norrlab.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * How an import shares an SQLite file's one write lock. While another session of the same file is running or
 * importing, the import commits every {@value #SHARED_ROWS} rows and then waits as long as it held the lock, so that a
 * run's writer gets it at least half the time and never waits long. Alone, it commits every {@value #ALONE_ROWS} rows
 * or {@value #ALONE_MILLIS} ms, whichever comes first, and never waits: the pauses cost half an import's time and
 * protect nobody. Whether anyone else writes is asked again at most every {@value #RECHECK_MILLIS} ms, so a run that
 * starts during a long import is noticed within a second. A PostgreSQL server takes writes side by side: there the
 * import always runs as if alone.
 */
final class OtherWriters {
    static final int SHARED_ROWS = SessionStore.IMPORT_ROWS_PER_TRANSACTION;
    static final int ALONE_ROWS = 65_536;
    static final long ALONE_MILLIS = 250;
    static final long RECHECK_MILLIS = 1000;

    private final Connection connection;
    private final long sessionId;
    private final boolean sharedLock;
    private boolean others;
    private long checkedAt;
    private long transactionBegan;

    /** The policy of the import of {@code sessionId}; {@code sharedLock}: the database has one write lock (SQLite). */
    OtherWriters(Connection connection, long sessionId, boolean sharedLock) {
        this.connection = connection;
        this.sessionId = sessionId;
        this.sharedLock = sharedLock;
        this.checkedAt = Long.MIN_VALUE;
        // not known before the first commit asks: its transaction is a short one, as if others wrote
        this.others = sharedLock;
        this.transactionBegan = System.nanoTime();
    }

    /** Whether the transaction holding {@code pendingRows} rows should commit now. */
    boolean commitDue(int pendingRows) {
        if (others) {
            return pendingRows >= SHARED_ROWS;
        }
        // the clock is read once in a while only: a 4096-row step takes a few ms
        return pendingRows >= ALONE_ROWS || (pendingRows & (SHARED_ROWS - 1)) == 0 && pendingRows > 0
                && System.nanoTime() - transactionBegan >= ALONE_MILLIS * 1_000_000;
    }

    /**
     * After a commit: pauses as long as the transaction held the lock when others write into the file, and asks again
     * (at most once a second) whether they do. The question is a read in a transaction of its own, ended at once, so
     * that the import's next write never upgrades a stale read snapshot (SQLITE_BUSY_SNAPSHOT).
     */
    void committed() throws SQLException, InterruptedException {
        long now = System.nanoTime();
        if (others) {
            Thread.sleep(Math.max((now - transactionBegan) / 1_000_000, 1));
        }
        if (sharedLock && (checkedAt == Long.MIN_VALUE || now - checkedAt >= RECHECK_MILLIS * 1_000_000)) {
            others = othersWriting();
            checkedAt = System.nanoTime();
        }
        transactionBegan = System.nanoTime();
    }

    /** Whether, at the last look, another session of the file was running or importing. */
    boolean othersPresent() {
        return others;
    }

    private boolean othersWriting() throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("SELECT count(*) FROM sessions WHERE id <> ?"
                + " AND status IN ('" + SessionStatus.RUNNING.dbName() + "', '" + SessionStatus.IMPORTING.dbName() + "')")) {
            ps.setLong(1, sessionId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() && rs.getLong(1) > 0;
            }
        } finally {
            connection.commit();
        }
    }
}
