package org.norrlab.run;

import org.norrlab.config.ConfigException;
import org.norrlab.driver.DriverException;
import org.norrlab.driver.UnknownPresetException;
import org.norrlab.logging.LogContext;
import org.norrlab.scheduler.RunListener;
import org.norrlab.store.SessionStore;
import org.norrlab.store.StoreException;
import org.norrlab.store.StoreLocation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Several benches at once, one process, one session database. Each bench has its own instrument,
 * scheduler, acquisition core and store connection, on its own thread: nothing one bench does (a
 * failure, an unplugged cable, a slow instrument) reaches another, except that their commits take
 * turns on the shared database file.
 */
public final class LabRun {
    private static final Logger log = LoggerFactory.getLogger(LabRun.class);

    /** A bench ready to run. */
    public record BenchRun(String name, PreparedRun run) {
    }

    /** How a bench ended: its outcome, or the exception that ended it before an outcome. */
    public record BenchOutcome(String name, Optional<RunOutcome> outcome, Optional<Exception> failure) {
    }

    /** Why a lab could not start: one line per bench that could not be prepared. */
    public static final class LabRejectedException extends Exception {
        public LabRejectedException(List<String> problems) {
            super("the lab was not started, nothing was switched on:\n  " + String.join("\n  ", problems));
        }
    }

    private final List<BenchRun> benches;

    private LabRun(List<BenchRun> benches) {
        this.benches = List.copyOf(benches);
    }

    /**
     * Opens the store, every bench's instrument and checks its plan. All or none: if the store cannot be
     * opened or one bench cannot be prepared, the instruments already opened are closed again and every
     * problem is reported. The store is created (or migrated) here, once, so that the benches' threads
     * only ever open a store that is ready.
     */
    public static LabRun prepare(List<LabFile.Bench> benches, StoreLocation database) throws LabRejectedException {
        try {
            SessionStore.open(database).close();
        } catch (StoreException e) {
            log.error("the lab's session store could not be opened", e);
            throw new LabRejectedException(List.of("session store: " + e.getMessage()));
        }
        List<BenchRun> ready = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (LabFile.Bench bench : benches) {
            try (var named = LogContext.bench(bench.name())) {
                PreparedRun run = new RunService(bench.site()).prepare(bench.request().withDatabase(database));
                run.bench(bench.name());
                ready.add(new BenchRun(bench.name(), run));
            } catch (UnknownPresetException e) {
                // the lab file's catalyst: line, not the profile's default_catalyst the driver would otherwise blame
                String located = bench.catalystAt().map(at -> new ConfigException(at, "catalyst", e.problem()).getMessage())
                        .orElse(e.getMessage());
                log.error("bench {} could not be prepared: {}", bench.name(), located, e);
                problems.add("bench " + bench.name() + ": " + located);
            } catch (ConfigException | DriverException | PlanRejectedException | RuntimeException e) {
                // One console line with the reason (the console prints no traces); the trace goes to the log file.
                log.error("bench {} could not be prepared: {}", bench.name(), e.getMessage(), e);
                problems.add("bench " + bench.name() + ": " + e.getMessage());
            }
        }
        if (!problems.isEmpty()) {
            ready.forEach(b -> b.run().discard());
            throw new LabRejectedException(problems);
        }
        return new LabRun(ready);
    }

    public List<BenchRun> benches() {
        return benches;
    }

    /** Runs every bench on its own thread and waits for all of them. */
    public List<BenchOutcome> execute() throws InterruptedException {
        return execute(bench -> RunListener.NONE);
    }

    /** As {@link #execute()}, telling each bench's listener (a progress bar) of its steps. */
    public List<BenchOutcome> execute(java.util.function.Function<BenchRun, RunListener> listeners)
            throws InterruptedException {
        List<Thread> threads = new ArrayList<>();
        BenchOutcome[] outcomes = new BenchOutcome[benches.size()];
        for (int i = 0; i < benches.size(); i++) {
            BenchRun bench = benches.get(i);
            int slot = i;
            RunListener listener = listeners.apply(bench);
            Thread thread = new Thread(() -> outcomes[slot] = executeOne(bench, listener), "bench-" + bench.name());
            threads.add(thread);
            thread.start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        return List.of(outcomes);
    }

    private static BenchOutcome executeOne(BenchRun bench, RunListener listener) {
        try (var named = LogContext.bench(bench.name())) {
            return new BenchOutcome(bench.name(), Optional.of(bench.run().execute(listener)), Optional.empty());
        } catch (Exception e) {
            log.error("bench {} ended with an error", bench.name(), e);
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            return new BenchOutcome(bench.name(), Optional.empty(), Optional.of(e));
        }
    }

    /** Aborts every bench (Ctrl-C); each turns its cell off. */
    public void requestAbort(String reason) {
        for (BenchRun b : benches) {
            try (var named = LogContext.bench(b.name())) {
                b.run().requestAbort(reason);
            }
        }
    }

    /** Waits until every bench has recorded how it ended. */
    public boolean awaitFinished(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        for (BenchRun b : benches) {
            long left = Math.max(0, deadline - System.nanoTime());
            if (!b.run().awaitFinished(Duration.ofNanos(left))) {
                return false;
            }
        }
        return true;
    }
}
