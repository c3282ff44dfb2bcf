package org.norrlab.cli;

import org.norrlab.runalert.RunAlerts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Ctrl-C and SIGTERM start JVM shutdown; this hook aborts the run (or every bench of a lab) and holds the
 * shutdown until the sessions are closed with the cell off, their summaries are printed and their last alerts (the
 * run finished, aborted, with the cell as confirmed or not) have gone out, for at most {@link RunAlerts#CLOSE_WAIT}.
 * The process then exits with the signal's usual code (130 for Ctrl-C, 143 for SIGTERM).
 */
final class InterruptHook implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(InterruptHook.class);
    static final String REASON = "operator interrupt (Ctrl-C or SIGTERM)";
    /** How long the printing may take once the sessions are closed. */
    private static final Duration PRINTING = Duration.ofSeconds(15);

    /** Waits until what was aborted has recorded how it ended; false if it has not within the time. */
    @FunctionalInterface
    interface Finished {
        boolean await(Duration timeout) throws InterruptedException;
    }

    private final CountDownLatch reported = new CountDownLatch(1);
    private final Thread hook;

    private InterruptHook(String name, Consumer<String> abort, Finished finished, Duration finishWithin,
                          List<RunAlerts> alerts) {
        hook = new Thread(() -> {
            abort.accept(REASON);
            try {
                if (!finished.await(finishWithin)) {
                    log.error("the sessions did not end within {} s of the interrupt; they may be left 'running'",
                            finishWithin.toSeconds());
                } else if (!reported.await(PRINTING.toMillis(), TimeUnit.MILLISECONDS)) {
                    log.error("the summary of the interrupted run was not printed within {} s", PRINTING.toSeconds());
                } else if (!alerts.isEmpty() && !RunAlerts.awaitLastAlerts(alerts, PRINTING)) {
                    // The JVM exits now: what is still being sent is lost, and the log says so.
                    log.error("the last alerts of the interrupted run were not all delivered within {} s",
                            RunAlerts.CLOSE_WAIT.toSeconds());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, name);
        Runtime.getRuntime().addShutdownHook(hook);
    }

    static InterruptHook install(String name, Consumer<String> abort, Finished finished, Duration finishWithin) {
        return install(name, abort, finished, finishWithin, List.of());
    }

    /** Also waits, after the summaries, for the last alerts of these runs to go out (at most their close wait). */
    static InterruptHook install(String name, Consumer<String> abort, Finished finished, Duration finishWithin,
                                 List<RunAlerts> alerts) {
        return new InterruptHook(name, abort, finished, finishWithin, List.copyOf(alerts));
    }

    /** The summaries are printed (or will not be): lets a shutdown in progress go on, and takes the hook back. */
    @Override
    public void close() {
        reported.countDown();
        RunCommand.removeHook(hook);
    }
}
