package org.norrlab.gui;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.swing.JOptionPane;
import javax.swing.SwingWorker;
import java.awt.Component;
import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;

/** Runs slow work off the event thread and hands the result back on it; a failure is logged and shown. */
final class Background {
    private static final Logger log = LoggerFactory.getLogger(Background.class);

    interface Task<T> {
        T call() throws Exception;
    }

    /** Tasks started whose work off the event thread has not ended: what may still read or write the store. */
    private static final java.util.concurrent.atomic.AtomicInteger UNFINISHED = new java.util.concurrent.atomic.AtomicInteger();

    private Background() {
    }

    /**
     * Waits until the work of every task started here has ended (not its done(), which may show a modal dialog).
     * A closed window's last task (reading the sessions list, say) may otherwise open the store after the window
     * is gone: tests that delete the store's folder wait here first.
     */
    static boolean awaitIdle(java.time.Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (UNFINISHED.get() > 0) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(10);
        }
        return true;
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
                try {
                    return task.call();
                } finally {
                    UNFINISHED.decrementAndGet();
                }
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
        UNFINISHED.incrementAndGet();
        worker.execute();
        return worker;
    }

    static void showError(Component parent, String what, Throwable cause) {
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
