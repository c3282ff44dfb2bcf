package org.norrlab.gui;

import org.norrlab.config.CellBlock;
import org.norrlab.core.BadInputException;
import org.norrlab.core.Units;
import org.norrlab.driver.Speed;
import org.norrlab.plan.Plan;
import org.norrlab.plan.PlannedStep;
import org.norrlab.plan.ProtocolLoader;
import org.norrlab.run.PreparedRun;
import org.norrlab.run.ReplayService;
import org.norrlab.run.RunOutcome;
import org.norrlab.run.RunRequest;
import org.norrlab.run.RunService;
import org.norrlab.runalert.RunAlerts;
import org.norrlab.scheduler.RunListener;
import org.norrlab.scheduler.RunState;
import org.norrlab.store.SessionStore;
import org.norrlab.store.StoreException;
import org.norrlab.trace.LiveRun;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.swing.BorderFactory;
import javax.swing.DefaultListModel;
import javax.swing.JButton;
import javax.swing.JComboBox;
import javax.swing.JFileChooser;
import javax.swing.JLabel;
import javax.swing.JList;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.JSplitPane;
import javax.swing.JTable;
import javax.swing.JTextField;
import javax.swing.JToggleButton;
import javax.swing.Timer;
import javax.swing.event.DocumentEvent;
import javax.swing.event.DocumentListener;
import java.awt.BorderLayout;
import java.awt.Color;
import java.awt.Dimension;
import java.awt.Font;
import java.awt.GridBagConstraints;
import java.awt.GridBagLayout;
import java.awt.GridLayout;
import java.awt.Insets;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongConsumer;
import java.util.stream.Stream;

/**
 * The run view: choose an instrument and a protocol, see the plan, start, pause between steps,
 * abort; watch the step in progress and the whole run; read events as they happen. The run itself
 * executes on its own (non-daemon) thread, so closing or freezing this window does not stop it.
 */
final class RunPanel extends JPanel {
    private static final Logger log = LoggerFactory.getLogger(RunPanel.class);
    static final int REFRESH_MILLIS = 200;
    private static final Color PROBLEM_COLOUR = new Color(0xb0, 0x00, 0x20);
    private static final String ABORTING_TEXT = "Aborting: stopping the step and switching the cell off …";

    private final GuiContext context;
    private final LongConsumer analyseSession;
    private final JComboBox<InstrumentChoice> instruments = new JComboBox<>();
    private final JTextField port = new JTextField(14);
    private final JComboBox<String> speed = new JComboBox<>(new String[] {"1", "60", "120", "600", "max"});
    private final JComboBox<Path> protocols = new JComboBox<>();
    private final PlanTableModel planModel = new PlanTableModel();
    private final JLabel planSummary = new StatusLine(" ");
    /** What is wrong with the text in the speed box, under it; blank when it is a speed. */
    private final JLabel speedProblem = new StatusLine(" ");
    /** What was wrong, where, what to do: the dialog when Start is pressed before the run is set up. */
    static final String START_NEEDS_CHOICES = "nothing to start: the Instrument list or the Protocol list has no choice;"
            + " choose an instrument and a protocol (Browse… opens a protocol file), then press Start";
    private final JButton start = new JButton("Start");
    private final JToggleButton pause = new JToggleButton("Pause between steps");
    private final JButton abort = new JButton("Abort (cell off)");
    private final JButton analyse = new JButton("Analyse this session");
    private final JLabel state = new StatusLine("No run yet.");
    private final JLabel stepLine = new StatusLine(" ");
    private final JLabel timeLine = new StatusLine(" ");
    private final JLabel rateLine = new StatusLine(" ");
    private final DefaultListModel<String> eventLines = new DefaultListModel<>();
    private final JList<String> events = new JList<>(eventLines);
    private final LiveCharts charts = new LiveCharts();
    private final CellSampleForm cellForm;
    private final Timer refresh = new Timer(REFRESH_MILLIS, e -> refreshLive());
    /**
     * The port typed for each serial entry that takes one, by its label: the port belongs to the instrument it was
     * typed for, so choosing another entry neither carries it along nor loses it.
     */
    private final Map<String, String> typedPorts = new HashMap<>();
    /** The entry whose port the field shows now. */
    private InstrumentChoice portShownFor;

    private Plan plan;
    private int planRequests;
    private volatile PreparedRun active;
    private volatile Thread runner;
    private LiveRun live;
    private long lastSamples;
    private long lastNanos;
    private double rate;
    private long finishedSession = -1;
    private Optional<RunOutcome> lastOutcome = Optional.empty();

    RunPanel(GuiContext context, LongConsumer analyseSession) {
        super(new BorderLayout());
        this.context = context;
        this.analyseSession = analyseSession;
        this.cellForm = new CellSampleForm(context.site(), this::loadPlan);
        JSplitPane split = new JSplitPane(JSplitPane.HORIZONTAL_SPLIT, setupPanel(), livePanel());
        split.setResizeWeight(0);
        split.setDividerLocation(520);
        add(split, BorderLayout.CENTER);
        instruments.addActionListener(e -> instrumentChanged());
        protocols.addActionListener(e -> loadPlan());
        start.addActionListener(e -> start());
        pause.addActionListener(e -> pauseChanged());
        abort.addActionListener(e -> abort());
        analyse.addActionListener(e -> analyseSession.accept(finishedSession));
        start.setToolTipText("Start the run (Ctrl+R)");
        pause.setToolTipText("Let the step in progress finish, then wait with the cell off (Ctrl+P)");
        abort.setToolTipText("Stop the step now and switch the cell off (Ctrl+Shift+A)");
        abort.setForeground(PROBLEM_COLOUR);
        setRunning(false);
        analyse.setEnabled(false);
        refresh.setCoalesce(true);
    }

    private JPanel setupPanel() {
        JPanel panel = new JPanel(new GridBagLayout());
        panel.setBorder(BorderFactory.createEmptyBorder(8, 8, 8, 8));
        GridBagConstraints c = new GridBagConstraints();
        c.insets = new Insets(3, 3, 3, 3);
        c.anchor = GridBagConstraints.WEST;
        c.fill = GridBagConstraints.HORIZONTAL;

        JButton refreshInstruments = new JButton("Refresh");
        refreshInstruments.setToolTipText("Look for serial ports and stored sessions again");
        refreshInstruments.addActionListener(e -> loadChoices());
        row(panel, c, 0, "Instrument", instruments, refreshInstruments);
        row(panel, c, 1, "Serial port", port, null);
        row(panel, c, 2, "Speed (simulated, replay)", speed, null);
        speedProblem.setForeground(PROBLEM_COLOUR);
        row(panel, c, 3, "", speedProblem, null);
        JButton browse = new JButton("Browse…");
        browse.addActionListener(e -> browseProtocol());
        row(panel, c, 4, "Protocol", protocols, browse);
        instruments.setPrototypeDisplayValue(new InstrumentChoice(InstrumentChoice.Kind.SIMULATED,
                "Simulated NORR cell, Fe1/MoS2-x (sim)", "", Optional.empty(), Optional.empty(), Optional.empty()));
        speed.setEditable(true);
        speed.setSelectedItem("120");
        // What is typed is checked as it is typed, so the refusal is beside the box before Start is pressed.
        speedEditor().getDocument().addDocumentListener(new DocumentListener() {
            @Override
            public void insertUpdate(DocumentEvent e) {
                checkTypedSpeed();
            }

            @Override
            public void removeUpdate(DocumentEvent e) {
                checkTypedSpeed();
            }

            @Override
            public void changedUpdate(DocumentEvent e) {
                checkTypedSpeed();
            }
        });
        protocols.setRenderer((list, value, index, selected, focus) -> new JLabel(value == null ? ""
                : value.getFileName().toString()));

        JTable planTable = Tables.fitted(new JTable(planModel));
        planTable.setName("plan");
        planTable.setFillsViewportHeight(true);
        JScrollPane planScroll = new JScrollPane(planTable);
        planScroll.setPreferredSize(new Dimension(480, 220));
        planScroll.setBorder(BorderFactory.createTitledBorder("Plan"));
        c.gridx = 0;
        c.gridy = 5;
        c.gridwidth = 3;
        c.weightx = 1;
        c.weighty = 1;
        c.fill = GridBagConstraints.BOTH;
        panel.add(cellForm.besidePlan(planScroll), c);
        c.gridy = 6;
        c.weighty = 0;
        c.fill = GridBagConstraints.HORIZONTAL;
        panel.add(planSummary, c);

        JPanel buttons = new JPanel(new GridLayout(2, 2, 6, 6));
        buttons.add(start);
        buttons.add(pause);
        buttons.add(abort);
        buttons.add(analyse);
        c.gridy = 7;
        panel.add(buttons, c);
        return panel;
    }

    private static void row(JPanel panel, GridBagConstraints c, int y, String label, java.awt.Component field,
                            java.awt.Component extra) {
        c.gridy = y;
        c.gridwidth = 1;
        c.gridx = 0;
        c.weightx = 0;
        panel.add(new JLabel(label), c);
        c.gridx = 1;
        c.weightx = 1;
        c.gridwidth = extra == null ? 2 : 1;
        panel.add(field, c);
        if (extra != null) {
            c.gridx = 2;
            c.weightx = 0;
            c.gridwidth = 1;
            panel.add(extra, c);
        }
    }

    private JPanel livePanel() {
        JPanel status = new JPanel(new GridLayout(4, 1));
        status.setBorder(BorderFactory.createEmptyBorder(6, 8, 6, 8));
        state.setFont(state.getFont().deriveFont(Font.BOLD, 14f));
        status.add(state);
        status.add(stepLine);
        status.add(timeLine);
        status.add(rateLine);

        JSplitPane chartsSplit = new JSplitPane(JSplitPane.VERTICAL_SPLIT, charts.stepView(), charts.runView());
        chartsSplit.setResizeWeight(0.5);
        events.setName("events");
        events.setFont(new Font(Font.MONOSPACED, Font.PLAIN, 12));
        JScrollPane eventScroll = new JScrollPane(events);
        eventScroll.setBorder(BorderFactory.createTitledBorder("Events"));
        eventScroll.setPreferredSize(new Dimension(600, 130));
        JSplitPane withEvents = new JSplitPane(JSplitPane.VERTICAL_SPLIT, chartsSplit, eventScroll);
        withEvents.setResizeWeight(0.8);

        JPanel panel = new JPanel(new BorderLayout());
        panel.add(status, BorderLayout.NORTH);
        panel.add(withEvents, BorderLayout.CENTER);
        return panel;
    }

    /** Fills the instrument and protocol lists in the background. */
    void loadChoices() {
        Background.run(this, "Looking for instruments", () -> {
            try (SessionStore store = context.openStore()) {
                return InstrumentChoice.discover(context.site(), store);
            }
        }, choices -> {
            Object selected = instruments.getSelectedItem();
            instruments.removeAllItems();
            choices.forEach(instruments::addItem);
            if (selected != null) {
                choices.stream().filter(ch -> ch.label().equals(selected.toString())).findFirst()
                        .ifPresent(instruments::setSelectedItem);
            }
            instrumentChanged();
        });
        if (protocols.getItemCount() == 0) {
            Background.run(this, "Listing protocols", this::protocolFiles, files -> {
                files.forEach(protocols::addItem);
                files.stream().filter(p -> p.getFileName().toString().equals("demo-sweep.yaml")).findFirst()
                        .ifPresent(protocols::setSelectedItem);
            });
        }
    }

    private List<Path> protocolFiles() throws IOException {
        Path dir = context.site().home().resolve("protocols");
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml")).sorted().toList();
        }
    }

    private void browseProtocol() {
        JFileChooser chooser = new JFileChooser(context.site().home().resolve("protocols").toFile());
        if (chooser.showOpenDialog(this) == JFileChooser.APPROVE_OPTION) {
            Path chosen = chooser.getSelectedFile().toPath();
            protocols.addItem(chosen);
            protocols.setSelectedItem(chosen);
        }
    }

    private void instrumentChanged() {
        InstrumentChoice choice = (InstrumentChoice) instruments.getSelectedItem();
        boolean serial = choice != null && choice.kind() == InstrumentChoice.Kind.SERIAL;
        port.setEnabled(serial && choice.port().isEmpty() && active == null);
        showPortOf(choice);
        speed.setEnabled(choice != null && choice.takesSpeed() && active == null);
        if (speed.isEnabled()) {
            typedSpeed();
        } else {
            speedProblem.setText(" ");   // a real instrument runs in real time: the box's text does not apply
        }
        protocols.setEnabled(choice == null || choice.kind() != InstrumentChoice.Kind.REPLAY);
    }

    /**
     * The field shows the port of the entry chosen and nothing else: the one found for it, the one typed for it
     * earlier, or none (a simulated cell, a replay). What was typed for the entry left is kept for it.
     */
    private void showPortOf(InstrumentChoice choice) {
        if (choice != null && choice.equals(portShownFor)) {
            return;
        }
        if (takesTypedPort(portShownFor)) {
            typedPorts.put(portShownFor.label(), port.getText().trim());
        }
        portShownFor = choice;
        port.setText(choice == null ? "" : choice.port().orElseGet(() -> takesTypedPort(choice)
                ? typedPorts.getOrDefault(choice.label(), "") : ""));
    }

    private static boolean takesTypedPort(InstrumentChoice choice) {
        return choice != null && choice.kind() == InstrumentChoice.Kind.SERIAL && choice.port().isEmpty();
    }

    private JTextField speedEditor() {
        return (JTextField) speed.getEditor().getEditorComponent();
    }

    /** The speed box's text as typed (committed or not), read as a speed; empty with the problem shown if it is none. */
    private Optional<Speed> typedSpeed() {
        String typed = speedEditor().getText();
        try {
            Speed parsed = Speed.parse(typed);
            speedProblem.setText(" ");
            return Optional.of(parsed);
        } catch (BadInputException e) {
            speedProblem.setText(e.getMessage());
            return Optional.empty();
        }
    }

    private void checkTypedSpeed() {
        if (speed.isEnabled()) {
            typedSpeed();
        }
    }

    private void loadPlan() {
        Path file = (Path) protocols.getSelectedItem();
        if (file == null) {
            return;
        }
        cellForm.protocolChosen(this, file);
        // the preview in the cell the form says: a pH typed there moves every potential written vs RHE
        Optional<CellBlock> typed = cellForm.typedIfValid();
        int request = ++planRequests;   // only the latest read is shown: the form may change while one is read
        Background.run(this, "Reading " + file.getFileName(), () -> ProtocolLoader.load(file, context.site(), typed), loaded -> {
            if (!file.equals(protocols.getSelectedItem()) || active != null || request != planRequests) {
                return;   // another protocol was chosen (or a run started) while this one was read
            }
            plan = loaded;
            planModel.show(loaded);
            long ca = loaded.steps().stream().filter(s -> s.isChronoamperometry()).count();
            planSummary.setText(String.format(Locale.ROOT, "%s: %d steps (%d CA), %s in all; RE %s, pH %.2f",
                    loaded.name(), loaded.steps().size(), ca, Units.formatDuration(loaded.totalDuration()),
                    loaded.cell().referenceElectrode().name(), loaded.cell().pH()));
        });
    }

    Plan plan() {
        return plan;
    }

    // --- run control -------------------------------------------------------------------------------------

    void start() {
        if (active != null || !start.isEnabled()) {
            return;
        }
        InstrumentChoice choice = (InstrumentChoice) instruments.getSelectedItem();
        Path protocol = (Path) protocols.getSelectedItem();
        if (choice == null || (protocol == null && choice.kind() != InstrumentChoice.Kind.REPLAY)) {
            Background.showError(this, "Starting", new BadInputException(START_NEEDS_CHOICES));
            return;
        }
        Speed chosenSpeed = Speed.REAL_TIME;
        if (choice.takesSpeed()) {
            // The text in the box is what runs, Enter pressed or not: it is committed here, or refused beside the box.
            Optional<Speed> typed = typedSpeed();
            if (typed.isEmpty()) {
                state.setText("Not started: the Speed box holds no speed (see under it).");
                speedEditor().requestFocusInWindow();
                speedEditor().selectAll();
                return;
            }
            chosenSpeed = typed.get();
            speed.setSelectedItem(speedEditor().getText().trim());
        }
        Speed runSpeed = chosenSpeed;
        String typedPort = takesTypedPort(choice) ? port.getText().trim() : "";
        CellSampleForm.Entry entry = null;   // a replay runs in the recorded cell, with the recorded sample
        if (choice.kind() != InstrumentChoice.Kind.REPLAY) {
            try {
                entry = cellForm.entry();
            } catch (BadInputException e) {
                Background.showError(this, "Starting", e);
                return;
            }
        }
        CellSampleForm.Entry confirmed = entry;
        start.setEnabled(false);
        state.setText("Opening " + choice.label() + " …");
        Background.run(this, "Opening the instrument", () -> withAlerts(prepare(choice, protocol, runSpeed, typedPort,
                confirmed)), prepared -> launch(prepared, choice), () -> {
                    start.setEnabled(true);
                    state.setText("Not started.");
                });
    }

    private PreparedRun prepare(InstrumentChoice choice, Path protocol, Speed runSpeed, String typedPort,
                                CellSampleForm.Entry entry) throws Exception {
        RunService service = context.runService();
        if (choice.kind() == InstrumentChoice.Kind.REPLAY) {
            try (SessionStore store = context.openStore()) {
                return ReplayService.prepare(service, store, choice.replaySession().orElseThrow(), runSpeed, context.database());
            }
        }
        // The port field is for serial instruments: a simulated cell refuses a port, and a leftover in the field is not one.
        Optional<String> portPath = choice.kind() != InstrumentChoice.Kind.SERIAL ? Optional.empty()
                : choice.port().or(() -> typedPort.isEmpty() ? Optional.empty() : Optional.of(typedPort));
        RunRequest request = new RunRequest(protocol, choice.profile(), runSpeed, Optional.empty(), choice.preset(),
                portPath, Optional.of(context.database())).withCell(entry.typed()).withSample(entry.sample());
        return service.prepare(request);
    }

    /** A run with the alerts the site names, the same as a run of the command line; none when it names none. */
    private record Prepared(PreparedRun run, Optional<RunAlerts> alerts) {
    }

    private Prepared withAlerts(PreparedRun run) throws Exception {
        try {
            return new Prepared(run, RunAlerts.attach(context.site(), run));
        } catch (Exception e) {
            run.discard();   // a site whose alerts block cannot be read starts no run
            throw e;
        }
    }

    private void launch(Prepared prepared, InstrumentChoice choice) {
        PreparedRun run = prepared.run();
        live = new LiveRun();
        run.addConsumer(live);
        if (run.waitsForOperator()) {
            run.operator().addWatcher(new HoldDialog(this, run));
        }
        active = run;
        charts.reset(run.plan());
        eventLines.clear();
        lastSamples = 0;
        lastNanos = System.nanoTime();
        rate = 0;
        finishedSession = -1;
        analyse.setEnabled(false);
        pause.setSelected(false);
        setRunning(true);
        plan = run.plan();
        planModel.show(plan);
        state.setText("Running on " + run.identity().describe());
        Thread thread = new Thread(() -> execute(run, prepared.alerts()), "norrlab-run");
        thread.setDaemon(false);   // a closed window must not end the run
        runner = thread;
        thread.start();
        refresh.start();
        log.info("GUI run started: {} on {}", run.plan().name(), choice.label());
    }

    private void execute(PreparedRun run, Optional<RunAlerts> alerts) {
        Optional<RunOutcome> outcome = Optional.empty();
        try {
            outcome = Optional.of(run.execute(RunListener.NONE));
        } catch (Exception e) {
            log.error("the run failed", e);
            if (e instanceof StoreException storeError) {
                alerts.ifPresent(a -> a.storeFailed(storeError));
            }
            javax.swing.SwingUtilities.invokeLater(() -> Background.showError(this, "The run", e));
        } finally {
            Optional<RunOutcome> result = outcome;
            javax.swing.SwingUtilities.invokeLater(() -> finished(result));
            // On this (non-daemon) thread, after the window has the outcome: a channel that hangs delays nothing shown,
            // and closing the window does not cut the last alert short.
            alerts.ifPresent(a -> {
                result.ifPresent(a::finished);
                a.noOutcome();
                RunAlerts.closeAll(List.of(a));
                a.lines().forEach(line -> log.info("session {}: {}", result.map(RunOutcome::sessionId).orElse(0L), line));
                String summary = a.summary();
                javax.swing.SwingUtilities.invokeLater(() -> rateLine.setText(rateLine.getText() + "; " + summary));
            });
        }
    }

    private void finished(Optional<RunOutcome> outcome) {
        refreshLive();
        refresh.stop();
        active = null;
        runner = null;
        lastOutcome = outcome;
        setRunning(false);
        pause.setSelected(false);
        if (outcome.isPresent()) {
            RunOutcome o = outcome.get();
            finishedSession = o.sessionId();
            analyse.setEnabled(true);
            state.setText(String.format(Locale.ROOT, "Session %d %s: %s%s", o.sessionId(), o.status().dbName(), o.reason(),
                    o.result().cellOffConfirmed() ? "; the cell is off"
                            : " — the instrument did not confirm the cell is off: check it now"));
            rateLine.setText(String.format(Locale.ROOT, "%d samples stored in %.2f s (%.0f samples/s)%s",
                    o.samplesCommitted(), o.wallSeconds(), o.samplesPerSecond(), o.samplesNotStored() == 0 ? ""
                            : "; " + o.notStoredPhrase()));
        } else {
            state.setText("The run failed; see the message and the log.");
        }
    }

    void togglePause() {
        if (active != null) {
            pause.setSelected(!pause.isSelected());
            pauseChanged();
        }
    }

    private void pauseChanged() {
        PreparedRun run = active;
        if (run != null) {
            run.pauseBetweenSteps(pause.isSelected());
        }
    }

    void abort() {
        PreparedRun run = active;
        if (run != null) {
            run.requestAbort("operator abort (GUI)");
            state.setText(ABORTING_TEXT);
        }
    }

    private void setRunning(boolean running) {
        start.setEnabled(!running);
        pause.setEnabled(running);
        abort.setEnabled(running);
        instruments.setEnabled(!running);
        protocols.setEnabled(!running);
        speed.setEnabled(!running);
        port.setEnabled(!running);
        cellForm.setEditable(!running);
        if (!running) {
            instrumentChanged();
        }
    }

    // --- live view ---------------------------------------------------------------------------------------

    private void refreshLive() {
        LiveRun model = live;
        if (model == null) {
            return;
        }
        LiveRun.View view = model.view(charts.columns());
        charts.show(view);
        long now = System.nanoTime();
        double seconds = (now - lastNanos) / 1e9;
        if (seconds >= 0.5) {
            double instant = (view.samples() - lastSamples) / seconds;
            rate = rate == 0 ? instant : 0.7 * rate + 0.3 * instant;
            lastSamples = view.samples();
            lastNanos = now;
        }
        PreparedRun run = active;
        if (run != null) {
            String where = view.step().map(s -> "step " + s.index() + " of " + plan.steps().size()).orElse("starting");
            state.setText(stateText(run.state(), pause.isSelected(), where));
        }
        view.step().ifPresent(step -> stepLine.setText(stepText(step, view)));
        Duration total = plan == null ? Duration.ZERO : plan.totalDuration();
        double remaining = Math.max(0, total.toNanos() / 1e9 - view.sessionSeconds());
        timeLine.setText(String.format(Locale.ROOT, "Elapsed %s of %s; remaining %s (instrument time)",
                clock(view.sessionSeconds()), clock(total.toNanos() / 1e9), clock(remaining)));
        if (run != null) {
            rateLine.setText(String.format(Locale.ROOT, "%.0f samples/s; %d samples", rate, view.samples()));
        }
        if (view.events().size() != eventLines.size() || (!view.events().isEmpty()
                && !eventLines.lastElement().equals(line(view.events().get(view.events().size() - 1))))) {
            eventLines.clear();
            view.events().forEach(e -> eventLines.addElement(line(e)));
            events.ensureIndexIsVisible(eventLines.size() - 1);
        }
    }

    /** The state line of a run in progress, from the scheduler's own state. */
    static String stateText(RunState now, boolean pauseAsked, String where) {
        return switch (now) {
            case PAUSED -> "Paused after " + where;
            case WAITING_FOR_OPERATOR -> "Waiting for operator: " + where + " (cell off)";
            case RECONNECTING -> "Link lost, reconnecting: " + where;
            case ABORTING -> ABORTING_TEXT;
            default -> (pauseAsked ? "Running (pause after this step), " : "Running, ") + where;
        };
    }

    /** The latest reading of the step in progress: its current, or its potential at open circuit. */
    static String latestReading(LiveRun.View view) {
        return view.latest().map(s -> s.hasCurrent() ? "I = " + Units.formatCurrent(s.currentAmperes())
                : String.format(Locale.ROOT, "E = %.4f V vs RE", s.potentialVolts())).orElse("");
    }

    static String stepText(PlannedStep step, LiveRun.View view) {
        String latest = latestReading(view);
        return step.match(
                ocp -> String.format(Locale.ROOT, "Step %d, open circuit, %s into %s; %s", step.index(),
                        clock(view.stepSeconds()), Units.formatDuration(step.duration()), latest),
                ca -> String.format(Locale.ROOT, "Step %d, CA at %.3f V vs RHE (%.3f V vs RE), %s into %s; %s", step.index(),
                        ca.voltsVsRhe(), ca.voltsVsReference(), clock(view.stepSeconds()),
                        Units.formatDuration(step.duration()), latest),
                hold -> String.format(Locale.ROOT, "Step %d, waiting for operator (%s), %s; cell %s", step.index(),
                        hold.message(), clock(view.stepSeconds()), hold.cell().written()),
                lsv -> sweepText(step, view, latest), cv -> sweepText(step, view, latest),
                cp -> sweepText(step, view, latest), eis -> String.format(Locale.ROOT, "Step %d, %s, %s into %s; %s",
                        step.index(), step.summary(), clock(view.stepSeconds()), Units.formatDuration(step.duration()),
                        SpectrumCharts.progress(eis, view.spectrum())));
    }

    private static String sweepText(PlannedStep step, LiveRun.View view, String latest) {
        return String.format(Locale.ROOT, "Step %d, %s, %s into %s; %s", step.index(), step.summary(),
                clock(view.stepSeconds()), Units.formatDuration(step.duration()), latest);
    }

    static String line(LiveRun.EventLine e) {
        return String.format(Locale.ROOT, "%s  step %d  %-15s %s", clock(e.sessionSeconds()), e.stepIndex(), e.kind(), e.text());
    }

    static String clock(double seconds) {
        long s = (long) Math.floor(seconds);
        return String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s % 3600 / 60, s % 60);
    }

    // --- for the window and the tests --------------------------------------------------------------------

    boolean running() {
        return active != null;
    }

    Optional<PreparedRun> activeRun() {
        return Optional.ofNullable(active);
    }

    /** Waits (off the event thread) for the run thread to end. */
    void awaitRunEnd(Duration timeout) throws InterruptedException {
        Thread thread = runner;
        if (thread != null) {
            thread.join(timeout.toMillis());
        }
    }

    Optional<RunOutcome> lastOutcome() {
        return lastOutcome;
    }

    CellSampleForm cellForm() {
        return cellForm;
    }

    LiveCharts charts() {
        return charts;
    }

    JComboBox<InstrumentChoice> instruments() {
        return instruments;
    }

    JComboBox<Path> protocols() {
        return protocols;
    }

    JComboBox<String> speed() {
        return speed;
    }

    JLabel speedProblem() {
        return speedProblem;
    }

    PlanTableModel planModel() {
        return planModel;
    }

    JLabel stateLabel() {
        return state;
    }

    JTextField portField() {
        return port;
    }

    /** The lines whose text changes as the run goes: the plan's summary, the speed's problem and the live status. */
    List<JLabel> statusLines() {
        return List.of(planSummary, speedProblem, state, stepLine, timeLine, rateLine);
    }

    DefaultListModel<String> eventLines() {
        return eventLines;
    }
}
