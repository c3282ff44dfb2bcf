package org.norrlab.runalert;

import org.norrlab.alert.AlertDispatcher;
import org.norrlab.store.AlertDeliveryStore;
import org.norrlab.store.SessionStore;
import org.norrlab.store.StoreException;
import org.norrlab.store.StoreLocation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Writes what became of a run's alerts into its session's store, on a thread of its own: the dispatcher tells outcomes
 * on the channel's thread (or the run's, for a drop), and a store that is slow or has failed (the very thing a
 * store-failure alert is about) must hold up neither. The queue is bounded; a delivery that does not fit, or that the
 * store refuses, is logged and not recorded. The store is opened on the first delivery and kept open until
 * {@link #close}.
 */
final class DeliveryRecorder {
    private static final Logger LOG = LoggerFactory.getLogger(DeliveryRecorder.class);
    /** Alerts × channels of one run: a few dozen; a thousand waiting means the store does not answer. */
    private static final int QUEUE = 1000;

    private final StoreLocation database;
    private final BlockingQueue<AlertDeliveryStore.Delivery> queue = new ArrayBlockingQueue<>(QUEUE);
    private final Thread thread;
    private volatile boolean closing;
    /** Deliveries handed in, recorded, and given up (queue full, store refused); guarded by this. */
    private long handed;
    private long recorded;
    private long lost;

    DeliveryRecorder(StoreLocation database) {
        this.database = database;
        this.thread = new Thread(this::loop, "alert deliveries into " + database.shortName());
        // Daemon: a store that hangs must not keep a finished norrlab from exiting; close() gives it its time.
        this.thread.setDaemon(true);
        this.thread.start();
    }

    /** Queues one settled alert of session {@code sessionId}; returns at once. */
    void settled(long sessionId, AlertDispatcher.Delivery d) {
        AlertDeliveryStore.Delivery row = new AlertDeliveryStore.Delivery(sessionId, d.channel(),
                d.alert().kind().words(), d.alert().time(), outcome(d.result()), d.attempts(), d.reason(), Instant.now());
        synchronized (this) {
            handed++;
        }
        if (closing || !queue.offer(row)) {
            synchronized (this) {
                lost++;
                notifyAll();
            }
            LOG.error("the outcome of a {} alert on {} ({}) is not recorded with session {}: {}", row.kind(), row.channel(),
                    row.outcome().dbName(), sessionId, closing ? "the run's alerts are closed" : QUEUE
                            + " outcomes wait for the store");
        }
    }

    private static AlertDeliveryStore.Outcome outcome(AlertDispatcher.Result result) {
        return switch (result) {
            case SENT -> AlertDeliveryStore.Outcome.SENT;
            case FAILED -> AlertDeliveryStore.Outcome.FAILED;
            case DROPPED -> AlertDeliveryStore.Outcome.DROPPED;
        };
    }

    /** Recorded so far, for tests and the closing line. */
    synchronized long recorded() {
        return recorded;
    }

    /**
     * Until every delivery handed in so far is recorded (or given up), or the deadline (System.nanoTime()): a shutdown
     * after Ctrl-C waits for this, since the JVM does not wait for this daemon thread.
     */
    synchronized boolean awaitIdle(long deadline) {
        return MonitorWait.until(this, () -> recorded + lost >= handed, deadline);
    }

    /** Records what is queued, for up to {@code wait}; then stops. Whether everything queued was recorded. */
    boolean close(Duration wait) {
        closing = true;
        thread.interrupt();
        try {
            thread.join(Math.max(1, wait.toMillis()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (thread.isAlive()) {
            LOG.error("the store {} did not take the outcomes of the run's alerts within {} ms; {} not recorded",
                    database, wait.toMillis(), queue.size());
            return false;
        }
        return queue.isEmpty();
    }

    private void loop() {
        SessionStore store = null;
        try {
            while (true) {
                List<AlertDeliveryStore.Delivery> rows = new ArrayList<>();
                try {
                    AlertDeliveryStore.Delivery first = closing ? queue.poll() : queue.poll(1, TimeUnit.SECONDS);
                    if (first == null) {
                        if (closing) {
                            return;
                        }
                        continue;
                    }
                    rows.add(first);
                } catch (InterruptedException e) {
                    // close(): record what is queued, then stop
                    closing = true;
                    continue;
                }
                queue.drainTo(rows);
                try {
                    if (store == null) {
                        store = SessionStore.open(database);
                    }
                    store.alertDeliveries().record(rows);
                    synchronized (this) {
                        recorded += rows.size();
                        notifyAll();
                    }
                } catch (StoreException | RuntimeException e) {
                    synchronized (this) {
                        lost += rows.size();
                        notifyAll();
                    }
                    LOG.error("{} alert outcomes could not be recorded in {}", rows.size(), database, e);
                    if (store != null) {
                        store.close();
                        store = null;   // opened afresh for the next ones: the store may be back
                    }
                }
            }
        } finally {
            if (store != null) {
                store.close();
            }
        }
    }
}
