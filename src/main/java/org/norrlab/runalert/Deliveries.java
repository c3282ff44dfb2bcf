package org.norrlab.runalert;

import org.norrlab.alert.Alert;
import org.norrlab.alert.AlertChannel;
import org.norrlab.alert.AlertDispatcher;
import org.norrlab.alert.Retry;
import org.norrlab.store.AlertDeliveryStore;
import org.norrlab.store.StoreLocation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The delivering half of one run's alerts: the dispatcher, the count of alerts submitted and settled (so that a
 * shutdown can wait for exactly those), the latch of the run's last alert, and the recorder that stores each outcome
 * with the session. {@link RunAlerts} decides what to send; this sees it delivered, counted and recorded.
 */
final class Deliveries {
    private static final Logger LOG = LoggerFactory.getLogger(Deliveries.class);
    /** What the store gets, once the alerts are closed, to record their last outcomes. */
    private static final Duration RECORD_WAIT = Duration.ofSeconds(2);

    private final AlertDispatcher dispatcher;
    private final Optional<DeliveryRecorder> recorder;
    /** Alerts submitted (each goes to every channel), and outcomes told back; guarded by this. */
    private long submitted;
    private long settled;
    /** Counted down once the run's last alert (run finished, or the store error it ended on) is submitted. */
    private final CountDownLatch lastSubmitted = new CountDownLatch(1);

    Deliveries(List<? extends AlertChannel> channels, Retry retry, Optional<StoreLocation> database) {
        this.recorder = database.map(DeliveryRecorder::new);
        this.dispatcher = new AlertDispatcher(channels, AlertDispatcher.DEFAULT_QUEUE, retry, this::settled);
    }

    /** Counted, then queued on every channel; returns at once. */
    void submit(Alert alert) {
        synchronized (this) {
            submitted++;
        }
        dispatcher.submit(alert);
    }

    /** The run's last alert is submitted, or none will come. */
    void lastSubmitted() {
        lastSubmitted.countDown();
    }

    /**
     * Closes several runs' dispatchers at once (the benches of a lab): one {@code wait} in all, however many benches'
     * channels hang; then each store gets the last outcomes.
     */
    static void closeAll(Collection<Deliveries> runs, Duration wait) {
        boolean inTime = AlertDispatcher.closeAll(runs.stream().map(r -> r.dispatcher).toList(), wait);
        // A channel still sending when the wait ended was interrupted: it settles that alert failed a moment later.
        long deadline = System.nanoTime() + Duration.ofSeconds(1).toNanos();
        for (Deliveries run : runs) {
            if (!inTime) {
                run.awaitSettled(deadline);
            }
        }
        for (Deliveries run : runs) {
            run.recorder.ifPresent(r -> r.close(RECORD_WAIT));
        }
    }

    /** See {@link RunAlerts#awaitLastAlerts}. */
    static boolean awaitLastAlerts(Collection<Deliveries> runs, Duration submitWithin, Duration deliverWithin)
            throws InterruptedException {
        long submitDeadline = System.nanoTime() + submitWithin.toNanos();
        for (Deliveries run : runs) {
            long left = Math.max(0, submitDeadline - System.nanoTime());
            if (!run.lastSubmitted.await(left, TimeUnit.NANOSECONDS)) {
                LOG.error("the last alert of the interrupted run was not made within {} s", submitWithin.toSeconds());
            }
        }
        long deadline = System.nanoTime() + deliverWithin.toNanos();
        boolean all = true;
        for (Deliveries run : runs) {
            all &= run.awaitSettled(deadline);
        }
        // and recorded with the session: the recorder's thread is a daemon, which the exiting JVM does not wait for
        for (Deliveries run : runs) {
            all &= run.recorder.map(r -> r.awaitIdle(deadline)).orElse(true);
        }
        return all;
    }

    /** One line per channel: "Alerts on webhook x (https://host/…): 4 sent, 1 failed, 0 dropped". */
    List<String> lines() {
        long submittedNow;
        synchronized (this) {
            submittedNow = submitted;
        }
        List<String> lines = new ArrayList<>();
        for (AlertDispatcher.Counts c : dispatcher.counts()) {
            long open = submittedNow - c.sent() - c.failed() - c.dropped();
            lines.add(String.format(Locale.ROOT, "Alerts on %s: %d sent, %d failed, %d dropped%s", c.channel(), c.sent(),
                    c.failed(), c.dropped(), open > 0 ? ", " + open + " not settled when the run stopped waiting" : ""));
        }
        return lines;
    }

    /** "alerts: 4 sent, 1 failed" over every channel, for a status line. */
    String summary() {
        long sent = 0;
        long failed = 0;
        long dropped = 0;
        for (AlertDispatcher.Counts c : dispatcher.counts()) {
            sent += c.sent();
            failed += c.failed();
            dropped += c.dropped();
        }
        return "alerts: " + new AlertDeliveryStore.Tally(sent, failed, dropped).words();
    }

    /** Until every alert submitted so far is settled on every channel, or the deadline (System.nanoTime()). */
    private synchronized boolean awaitSettled(long deadline) {
        return MonitorWait.until(this, () -> settled >= submitted * dispatcher.channelCount(), deadline);
    }

    /** On a channel's thread (or the submitter's, for a drop): handed to the store's own thread, then counted. */
    private void settled(AlertDispatcher.Delivery delivery) {
        // Handed to the recorder before it counts as settled, so that a shutdown that has seen it settled waits for it
        // to be recorded too.
        Optional<Long> id = delivery.alert().session();
        if (id.isPresent()) {
            recorder.ifPresent(r -> r.settled(id.get(), delivery));
        } else {
            LOG.info("the outcome of a {} alert before the session began is not recorded: {} on {}",
                    delivery.alert().kind().words(), delivery.result(), delivery.channel());
        }
        synchronized (this) {
            settled++;
            notifyAll();
        }
    }
}
