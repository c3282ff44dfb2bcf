package org.norrlab.alert;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * Hands alerts to their channels without ever holding up the caller, which is the run's own thread. Each channel has
 * its own daemon thread and its own bounded queue: a server that accepts the connection and never answers stalls only
 * its own channel, and a night of such stalls fills only its own queue, whose oldest alert is then dropped (with a
 * warning) rather than the caller made to wait. Every failure is logged; the channel's name is the only part of its
 * address that is (secrets live in URLs).
 */
public final class AlertDispatcher implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(AlertDispatcher.class);

    /** Alerts come a few per run; 100 waiting on one channel means that channel is down, not that it is busy. */
    public static final int DEFAULT_QUEUE = 100;
    /** What {@link #close()} gives queued alerts: enough for a retry or two, not enough to hang a finished command. */
    public static final Duration DEFAULT_CLOSE_WAIT = Duration.ofSeconds(10);

    /** What became of the alerts handed to one channel so far. */
    public record Counts(String channel, long sent, long failed, long dropped) {
    }

    private final List<Lane> lanes = new ArrayList<>();

    public AlertDispatcher(List<? extends AlertChannel> channels) {
        this(channels, DEFAULT_QUEUE, Retry.DEFAULT);
    }

    public AlertDispatcher(List<? extends AlertChannel> channels, int queueCapacity, Retry retry) {
        if (queueCapacity < 1) {
            throw new IllegalArgumentException("queue capacity must be at least 1, was " + queueCapacity);
        }
        for (AlertChannel channel : channels) {
            lanes.add(new Lane(channel, queueCapacity, retry));
        }
        lanes.forEach(Lane::start);
    }

    /** Queues the alert on every channel and returns at once, whatever state the channels are in. */
    public void submit(Alert alert) {
        for (Lane lane : lanes) {
            lane.offer(alert);
        }
    }

    /** Sent, failed (given up after every retry) and dropped (queue full, or after close) per channel, in order. */
    public List<Counts> counts() {
        return lanes.stream().map(Lane::counts).toList();
    }

    /** {@link #close(Duration)} with {@link #DEFAULT_CLOSE_WAIT}. */
    @Override
    public void close() {
        close(DEFAULT_CLOSE_WAIT);
    }

    /**
     * Takes no more alerts and gives the queued ones up to {@code wait} in all to go out; a channel still busy then is
     * interrupted and its remaining alerts are counted failed and logged.
     *
     * @return whether every channel finished its queue within the wait
     */
    public boolean close(Duration wait) {
        lanes.forEach(Lane::shutdown);
        long deadline = System.nanoTime() + wait.toNanos();
        boolean all = true;
        for (Lane lane : lanes) {
            long left = Math.max(0, deadline - System.nanoTime());
            try {
                lane.thread.join(Math.max(1, left / 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (lane.thread.isAlive()) {
                all = false;
                lane.thread.interrupt();
            }
        }
        return all;
    }

    /** One channel's queue, thread and counts. The queue and counts are guarded by the lane itself. */
    private static final class Lane {
        private final AlertChannel channel;
        private final int capacity;
        private final Retry retry;
        private final ArrayDeque<Alert> queue = new ArrayDeque<>();
        private final Thread thread;
        private boolean closing;
        private long sent;
        private long failed;
        private long dropped;

        Lane(AlertChannel channel, int capacity, Retry retry) {
            this.channel = channel;
            this.capacity = capacity;
            this.retry = retry;
            // Daemon: an alert still being retried must not keep a finished norrlab from exiting.
            this.thread = new Thread(this::loop, "alert " + channel.name());
            this.thread.setDaemon(true);
        }

        void start() {
            thread.start();
        }

        void offer(Alert alert) {
            Alert oldest = null;
            boolean refused;
            synchronized (this) {
                refused = closing;
                if (refused) {
                    dropped++;
                } else {
                    if (queue.size() == capacity) {
                        oldest = queue.pollFirst();
                        dropped++;
                    }
                    queue.addLast(alert);
                    notifyAll();
                }
            }
            // Logged outside the lock, so that the channel's thread is never kept waiting on a log file.
            if (refused) {
                LOG.warn("Alert channel {} is closed; not sent: {}", channel.name(), describe(alert));
            } else if (oldest != null) {
                LOG.warn("Alert channel {} has {} alerts waiting (it is not delivering); dropped the oldest: {}",
                        channel.name(), capacity, describe(oldest));
            }
        }

        synchronized void shutdown() {
            closing = true;
            notifyAll();
        }

        synchronized Counts counts() {
            return new Counts(channel.name(), sent, failed, dropped);
        }

        private void loop() {
            while (true) {
                Alert alert;
                synchronized (this) {
                    while (queue.isEmpty() && !closing) {
                        try {
                            wait();
                        } catch (InterruptedException e) {
                            closing = true;
                        }
                    }
                    if (queue.isEmpty()) {
                        return;
                    }
                    alert = queue.pollFirst();
                }
                if (!deliver(alert)) {
                    if (Thread.currentThread().isInterrupted()) {
                        giveUpRest();
                        return;
                    }
                }
            }
        }

        /** One alert, tried until sent or out of tries; whether it was sent. */
        private boolean deliver(Alert alert) {
            for (int attempt = 1; ; attempt++) {
                String reason;
                try {
                    channel.send(alert);
                    synchronized (this) {
                        sent++;
                    }
                    return true;
                } catch (IOException e) {
                    reason = e.getMessage();
                } catch (RuntimeException e) {
                    // A bug in a channel must not end its thread: every later alert would queue up unseen. Only the
                    // class is logged; a runtime exception's message from an HTTP library may quote the URL.
                    reason = "unexpected " + e.getClass().getName();
                }
                boolean last = attempt >= retry.attempts() || Thread.currentThread().isInterrupted();
                if (last) {
                    synchronized (this) {
                        failed++;
                    }
                    LOG.error("Alert not delivered on {} after {} attempt{}: {}. Lost: {}", channel.name(), attempt,
                            attempt == 1 ? "" : "s", reason, describe(alert));
                    return false;
                }
                Duration wait = retry.after(attempt);
                LOG.warn("Alert channel {} attempt {} of {} failed: {}; trying again in {} ms", channel.name(),
                        attempt, retry.attempts(), reason, wait.toMillis());
                try {
                    Thread.sleep(wait.toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    synchronized (this) {
                        failed++;
                    }
                    LOG.error("Alert not delivered on {}: closed while waiting to try again. Lost: {}", channel.name(),
                            describe(alert));
                    return false;
                }
            }
        }

        /** Closed and out of time: what is still queued will not go out, and the log says so. */
        private void giveUpRest() {
            List<Alert> rest;
            synchronized (this) {
                rest = new ArrayList<>(queue);
                queue.clear();
                failed += rest.size();
            }
            for (Alert alert : rest) {
                LOG.error("Alert not delivered on {}: closed before its turn. Lost: {}", channel.name(), describe(alert));
            }
        }

        private static String describe(Alert alert) {
            return alert.kind().words() + " on " + alert.bench()
                    + alert.session().map(id -> ", session " + id).orElse("") + " (" + alert.what() + ")";
        }
    }
}
