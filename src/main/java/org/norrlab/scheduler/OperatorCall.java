package org.norrlab.scheduler;

import org.norrlab.plan.PlannedStep;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;

/**
 * A hold that waits for a person: any thread says {@link #continueHold} (the terminal's Enter, the GUI's button,
 * a watcher of {@code norrlab continue}); {@link Watcher}s are told when a hold begins and ends (to print the
 * message, open a dialog) and {@link #addSignal signals} are polled while it waits (a file another process writes).
 */
public final class OperatorCall implements OperatorGate {
    private static final Logger log = LoggerFactory.getLogger(OperatorCall.class);
    private static final long POLL_MILLIS = 100;

    /** Told on the scheduler's thread; must return at once. */
    public interface Watcher {
        void holdStarted(PlannedStep.Hold hold, Optional<Duration> timeout);

        default void holdEnded(PlannedStep.Hold hold, ContinuedBy by) {
        }
    }

    private final List<Watcher> watchers = new CopyOnWriteArrayList<>();
    private final List<BooleanSupplier> signals = new CopyOnWriteArrayList<>();
    private final Object lock = new Object();
    private PlannedStep.Hold waiting;
    private boolean continued;

    public void addWatcher(Watcher watcher) {
        watchers.add(watcher);
    }

    /** A condition polled about every 100 ms during a hold: true continues it as the operator. */
    public void addSignal(BooleanSupplier operatorSaysContinue) {
        signals.add(operatorSaysContinue);
    }

    /** The hold the run waits at now, if it waits. */
    public Optional<PlannedStep.Hold> waiting() {
        synchronized (lock) {
            return Optional.ofNullable(waiting);
        }
    }

    /** The operator lets the run go on; false (and nothing happens) when the run is not waiting at a hold. */
    public boolean continueHold() {
        synchronized (lock) {
            if (waiting == null) {
                return false;
            }
            continued = true;
            lock.notifyAll();
            return true;
        }
    }

    @Override
    public ContinuedBy await(PlannedStep.Hold hold, Optional<Duration> timeout, BooleanSupplier abortRequested)
            throws InterruptedException {
        synchronized (lock) {
            waiting = hold;
            continued = false;
        }
        ContinuedBy by = ContinuedBy.ABORTED;
        try {
            for (Watcher watcher : watchers) {
                watcher.holdStarted(hold, timeout);
            }
            by = waitFor(timeout, abortRequested);
            return by;
        } finally {
            synchronized (lock) {
                waiting = null;
            }
            for (Watcher watcher : watchers) {
                watcher.holdEnded(hold, by);
            }
            log.info("hold at step {} ended: {}", hold.index(), by);
        }
    }

    private ContinuedBy waitFor(Optional<Duration> timeout, BooleanSupplier abortRequested) throws InterruptedException {
        // Wall time (System.nanoTime), never the instrument's clock: operators live in wall time, so a hold's
        // 30 min are 30 min at the bench even when a simulated run goes at --speed 100.
        long deadline = timeout.map(t -> System.nanoTime() + t.toNanos()).orElse(Long.MAX_VALUE);
        while (true) {
            synchronized (lock) {
                if (continued) {
                    return ContinuedBy.OPERATOR;
                }
            }
            if (abortRequested.getAsBoolean()) {
                return ContinuedBy.ABORTED;
            }
            for (BooleanSupplier signal : signals) {
                if (signal.getAsBoolean()) {
                    return ContinuedBy.OPERATOR;
                }
            }
            long left = deadline == Long.MAX_VALUE ? POLL_MILLIS * 1_000_000 : deadline - System.nanoTime();
            if (left <= 0) {
                return ContinuedBy.TIMEOUT;
            }
            synchronized (lock) {
                if (!continued) {
                    lock.wait(Math.max(1, Math.min(POLL_MILLIS, left / 1_000_000)));
                }
            }
        }
    }
}
