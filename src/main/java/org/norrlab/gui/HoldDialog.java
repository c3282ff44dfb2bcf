package org.norrlab.gui;

import org.norrlab.core.Units;
import org.norrlab.plan.PlannedStep;
import org.norrlab.run.PreparedRun;
import org.norrlab.scheduler.OperatorCall;
import org.norrlab.scheduler.OperatorGate;

import javax.swing.BorderFactory;
import javax.swing.Box;
import javax.swing.BoxLayout;
import javax.swing.JButton;
import javax.swing.JDialog;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.SwingUtilities;
import javax.swing.WindowConstants;
import java.awt.BorderLayout;
import java.awt.Color;
import java.awt.Component;
import java.awt.Dialog;
import java.awt.FlowLayout;
import java.awt.Font;
import java.awt.Window;
import java.time.Duration;
import java.util.Optional;

/**
 * The dialog a hold opens in the window: modal and on top, so that it cannot be missed, with the operator's message,
 * the cell's state, the timeout, and Continue and Abort. It closes by itself when the hold ends another way (the
 * timeout, {@code norrlab continue}, an abort).
 */
final class HoldDialog implements OperatorCall.Watcher {
    static final String TITLE = "Waiting for the operator";
    static final String CONTINUE = "Continue";
    static final String ABORT = "Abort (cell off)";

    private final Component owner;
    private final PreparedRun run;
    private JDialog open;

    HoldDialog(Component owner, PreparedRun run) {
        this.owner = owner;
        this.run = run;
    }

    @Override
    public void holdStarted(PlannedStep.Hold hold, Optional<Duration> timeout) {
        // told on the scheduler's thread: the dialog is built on the EDT and the scheduler goes on waiting at once
        SwingUtilities.invokeLater(() -> show(hold, timeout));
    }

    @Override
    public void holdEnded(PlannedStep.Hold hold, OperatorGate.ContinuedBy by) {
        SwingUtilities.invokeLater(this::close);
    }

    private void show(PlannedStep.Hold hold, Optional<Duration> timeout) {
        close();
        Window window = SwingUtilities.getWindowAncestor(owner);
        JDialog dialog = new JDialog(window, TITLE + " (step " + hold.index() + ")", Dialog.ModalityType.APPLICATION_MODAL);
        dialog.setDefaultCloseOperation(WindowConstants.DO_NOTHING_ON_CLOSE);   // Continue or Abort, nothing else
        dialog.setAlwaysOnTop(true);
        JPanel text = new JPanel();
        text.setLayout(new BoxLayout(text, BoxLayout.Y_AXIS));
        text.setBorder(BorderFactory.createCompoundBorder(BorderFactory.createLineBorder(new Color(0xc0, 0x80, 0x00), 4),
                BorderFactory.createEmptyBorder(16, 16, 16, 16)));
        JLabel message = new JLabel(hold.message());
        message.setName("hold-message");
        message.setFont(message.getFont().deriveFont(Font.BOLD, message.getFont().getSize2D() * 1.6f));
        text.add(message);
        text.add(Box.createVerticalStrut(12));
        text.add(new JLabel("Cell: " + (hold.cell() == PlannedStep.Hold.HoldCell.OCP
                ? "off, open-circuit potential recorded" : "off")));
        text.add(new JLabel("Timeout: " + timeout.map(t -> Units.formatDuration(t) + ", then "
                + hold.onTimeout().orElse(PlannedStep.Hold.OnTimeout.ABORT).written()).orElse("none: waits until continued")));
        text.add(new JLabel("Or from a terminal: norrlab continue " + run.sessionId()));
        JButton proceed = new JButton(CONTINUE);
        JButton abort = new JButton(ABORT);
        abort.setForeground(new Color(0xb0, 0x00, 0x20));
        proceed.addActionListener(e -> {
            run.operator().continueHold();
            close();
        });
        abort.addActionListener(e -> {
            run.requestAbort("operator abort at the hold at step " + hold.index() + " (GUI)");
            close();
        });
        JPanel buttons = new JPanel(new FlowLayout(FlowLayout.RIGHT));
        buttons.add(abort);
        buttons.add(proceed);
        dialog.getContentPane().add(text, BorderLayout.CENTER);
        dialog.getContentPane().add(buttons, BorderLayout.SOUTH);
        dialog.getRootPane().setDefaultButton(proceed);
        dialog.pack();
        dialog.setLocationRelativeTo(window);
        open = dialog;
        dialog.setVisible(true);   // modal: returns when closed
    }

    private void close() {
        if (open != null) {
            JDialog closing = open;
            open = null;
            closing.dispose();
        }
    }
}
