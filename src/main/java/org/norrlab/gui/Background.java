package org.norrlab.gui;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.swing.JOptionPane;
import javax.swing.SwingUtilities;
import javax.swing.SwingWorker;
import java.awt.Component;
import java.awt.Window;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/** Runs slow work off the event thread and hands the result back on it; a failure is logged and shown. */
final class Background {
    private static final Logger log = LoggerFactory.getLogger(Background.class);

    interface Task<T> {
        T call() throws Exception;
    }

    /**
     * Tasks started whose work off the event thread has not ended, by number, with what they do: what may still read
     * or write the store.
     */
    private static final Map<Long, String> UNFINISHED = new ConcurrentHashMap<>();
    private static final AtomicLong STARTED = new AtomicLong();
    private static final AtomicLong THREADS = new AtomicLong();

    /**
     * The threads the work runs on. Not SwingWorker's own pool: that one has ten threads for the whole program, so ten
     * slow tasks (a sync to a lab database that does not answer, an instrument that does not reply while opening, a
     * report of a long session) would leave every later one, listing the protocols say, queued behind them with the
     * window showing nothing and saying nothing. Daemon threads, as SwingWorker's are: they never keep the program
     * alive once its window is closed.
     */
    private static final ExecutorService WORKERS = Executors.newCachedThreadPool(work -> {
        Thread thread = new Thread(work, "norrlab-background-" + THREADS.incrementAndGet());
        thread.setDaemon(true);
        return thread;
    });

    private Background() {
    }

    /**
     * Waits until the work of every task started here has ended (not its done(), which may show a modal dialog).
     * A closed window's last task (reading the sessions list, say) may otherwise open the store after the window
     * is gone: tests that delete the store's folder wait here first.
     */
    static boolean awaitIdle(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!UNFINISHED.isEmpty()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(10);
        }
        return true;
    }

    /** What the tasks whose work has not ended do, oldest first (for a message saying why the window waits). */
    static List<String> unfinished() {
        return UNFINISHED.entrySet().stream().sorted(Map.Entry.comparingByKey()).map(Map.Entry::getValue).toList();
    }

    static <T> SwingWorker<T, Void> run(Component parent, String what, Task<T> task, Consumer<T> onDone) {
        return run(parent, what, task, onDone, () -> { });
    }

    /** As above; {@code onFailure} runs on the event thread after the failure was shown. */
    static <T> SwingWorker<T, Void> run(Component parent, String what, Task<T> task, Consumer<T> onDone,
                                        Runnable onFailure) {
        SwingWorker<T, Void> worker = new SwingWorker<>() {
            @Override
            protected T doInBackground() throws Exception {
                return task.call();
            }

            @Override
            protected void done() {
                T result;
                try {
                    result = get();
                } catch (ExecutionException e) {
                    Throwable cause = e.getCause() == null ? e : e.getCause();
                    log.error("{} failed", what, cause);
                    showError(parent, what, cause);
                    onFailure.run();
                    return;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    log.warn("{} was interrupted", what);
                    onFailure.run();
                    return;
                }
                onDone.accept(result);
            }
        };
        execute(what, worker);
        return worker;
    }

    /**
     * Runs a worker's work on the threads above (its {@code done()} still comes on the event thread), counted as
     * unfinished, under {@code what}, until that work has ended.
     */
    static void execute(String what, SwingWorker<?, ?> worker) {
        long number = STARTED.incrementAndGet();
        UNFINISHED.put(number, what);
        WORKERS.execute(() -> {
            try {
                worker.run();
            } finally {
                UNFINISHED.remove(number);
            }
        });
    }

    /**
     * The failure in a dialog over {@code parent}'s window; not where that window has been closed (disposed) meanwhile:
     * a reload still under way when the window closed would otherwise pop an ownerless dialog over whatever is open
     * next (a test window found one from the closed window before, naming its deleted database). The failure is in the
     * log either way.
     */
    static void showError(Component parent, String what, Throwable cause) {
        Window window = parent == null ? null : SwingUtilities.getWindowAncestor(parent);
        if (window != null && !window.isDisplayable()) {
            log.info("{} failed after its window was closed; not shown: {}", what, cause.toString());
            return;
        }
        JOptionPane.showMessageDialog(parent, wrap(DialogWords.of(cause)), what + " failed", JOptionPane.ERROR_MESSAGE);
    }

    /** Dialogs do not wrap text; long messages (file:line: field: what is allowed) need it. */
    static String wrap(String text) {
        StringBuilder out = new StringBuilder();
        int column = 0;
        for (String word : text.split(" ")) {
            if (column > 0 && column + word.length() > 100) {
                out.append('\n');
                column = 0;
            } else if (column > 0) {
                out.append(' ');
                column++;
            }
            out.append(word);
            column += word.length();
        }
        return out.toString();
    }
}
