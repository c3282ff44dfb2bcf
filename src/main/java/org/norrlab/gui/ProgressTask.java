package org.norrlab.gui;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.swing.BorderFactory;
import javax.swing.JButton;
import javax.swing.JDialog;
import javax.swing.JPanel;
import javax.swing.JProgressBar;
import javax.swing.SwingUtilities;
import javax.swing.SwingWorker;
import javax.swing.WindowConstants;
import java.awt.BorderLayout;
import java.awt.Component;
import java.awt.Dimension;
import java.awt.FlowLayout;
import java.awt.GridLayout;
import java.awt.Window;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * A long action (an import, a report, a sync) on a background thread, with a dialog that shows what it has done so far
 * (the amount the action itself reports: samples stored, steps done, rows sent; never a timer) and a Cancel button.
 * Cancel asks the action to stop at its next safe point; the action itself makes sure nothing is left half done (an
 * import rolls its session back, a report deletes what it staged) and the dialog says what happened. The dialog does not
 * block the window: the run view stays usable while a file imports.
 */
final class ProgressTask<T> {
    private static final Logger log = LoggerFactory.getLogger(ProgressTask.class);

    /** The action; runs off the event thread and reports through {@code progress}. */
    @FunctionalInterface
    interface Work<T> {
        T run(Progress progress) throws Exception;
    }

    /** What an action reports as it goes and asks before each piece of work. Safe to call from any thread. */
    interface Progress {
        /** So much done, of {@code total} ({@code total} ≤ 0: not known beforehand, the count alone is shown), in words. */
        void done(long amount, long total, String text);

        /** Whether Cancel was pressed. */
        boolean cancelled();

        /** Throws {@link Cancelled} when Cancel was pressed: for the action's safe points. */
        default void stopIfCancelled() {
            if (cancelled()) {
                throw new Cancelled();
            }
        }
    }

    /** How an action stops when cancelled; the action's own all-or-nothing handling sees it as any failure. */
    static final class Cancelled extends RuntimeException {
        Cancelled() {
            super("cancelled by the operator");
        }
    }

    /** One report of progress, as the dialog showed it. */
    record Step(long amount, long total, String text) {
    }

    private final JDialog dialog;
    private final JProgressBar bar = new JProgressBar();
    private final StatusLine line = new StatusLine(" ");
    private final JButton cancel = new JButton("Cancel");
    private final AtomicBoolean cancelRequested = new AtomicBoolean();
    private final List<Step> shown = new ArrayList<>();
    private final SwingWorker<T, Step> worker;

    private ProgressTask(Component parent, String title, Work<T> work, Consumer<T> onDone, Runnable onCancelled,
                         Runnable afterwards) {
        Window owner = parent == null ? null : SwingUtilities.getWindowAncestor(parent);
        dialog = new JDialog(owner, title);
        dialog.setName("progress");
        dialog.setDefaultCloseOperation(WindowConstants.DO_NOTHING_ON_CLOSE);
        bar.setStringPainted(true);
        bar.setString("starting …");
        bar.setPreferredSize(new Dimension(460, bar.getPreferredSize().height));
        cancel.setToolTipText("Stop at the next safe point; nothing half done is kept");
        cancel.addActionListener(e -> {
            cancelRequested.set(true);
            cancel.setEnabled(false);
            line.setText("Cancelling: stopping at the next safe point, nothing half done is kept …");
        });
        JPanel text = new JPanel(new GridLayout(2, 1, 0, 6));
        text.add(line);
        text.add(bar);
        JPanel buttons = new JPanel(new FlowLayout(FlowLayout.RIGHT));
        buttons.add(cancel);
        JPanel content = new JPanel(new BorderLayout());
        content.setBorder(BorderFactory.createEmptyBorder(10, 12, 6, 12));
        content.add(text, BorderLayout.CENTER);
        content.add(buttons, BorderLayout.SOUTH);
        dialog.setContentPane(content);
        dialog.pack();
        dialog.setLocationRelativeTo(owner);

        Progress progress = new Progress() {
            @Override
            public void done(long amount, long total, String words) {
                worker().publishStep(new Step(amount, total, words));
            }

            @Override
            public boolean cancelled() {
                return cancelRequested.get();
            }
        };
        worker = new Worker(work, progress, title, onDone, onCancelled, afterwards);
    }

    private Worker worker() {
        return (Worker) worker;
    }

    /**
     * Shows the dialog and starts {@code work}; on the event thread. There, {@code onDone} gets the result, or
     * {@code onCancelled} runs, or the failure is shown; then {@code afterwards} runs in every case.
     */
    static <T> ProgressTask<T> start(Component parent, String title, Work<T> work, Consumer<T> onDone,
                                     Runnable onCancelled, Runnable afterwards) {
        ProgressTask<T> task = new ProgressTask<>(parent, title, work, onDone, onCancelled, afterwards);
        task.dialog.setVisible(true);
        Background.execute(title, task.worker);
        return task;
    }

    private final class Worker extends SwingWorker<T, Step> {
        private final Work<T> work;
        private final Progress progress;
        private final String title;
        private final Consumer<T> onDone;
        private final Runnable onCancelled;
        private final Runnable afterwards;

        Worker(Work<T> work, Progress progress, String title, Consumer<T> onDone, Runnable onCancelled,
               Runnable afterwards) {
            this.afterwards = afterwards;
            this.work = work;
            this.progress = progress;
            this.title = title;
            this.onDone = onDone;
            this.onCancelled = onCancelled;
        }

        void publishStep(Step step) {
            publish(step);
        }

        @Override
        protected T doInBackground() throws Exception {
            return work.run(progress);
        }

        @Override
        protected void process(List<Step> steps) {
            Step last = steps.get(steps.size() - 1);
            shown.add(last);
            if (last.total() > 0) {
                bar.setIndeterminate(false);
                bar.setMaximum(1000);
                bar.setValue((int) Math.min(1000, last.amount() * 1000 / last.total()));
                bar.setString(String.format(Locale.ROOT, "%,d of %,d", last.amount(), last.total()));
            } else {
                // Nothing to measure the count against (a file's samples are known once it is read): the count alone.
                bar.setIndeterminate(false);
                bar.setMaximum(1);
                bar.setValue(0);
                bar.setString(String.format(Locale.ROOT, "%,d", last.amount()));
            }
            if (!cancelRequested.get()) {
                line.setText(last.text());
            }
        }

        @Override
        protected void done() {
            dialog.dispose();
            try {
                finish();
            } finally {
                afterwards.run();
            }
        }

        private void finish() {
            try {
                onDone.accept(get());
            } catch (ExecutionException e) {
                Throwable cause = e.getCause() == null ? e : e.getCause();
                if (cancelled(cause)) {
                    log.info("{}: cancelled by the operator", title);
                    onCancelled.run();
                    return;
                }
                log.error("{} failed", title, cause);
                Background.showError(dialog.getOwner(), title, cause);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                log.warn("{} was interrupted", title);
            }
        }
    }

    /** Whether the action stopped because Cancel was pressed (the Cancelled may come wrapped by the action). */
    private static boolean cancelled(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof Cancelled) {
                return true;
            }
        }
        return false;
    }

    // for the tests
    JDialog dialog() {
        return dialog;
    }

    JButton cancelButton() {
        return cancel;
    }

    /** The reports the dialog showed, in order; on the event thread. */
    List<Step> shown() {
        return List.copyOf(shown);
    }
}
