package org.norrlab.alert;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

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

    /** What became of one alert on one channel, for the record of a session's alerts. */
    public enum Result {
        SENT, FAILED, DROPPED
    }

    /**
     * One alert settled on one channel.
     *
     * @param attempts tries made (0 for an alert dropped before its turn)
     * @param reason   why it was not sent, with every URL cut to scheme, host and port ({@link SafeUrl}); "" when sent
     */
    public record Delivery(String channel, Alert alert, Result result, int attempts, String reason) {
        public Delivery {
            Objects.requireNonNull(channel, "channel");
            Objects.requireNonNull(alert, "alert");
            Objects.requireNonNull(result, "result");
            Objects.requireNonNull(reason, "reason");
        }
    }

    /**
     * Told of every alert once it is settled on a channel. Called on the channel's thread, or for an alert dropped when
     * it was offered on the thread that submitted it: it must return at once (hand the delivery on, never write it to
     * a database there), as the run's own thread may be the caller. An exception it throws is logged and ignored.
     */
    @FunctionalInterface
    public interface Outcomes {
        Outcomes NONE = delivery -> {
        };

        void settled(Delivery delivery);
    }

    private final List<Lane> lanes = new ArrayList<>();

    public AlertDispatcher(List<? extends AlertChannel> channels) {
        this(channels, DEFAULT_QUEUE, Retry.DEFAULT);
    }

    public AlertDispatcher(List<? extends AlertChannel> channels, int queueCapacity, Retry retry) {
        this(channels, queueCapacity, retry, Outcomes.NONE);
    }

    public AlertDispatcher(List<? extends AlertChannel> channels, int queueCapacity, Retry retry, Outcomes outcomes) {
        if (queueCapacity < 1) {
            throw new IllegalArgumentException("queue capacity must be at least 1, was " + queueCapacity);
        }
        Objects.requireNonNull(outcomes, "outcomes");
        for (AlertChannel channel : channels) {
            lanes.add(new Lane(channel, queueCapacity, retry, outcomes));
        }
        lanes.forEach(Lane::start);
    }

    /** How many channels each submitted alert goes to. */
    public int channelCount() {
        return lanes.size();
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
        return closeAll(List.of(this), wait);
    }

    /**
     * {@link #close(Duration)} of several dispatchers at once (the benches of a lab): all stop taking alerts first, then
     * share one wait, so that ten benches whose webhook hangs hold the end of a lab run for one wait, not ten.
     *
     * @return whether every channel of every dispatcher finished its queue within the wait
     */
    public static boolean closeAll(Collection<AlertDispatcher> dispatchers, Duration wait) {
        List<Lane> lanes = dispatchers.stream().flatMap(d -> d.lanes.stream()).toList();
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
        private final Outcomes outcomes;
        private final ArrayDeque<Alert> queue = new ArrayDeque<>();
        private final Thread thread;
        private boolean closing;
        private long sent;
        private long failed;
        private long dropped;

        Lane(AlertChannel channel, int capacity, Retry retry, Outcomes outcomes) {
            this.channel = channel;
            this.capacity = capacity;
            this.retry = retry;
            this.outcomes = outcomes;
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
                tell(alert, Result.DROPPED, 0, "the channel was closed (the run had ended)");
            } else if (oldest != null) {
                LOG.warn("Alert channel {} has {} alerts waiting (it is not delivering); dropped the oldest: {}",
                        channel.name(), capacity, describe(oldest));
                tell(oldest, Result.DROPPED, 0, capacity + " alerts were waiting on this channel (it was not delivering)");
            }
        }

        /** Hands a settled alert to the listener; a listener's bug must not end the channel's thread. */
        private void tell(Alert alert, Result result, int attempts, String reason) {
            try {
                outcomes.settled(new Delivery(channel.name(), alert, result, attempts, SafeUrl.inText(reason)));
            } catch (RuntimeException e) {
                LOG.error("the outcome of an alert on {} could not be handed on", channel.name(), e);
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
                    tell(alert, Result.SENT, attempt, "");
                    return true;
                } catch (IOException e) {
                    // Channels keep secrets out of their messages; cut any URL anyway, for the log as for the store.
                    reason = SafeUrl.inText(e.getMessage());
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
                    tell(alert, Result.FAILED, attempt, reason);
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
                    tell(alert, Result.FAILED, attempt, "closed while waiting to try again; last try: " + reason);
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
                tell(alert, Result.FAILED, 0, "closed before its turn (the close wait had run out)");
            }
        }

        private static String describe(Alert alert) {
            return describeAlert(alert);
        }
    }

    private static String describeAlert(Alert alert) {
        return alert.kind().words() + " on " + alert.bench()
                + alert.session().map(id -> ", session " + id).orElse("") + " (" + alert.what() + ")";
    }
}
