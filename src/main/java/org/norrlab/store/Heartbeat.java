package org.norrlab.store;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A session's sign of life: while this process runs (or imports) the session, one thread of its own,
 * with a connection of its own, writes {@code sessions.heartbeat_utc} every {@link #interval()}, whatever
 * the data rate, a pause between steps or a reconnect in progress. The thread is a daemon: it dies with
 * the process, so a heartbeat older than {@link #cutOff()} means the process is gone. The clock is the
 * store's ({@link Dialect#now}), which the cut-off check reads too.
 */
public final class Heartbeat implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Heartbeat.class);
    /** Milliseconds between beats; tests shorten it (the cut-off follows). */
    public static final String INTERVAL_PROPERTY = "norrlab.heartbeat.ms";
    private static final long DEFAULT_INTERVAL_MS = 5_000;
    /**
     * Beats a session may miss before it counts as cut off: a store too busy or a network too slow for one
     * beat, or for several, does not make a live run look dead.
     */
    public static final int CUT_OFF_BEATS = 12;

    private final StoreLocation location;
    private final Dialect dialect;
    private final long sessionId;
    private final ScheduledExecutorService clock;
    /** Held by a beat in progress; the connection is only used, opened and closed under it. */
    private final ReentrantLock beating = new ReentrantLock();
    private Connection connection;
    private PreparedStatement beat;
    private boolean failing;
    private volatile boolean closed;

    private Heartbeat(StoreLocation location, Dialect dialect, long sessionId) {
        this.location = location;
        this.dialect = dialect;
        this.sessionId = sessionId;
        ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, runnable -> {
            Thread thread = new Thread(runnable, "heartbeat-session-" + sessionId);
            thread.setDaemon(true);
            return thread;
        });
        executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        this.clock = executor;
    }

    /** The time between two beats: 5 s, or the system property {@value #INTERVAL_PROPERTY} in milliseconds. */
    public static Duration interval() {
        long millis = Long.getLong(INTERVAL_PROPERTY, DEFAULT_INTERVAL_MS);
        return Duration.ofMillis(millis > 0 ? millis : DEFAULT_INTERVAL_MS);
    }

    /** A running session whose heartbeat is older than this ({@value #CUT_OFF_BEATS} beats; 60 s) was cut off. */
    public static Duration cutOff() {
        return interval().multipliedBy(CUT_OFF_BEATS);
    }

    private static final long CLOSE_WAIT_MS = 2000;

    /** Beats once now, then every {@link #interval()} until {@link #close()}. */
    static Heartbeat start(StoreLocation location, Dialect dialect, long sessionId) {
        Heartbeat heartbeat = new Heartbeat(location, dialect, sessionId);
        long every = interval().toMillis();
        heartbeat.clock.scheduleAtFixedRate(heartbeat::beat, 0, every, TimeUnit.MILLISECONDS);
        return heartbeat;
    }

    /** On the heartbeat's thread only. A failed beat is logged and the next one reconnects. */
    private void beat() {
        beating.lock();
        try {
            if (closed) {
                return;
            }
            if (connection == null) {
                connection = dialect.connect(location);
                beat = connection.prepareStatement("UPDATE sessions SET heartbeat_utc = ? WHERE id = ?");
            }
            beat.setString(1, dialect.now(connection).toString());
            beat.setLong(2, sessionId);
            beat.executeUpdate();
            if (failing) {
                log.info("heartbeat of session {} in {} written again", sessionId, location);
                failing = false;
            }
        } catch (SQLException e) {
            if (!failing) {
                log.warn("heartbeat of session {} could not be written to {} (tried again every {} ms; the session counts"
                        + " as cut off after {} s without one): {}", sessionId, location, interval().toMillis(),
                        cutOff().toSeconds(), e.getMessage());
                failing = true;
            }
            closeConnection();
        } finally {
            if (closed) {
                closeConnection();   // close() came during this beat and left the connection to it
            }
            beating.unlock();
        }
    }

    private void closeConnection() {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException e) {
                log.warn("closing the heartbeat connection of session {} to {} failed", sessionId, location, e);
            }
            connection = null;
            beat = null;
        }
    }

    /**
     * Stops beating (the session has ended, or the process gives it up). A beat in progress is waited for up to
     * {@value #CLOSE_WAIT_MS} ms; on a store that does not answer it can take far longer, and is then left to close
     * its connection when it is done.
     */
    @Override
    public void close() {
        closed = true;
        clock.shutdownNow();
        try {
            // A beat under way on a store that answers ends within moments: waiting for it means no connection of
            // this heartbeat is left open when close() returns (the last one to close a SQLite file checkpoints it,
            // and a caller may read or copy the file next: CI once saw ReadOnlyStoreTest's file change under it).
            clock.awaitTermination(CLOSE_WAIT_MS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (beating.tryLock()) {
            try {
                closeConnection();
            } finally {
                beating.unlock();
            }
        }
    }
}
