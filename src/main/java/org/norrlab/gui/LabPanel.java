package org.norrlab.gui;

import org.norrlab.store.SessionStatus;
import org.norrlab.run.LabFile;
import org.norrlab.run.LabRun;
import org.norrlab.run.RunOutcome;
import org.norrlab.trace.LiveRun;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.swing.BorderFactory;
import javax.swing.JButton;
import javax.swing.JFileChooser;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.JTextField;
import javax.swing.SwingUtilities;
import javax.swing.Timer;
import java.awt.BorderLayout;
import java.awt.Dimension;
import java.awt.FlowLayout;
import java.awt.Font;
import java.awt.GridLayout;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The lab view: every bench of a lab file at once, each with its status line and its whole-run
 * chart (step markers included). Start prepares all benches first (all or none), as `run --lab`.
 */
final class LabPanel extends JPanel {
    private static final Logger log = LoggerFactory.getLogger(LabPanel.class);

    private final GuiContext context;
    private final JTextField file = new JTextField(40);
    private final JButton start = new JButton("Start all");
    private final JButton abort = new JButton("Abort all (cells off)");
    private final JLabel state = new StatusLine("No lab run yet.");
    private final JPanel grid = new JPanel(new GridLayout(0, 2, 8, 8));
    private final List<BenchView> views = new ArrayList<>();
    private final Timer refresh = new Timer(RunPanel.REFRESH_MILLIS, e -> refreshViews());
    private volatile LabRun active;
    private volatile Thread runner;
    private List<LabRun.BenchOutcome> outcomes = List.of();

    /** One bench on screen. */
    static final class BenchView {
        final String name;
        final LiveRun live = new LiveRun();
        final LiveCharts charts = new LiveCharts();
        final JLabel status = new StatusLine(" ");
        final JPanel panel = new JPanel(new BorderLayout());
        final int steps;

        BenchView(String name, String describe, int steps) {
            this.name = name;
            this.steps = steps;
            JLabel title = new JLabel(name + " — " + describe);
            title.setFont(title.getFont().deriveFont(Font.BOLD));
            JPanel top = new JPanel(new GridLayout(2, 1));
            top.add(title);
            top.add(status);
            panel.add(top, BorderLayout.NORTH);
            panel.add(charts.runPanel(), BorderLayout.CENTER);
            panel.setBorder(BorderFactory.createEtchedBorder());
            panel.setPreferredSize(new Dimension(600, 300));
        }
    }

    LabPanel(GuiContext context) {
        super(new BorderLayout());
        this.context = context;
        file.setText(context.site().home().resolve(LabFile.DEFAULT).toString());
        JButton browse = new JButton("Browse…");
        browse.addActionListener(e -> {
            JFileChooser chooser = new JFileChooser(context.site().home().resolve("config").toFile());
            if (chooser.showOpenDialog(this) == JFileChooser.APPROVE_OPTION) {
                file.setText(chooser.getSelectedFile().toString());
            }
        });
        start.addActionListener(e -> start());
        abort.addActionListener(e -> abort());
        abort.setEnabled(false);
        JPanel top = new JPanel(new FlowLayout(FlowLayout.LEFT));
        top.add(new JLabel("Lab file"));
        top.add(file);
        top.add(browse);
        top.add(start);
        top.add(abort);
        JPanel north = new JPanel(new GridLayout(2, 1));
        north.add(top);
        state.setBorder(BorderFactory.createEmptyBorder(0, 8, 4, 8));
        north.add(state);
        add(north, BorderLayout.NORTH);
        add(new JScrollPane(grid), BorderLayout.CENTER);
    }

    void start() {
        if (active != null) {
            return;
        }
        Path lab = Path.of(file.getText().trim());
        start.setEnabled(false);
        state.setText("Opening every bench of " + lab.getFileName() + " …");
        Background.run(this, "Starting the lab", () -> LabRun.prepare(LabFile.read(lab, context.site()), context.database()),
                this::launch, () -> {
                    start.setEnabled(true);
                    state.setText("Not started.");
                });
    }

    private void launch(LabRun lab) {
        grid.removeAll();
        views.clear();
        for (LabRun.BenchRun bench : lab.benches()) {
            BenchView view = new BenchView(bench.name(), bench.run().plan().name() + " on " + bench.run().identity().model(),
                    bench.run().plan().steps().size());
            bench.run().addConsumer(view.live);
            views.add(view);
            grid.add(view.panel);
        }
        grid.revalidate();
        active = lab;
        abort.setEnabled(true);
        state.setText("Running " + views.size() + " benches.");
        Thread thread = new Thread(() -> {
            List<LabRun.BenchOutcome> result = List.of();
            try {
                result = lab.execute();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                log.error("the lab run was interrupted", e);
            } finally {
                List<LabRun.BenchOutcome> done = result;
                SwingUtilities.invokeLater(() -> finished(done));
            }
        }, "norrlab-lab");
        thread.setDaemon(false);   // a closed window must not end the benches
        runner = thread;
        thread.start();
        refresh.start();
    }

    private void finished(List<LabRun.BenchOutcome> done) {
        refreshViews();
        refresh.stop();
        outcomes = done;
        for (LabRun.BenchOutcome o : done) {
            views.stream().filter(v -> v.name.equals(o.name())).findFirst().ifPresent(v -> v.status.setText(
                    o.outcome().map(LabPanel::ended).orElse("ended with an error: "
                            + o.failure().map(Throwable::getMessage).orElse("see the log"))));
        }
        long completed = done.stream().filter(o -> o.outcome().map(r -> r.status() == SessionStatus.COMPLETED)
                .orElse(false)).count();
        state.setText(completed + " of " + done.size() + " benches completed.");
        active = null;
        runner = null;
        start.setEnabled(true);
        abort.setEnabled(false);
    }

    static String ended(RunOutcome o) {
        return String.format(Locale.ROOT, "session %d %s: %s; %d samples%s", o.sessionId(), o.status().dbName(),
                o.reason(), o.samplesCommitted(), o.samplesNotStored() == 0 ? ""
                        : ", " + o.notStoredPhrase());
    }

    void abort() {
        LabRun lab = active;
        if (lab != null) {
            lab.requestAbort("operator abort (GUI, lab)");
            state.setText("Aborting every bench: cells off …");
        }
    }

    private void refreshViews() {
        for (BenchView v : views) {
            LiveRun.View view = v.live.view(v.charts.columns());
            v.charts.show(view);
            String where = view.step().map(s -> "step " + s.index() + " of " + v.steps + s.match(ocp -> ", open circuit",
                    ca -> String.format(Locale.ROOT, ", %.3f V vs RHE", ca.voltsVsRhe()), hold -> ", waiting for operator",
                    lsv -> ", " + s.summary(), cv -> ", " + s.summary(), cp -> ", " + s.summary(),
                    eis -> ", " + s.summary()))
                    .orElse("starting");
            v.status.setText(where + "; " + RunPanel.latestReading(view) + "; " + view.samples() + " samples; t = "
                    + RunPanel.clock(view.sessionSeconds()));
        }
    }

    boolean running() {
        return active != null;
    }

    Optional<LabRun> activeLab() {
        return Optional.ofNullable(active);
    }

    void awaitRunEnd(java.time.Duration timeout) throws InterruptedException {
        Thread thread = runner;
        if (thread != null) {
            thread.join(timeout.toMillis());
        }
    }

    // for the tests
    JTextField fileField() {
        return file;
    }

    List<BenchView> views() {
        return views;
    }

    List<LabRun.BenchOutcome> outcomes() {
        return outcomes;
    }
}
