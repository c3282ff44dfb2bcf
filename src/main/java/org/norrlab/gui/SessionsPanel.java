package org.norrlab.gui;

import org.jfree.chart.ChartPanel;
import org.jfree.chart.JFreeChart;
import org.norrlab.core.ImpedancePoint;
import org.norrlab.core.StepOutcome;
import org.norrlab.core.Technique;
import org.norrlab.core.BadInputException;
import org.norrlab.core.Units;
import org.norrlab.report.SessionExporter;
import org.norrlab.report.SessionSummaries;
import org.norrlab.report.StepSummary;
import org.norrlab.store.SessionStore;
import org.norrlab.store.StoredEvent;
import org.norrlab.store.StoredSession;
import org.norrlab.store.StoredStep;

import javax.swing.AbstractAction;
import javax.swing.BorderFactory;
import javax.swing.JButton;
import javax.swing.JFileChooser;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.JSplitPane;
import javax.swing.JTabbedPane;
import javax.swing.JTable;
import javax.swing.JTextArea;
import javax.swing.JTextField;
import javax.swing.KeyStroke;
import javax.swing.ListSelectionModel;
import javax.swing.RowFilter;
import javax.swing.event.DocumentEvent;
import javax.swing.event.DocumentListener;
import javax.swing.table.DefaultTableModel;
import javax.swing.table.TableRowSorter;
import java.awt.BorderLayout;
import java.awt.Dimension;
import java.awt.FlowLayout;
import java.awt.Font;
import java.awt.event.ActionEvent;
import java.awt.event.InputEvent;
import java.awt.event.KeyEvent;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.LongConsumer;
import java.util.regex.Pattern;

/**
 * The sessions view: every stored session, a filter, and one session's steps, I(t), events and settings. A session
 * with sweep steps (LSV, CV) also has an I–E tab: the first sweep step, or the one chosen in the steps table; one with
 * impedance spectra (EIS steps) has an Impedance tab, Nyquist and Bode side by side, likewise.
 * <p>
 * Overlay (button or Ctrl+Shift+O) draws several steps in one chart ({@link Overlay}): the steps kept with "Keep steps"
 * and those chosen in the Steps tab, or, when no step is chosen or kept, the CA steps of every session chosen in the
 * list (Ctrl- or Shift-click for several); the details below show the session clicked last.
 */
final class SessionsPanel extends JPanel {
    static final String[] SESSION_COLUMNS = {"id", "started (UTC)", "status", "protocol", "instrument", "reason", "bench"};
    static final String[] STEP_COLUMNS = {"step", "kind", "E vs RHE (V)", "E vs RE (V)", "duration (s)", "samples",
            "mean I", "|Q| (C)", "outcome", "scan rate (mV/s)"};
    static final String SWEEP_TAB = "I–E (sweeps)";
    static final String IMPEDANCE_TAB = "Impedance";

    private final GuiContext context;
    private final DefaultTableModel sessions = Tables.readOnly(SESSION_COLUMNS);
    private final JTable sessionTable = new JTable(sessions);
    private final TableRowSorter<DefaultTableModel> sorter = new TableRowSorter<>(sessions);
    private final JTextField filter = new JTextField(24);
    private final DefaultTableModel steps = Tables.readOnly(STEP_COLUMNS);
    private final JTextArea eventText = new JTextArea();
    private final JTextArea settingsText = new JTextArea();
    private final ChartPanel chartPanel = new ChartPanel(null);
    /** Crosshair, I ↔ j, time unit, log, Autoscale, overload shading and CSV export of the I(t) chart. */
    private final ChartTools currentTools = ChartTools.install(chartPanel, "I(t)");
    private final ChartPanel sweepPanel = new ChartPanel(null);
    private final ChartPanel nyquistPanel = new ChartPanel(null);
    private final ChartPanel bodePanel = new ChartPanel(null);
    private final JTabbedPane detailTabs = new JTabbedPane();
    private final JTable stepTable = Tables.fitted(new JTable(steps));
    /** The steps of the session shown, by row of the steps table. */
    private List<StoredStep> shownSteps = List.of();
    /** The impedance spectra of the session shown, by step index. */
    private Map<Integer, List<ImpedancePoint>> shownSpectra = Map.of();
    private final JLabel heading = new StatusLine("Choose a session.");
    private final JButton exportCsv = new JButton("Export CSV…");
    private final JButton exportJson = new JButton("Export JSON…");
    private final JButton analyse = new JButton("Analyse…");
    private final JButton importFile = new JButton("Import instrument file…");
    private final JButton sync = new JButton("Sync to lab database");
    /** The import or sync under way or done last; for the tests. */
    private ProgressTask<?> longAction;
    private final JButton overlay = new JButton("Overlay…");
    private final JButton keepSteps = new JButton("Keep steps");
    private final JButton clearKept = new JButton("Clear kept");
    private final JLabel keptText = new JLabel();
    /** Steps kept for the next overlay, of any sessions, in the order kept. */
    private final Set<Overlay.Pick> kept = new LinkedHashSet<>();
    private Optional<OverlayChart.Shown> lastOverlay = Optional.empty();
    private long shown = -1;
    /** The session opened last, whose details are (about to be) shown. */
    private long requested = -1;

    SessionsPanel(GuiContext context, LongConsumer analyseSession) {
        super(new BorderLayout());
        this.context = context;
        sessionTable.setName("sessions");
        Tables.fitted(sessionTable);
        sessionTable.setRowSorter(sorter);
        sessionTable.setSelectionMode(ListSelectionModel.MULTIPLE_INTERVAL_SELECTION);
        sessionTable.getSelectionModel().addListSelectionListener(e -> {
            if (!e.getValueIsAdjusting()) {
                selected();
            }
        });
        filter.getDocument().addDocumentListener(new DocumentListener() {
            @Override
            public void insertUpdate(DocumentEvent e) {
                applyFilter();
            }

            @Override
            public void removeUpdate(DocumentEvent e) {
                applyFilter();
            }

            @Override
            public void changedUpdate(DocumentEvent e) {
                applyFilter();
            }
        });
        JButton reload = new JButton("Reload");
        reload.addActionListener(e -> reload());
        JPanel top = new JPanel(new WrapLayout(FlowLayout.LEFT));
        top.add(new JLabel("Filter"));
        top.add(filter);
        top.add(reload);
        importFile.setToolTipText("A file from EC-Lab, Gamry, PSTrace, CHI, NOVA, Squidstat or a CSV becomes a session,"
                + " as with 'norrlab import FILE'");
        importFile.addActionListener(e -> importFile());
        top.add(importFile);
        if (LongActions.canSync(context)) {
            sync.setToolTipText("Copy this bench's finished sessions to the lab database, as 'norrlab sync'");
            sync.addActionListener(e -> sync());
            top.add(sync);
        }
        overlay.setMnemonic(KeyEvent.VK_O);
        overlay.setToolTipText("<html>Draw several steps in one chart (Ctrl+Shift+O): the steps kept and those chosen in the"
                + " Steps tab,<br>or else the CA steps of every session chosen in the list.</html>");
        overlay.addActionListener(e -> overlay());
        keepSteps.setToolTipText("Keep the steps chosen in the Steps tab for the next overlay, to overlay steps of several"
                + " sessions.");
        keepSteps.addActionListener(e -> keepSteps());
        clearKept.addActionListener(e -> {
            kept.clear();
            showKept();
        });
        top.add(overlay);
        top.add(keepSteps);
        top.add(clearKept);
        top.add(keptText);
        showKept();
        getInputMap(WHEN_ANCESTOR_OF_FOCUSED_COMPONENT).put(
                KeyStroke.getKeyStroke(KeyEvent.VK_O, InputEvent.CTRL_DOWN_MASK | InputEvent.SHIFT_DOWN_MASK), "overlay");
        getActionMap().put("overlay", new AbstractAction() {
            @Override
            public void actionPerformed(ActionEvent e) {
                overlay();
            }
        });
        JPanel list = new JPanel(new BorderLayout());
        list.add(top, BorderLayout.NORTH);
        JScrollPane listScroll = new JScrollPane(sessionTable);
        listScroll.setPreferredSize(new Dimension(900, 200));
        list.add(listScroll, BorderLayout.CENTER);

        stepTable.setName("steps");
        stepTable.setSelectionMode(ListSelectionModel.MULTIPLE_INTERVAL_SELECTION);
        stepTable.getSelectionModel().addListSelectionListener(e -> {
            if (!e.getValueIsAdjusting()) {
                stepSelected();
            }
        });
        eventText.setEditable(false);
        eventText.setFont(new Font(Font.MONOSPACED, Font.PLAIN, 12));
        settingsText.setEditable(false);
        settingsText.setFont(new Font(Font.MONOSPACED, Font.PLAIN, 12));
        detailTabs.addTab("I(t)", currentTools.component());
        detailTabs.addTab(SWEEP_TAB, sweepPanel);
        JSplitPane spectrum = new JSplitPane(JSplitPane.HORIZONTAL_SPLIT, nyquistPanel, bodePanel);
        spectrum.setResizeWeight(0.5);
        detailTabs.addTab(IMPEDANCE_TAB, spectrum);
        detailTabs.addTab("Steps", new JScrollPane(stepTable));
        detailTabs.addTab("Events", new JScrollPane(eventText));
        detailTabs.addTab("Settings", new JScrollPane(settingsText));

        exportCsv.addActionListener(e -> export(false));
        exportJson.addActionListener(e -> export(true));
        analyse.addActionListener(e -> analyseSession.accept(shown));
        // The heading (which also says where an export went) on a line of its own, the buttons in a row below it: a
        // long text must not move a button under the operator's pointer.
        JPanel actions = new JPanel(new WrapLayout(FlowLayout.LEFT));
        heading.setFont(heading.getFont().deriveFont(Font.BOLD, 13f));
        heading.setBorder(BorderFactory.createEmptyBorder(2, 6, 0, 6));
        actions.add(exportCsv);
        actions.add(exportJson);
        actions.add(analyse);
        enableActions(false);
        JPanel headingAndActions = new JPanel(new BorderLayout());
        headingAndActions.add(heading, BorderLayout.NORTH);
        headingAndActions.add(actions, BorderLayout.CENTER);
        JPanel detail = new JPanel(new BorderLayout());
        detail.add(headingAndActions, BorderLayout.NORTH);
        detail.add(detailTabs, BorderLayout.CENTER);
        detail.setBorder(BorderFactory.createEmptyBorder(4, 0, 0, 0));

        JSplitPane split = new JSplitPane(JSplitPane.VERTICAL_SPLIT, list, detail);
        split.setResizeWeight(0.3);
        add(split, BorderLayout.CENTER);
    }

    void reload() {
        Background.run(this, "Reading the sessions", () -> {
            try (SessionStore store = context.openStore()) {
                return store.sessions();
            }
        }, list -> {
            sessions.setRowCount(0);
            for (StoredSession s : list) {
                String started = s.started().toString().replace('T', ' ').replaceFirst("\\.\\d+Z$", "Z");
                // an imported session's time is when it was imported, not measured: said so in the cell
                sessions.addRow(new Object[] {s.id(), s.instrument().isImported() ? "imported " + started : started,
                        s.status().dbName(), s.protocolName(), s.instrument().describe(), s.statusReason(),
                        s.runOptions().getOrDefault("bench", "")});
            }
        });
    }

    private void applyFilter() {
        String text = filter.getText().trim();
        sorter.setRowFilter(text.isEmpty() ? null : RowFilter.regexFilter("(?i)" + Pattern.quote(text)));
    }

    /** The session clicked last (the lead of a multiple selection) opens below. */
    private void selected() {
        int row = leadRow(sessionTable);
        if (row < 0) {
            return;
        }
        long id = ((Number) sessions.getValueAt(sessionTable.convertRowIndexToModel(row), 0)).longValue();
        open(id);
    }

    /** Loads one session's details in the background. */
    void open(long id) {
        requested = id;
        // sessions clicked in quick succession load side by side: only the one asked for last is shown
        Background.run(this, "Opening session " + id, () -> load(id), d -> {
            if (d.session().id() == requested) {
                show(d);
            }
        });
    }

    /**
     * @param current     the session's CA steps against session time, for {@link ChartTools}
     * @param sweepChart  the I–E plot of the session's first sweep step; empty when it has none
     * @param spectra     the session's impedance spectra by step index
     * @param spectrum    the Nyquist and Bode plots of its first spectrum; empty when it has none
     */
    record Details(StoredSession session, List<StepSummary> steps, List<StoredEvent> events, TimeTraces current,
                   Optional<JFreeChart> sweepChart, Map<Integer, List<ImpedancePoint>> spectra,
                   Optional<SpectrumSteps.Charts> spectrum) {
    }

    private Details load(long id) throws Exception {
        try (SessionStore store = context.openStore()) {
            StoredSession session = store.session(id).orElseThrow(() -> new BadInputException("there is no session " + id));
            TimeTraces current = StoredTraces.of(store, session);
            List<StepSummary> summaries = SessionSummaries.of(store, id);
            Optional<StoredStep> firstSweep = summaries.stream().map(StepSummary::step).filter(StoredStep::isSweep).findFirst();
            Optional<JFreeChart> sweepChart = firstSweep.isEmpty() ? Optional.empty()
                    : Optional.of(SweepSteps.chart(store, id, firstSweep.get()));
            Map<Integer, List<ImpedancePoint>> spectra = store.impedance().spectra(id);
            Optional<SpectrumSteps.Charts> spectrum = summaries.stream().map(StepSummary::step)
                    .filter(s -> spectra.containsKey(s.index())).findFirst()
                    .map(s -> SpectrumSteps.charts(id, s, spectra.get(s.index())));
            return new Details(session, summaries, store.events(id), current, sweepChart, spectra, spectrum);
        }
    }

    private void show(Details d) {
        shown = d.session().id();
        heading.setText("Session " + shown + " (" + d.session().status().dbName() + ")");
        currentTools.chart().setTitle("Session " + shown + ": " + d.session().protocolName());
        currentTools.show(d.current());
        currentTools.autoscale();
        sweepPanel.setChart(d.sweepChart().orElse(null));
        detailTabs.setEnabledAt(detailTabs.indexOfTab(SWEEP_TAB), d.sweepChart().isPresent());
        nyquistPanel.setChart(d.spectrum().map(SpectrumSteps.Charts::nyquist).orElse(null));
        bodePanel.setChart(d.spectrum().map(SpectrumSteps.Charts::bode).orElse(null));
        detailTabs.setEnabledAt(detailTabs.indexOfTab(IMPEDANCE_TAB), d.spectrum().isPresent());
        shownSteps = d.steps().stream().map(StepSummary::step).toList();
        shownSpectra = d.spectra();
        steps.setRowCount(0);
        for (StepSummary s : d.steps()) {
            steps.addRow(stepRow(s, d.spectra().getOrDefault(s.step().index(), List.of()).size()));
        }
        StringBuilder text = new StringBuilder();
        for (StoredEvent e : d.events()) {
            text.append(String.format(Locale.ROOT, "step %d  t = %.3f s  %-16s %s%n", e.stepIndex(), e.event().timeSeconds(),
                    e.event().kind(), e.event().message()));
        }
        eventText.setText(text.toString());
        eventText.setCaretPosition(0);
        settingsText.setText(settings(d.session()));
        settingsText.setCaretPosition(0);
        enableActions(true);
    }

    /**
     * A row of the steps table. A sweep shows its potentials and scan rate from its settings; its mean current and
     * charge mean nothing (the potential moved), so they are "—" as for open circuit.
     */
    static Object[] stepRow(StepSummary s) {
        return stepRow(s, 0);
    }

    /**
     * A row of the steps table for a step with {@code impedancePoints} points of impedance spectrum: an EIS step shows
     * its DC potential ("OCP" at open circuit) and how many frequencies it measured instead of samples.
     */
    static Object[] stepRow(StepSummary s, int impedancePoints) {
        StoredStep step = s.step();
        boolean ca = step.kind().equals("ca");
        String outcome = step.outcome().map(StepOutcome::dbName).orElse("");
        String duration = String.format(Locale.ROOT, "%.1f", s.durationSeconds());
        if (step.kind().equals(Technique.IMPEDANCE.written())) {
            return new Object[] {step.index(), step.kind(), SpectrumSteps.dcPotential(step.voltsVsRhe()),
                    SpectrumSteps.dcPotential(step.voltsVsReference()),
                    // its time is the step's own (the last point's), not that of samples it does not have
                    String.format(Locale.ROOT, "%.1f", step.durationSeconds()), impedancePoints + " frequencies", "—",
                    "—", outcome, "—"};
        }
        if (step.isSweep()) {
            return new Object[] {step.index(), SweepSteps.kind(step), SweepSteps.potentials(step, true),
                    SweepSteps.potentials(step, false), duration, s.samples(), "—", "—", outcome, SweepSteps.scanRate(step)};
        }
        return new Object[] {step.index(), step.kind(),
                ca ? String.format(Locale.ROOT, "%.3f", step.voltsVsRhe()) : "—",
                ca ? String.format(Locale.ROOT, "%.3f", step.voltsVsReference()) : "—",
                duration, s.samples(),
                ca ? Units.formatCurrent(s.meanAmperes()) : "—",
                // the column is the magnitude, as in the analysis and the report; a reduction's charge is negative,
                // and its sign is the mean current's, one column to the left
                ca ? String.format(Locale.ROOT, "%.5g", Math.abs(s.coulombs())) : "—", outcome, "—"};
    }

    /** The row clicked last where it is selected, else the first selected one; -1 when none is. */
    private static int leadRow(JTable table) {
        int lead = table.getSelectionModel().getLeadSelectionIndex();
        return lead >= 0 && table.isRowSelected(lead) ? lead : table.getSelectedRow();
    }

    /** The steps chosen in the Steps tab, of the session shown. */
    private List<Overlay.Pick> chosenSteps() {
        List<Overlay.Pick> picks = new ArrayList<>();
        for (int row : stepTable.getSelectedRows()) {
            int model = stepTable.convertRowIndexToModel(row);
            if (shown >= 0 && model < shownSteps.size()) {
                picks.add(new Overlay.Pick(shown, shownSteps.get(model).index()));
            }
        }
        return picks;
    }

    private void keepSteps() {
        kept.addAll(chosenSteps());
        showKept();
    }

    private void showKept() {
        long sessionCount = kept.stream().mapToLong(Overlay.Pick::sessionId).distinct().count();
        keptText.setText(kept.isEmpty() ? "" : kept.size() + (kept.size() == 1 ? " step" : " steps") + " of "
                + sessionCount + (sessionCount == 1 ? " session" : " sessions") + " kept");
        clearKept.setEnabled(!kept.isEmpty());
    }

    /**
     * Draws the overlay in a window of its own: the kept and chosen steps, or, when there are none, the CA steps of
     * the sessions chosen in the list. What cannot be overlaid is refused in a dialog that says why.
     */
    void overlay() {
        List<Overlay.Pick> steps = new ArrayList<>(kept);
        chosenSteps().stream().filter(p -> !kept.contains(p)).forEach(steps::add);
        List<Long> chosenSessions = new ArrayList<>();
        if (steps.isEmpty()) {
            for (int row : sessionTable.getSelectedRows()) {
                chosenSessions.add(((Number) sessions.getValueAt(sessionTable.convertRowIndexToModel(row), 0)).longValue());
            }
        }
        Background.run(this, "Drawing the overlay", () -> {
            try (SessionStore store = context.openStore()) {
                return Overlay.read(store, chosenSessions, steps, Overlay.PIXEL_BUCKETS);
            }
        }, drawn -> lastOverlay = Optional.of(OverlayChart.show(this, drawn)));
    }

    /**
     * A sweep step chosen in the steps table: its I–E plot, read in the background, in the I–E tab; a step with an
     * impedance spectrum: its Nyquist and Bode plots in the Impedance tab.
     */
    private void stepSelected() {
        if (stepTable.getSelectedRowCount() > 1) {
            return;   // several steps chosen for an overlay: stay in the Steps tab
        }
        int row = leadRow(stepTable);
        if (row >= 0 && row < shownSteps.size() && shownSpectra.containsKey(shownSteps.get(row).index())) {
            StoredStep step = shownSteps.get(row);
            SpectrumSteps.Charts charts = SpectrumSteps.charts(shown, step, shownSpectra.get(step.index()));
            nyquistPanel.setChart(charts.nyquist());
            bodePanel.setChart(charts.bode());
            detailTabs.setSelectedIndex(detailTabs.indexOfTab(IMPEDANCE_TAB));
            return;
        }
        if (row < 0 || row >= shownSteps.size() || !shownSteps.get(row).isSweep()) {
            return;
        }
        long id = shown;
        StoredStep step = shownSteps.get(row);
        Background.run(this, "Reading step " + step.index() + " of session " + id, () -> {
            try (SessionStore store = context.openStore()) {
                return SweepSteps.chart(store, id, step);
            }
        }, chart -> {
            if (shown == id) {
                sweepPanel.setChart(chart);
                detailTabs.setSelectedIndex(detailTabs.indexOfTab(SWEEP_TAB));
            }
        });
    }

    private static String settings(StoredSession s) {
        StringBuilder text = new StringBuilder();
        text.append("Protocol: ").append(s.protocolName()).append(" (").append(s.protocolFile()).append(")\n");
        text.append("Instrument: ").append(s.instrument().describe()).append('\n');
        text.append("Software: ").append(s.softwareVersion()).append('\n');
        var cell = s.cell();
        text.append(String.format(Locale.ROOT, "Cell: %s, pH %.2f, %.1f °C, electrode %.3g cm², loading %.3g mg/cm²,"
                        + " electrolyte %.3g mL%n", cell.referenceElectrode().name(), cell.pH(), cell.temperatureCelsius(),
                cell.electrodeAreaCm2(), cell.catalystLoadingMgPerCm2(), cell.electrolyteVolumeMl()));
        s.sample().lines().forEach(line -> text.append(line).append('\n'));
        s.replayOf().ifPresent(id -> text.append("Replay of session ").append(id).append('\n'));
        s.resumedFrom().ifPresent(id -> text.append("Resumes session ").append(id).append('\n'));
        for (Map.Entry<String, String> option : s.runOptions().entrySet()) {
            text.append("run ").append(option.getKey()).append(": ").append(option.getValue()).append('\n');
        }
        text.append("\n--- protocol as run ---\n").append(s.protocolText());
        return text.toString();
    }

    private void enableActions(boolean on) {
        exportCsv.setEnabled(on);
        exportJson.setEnabled(on);
        analyse.setEnabled(on);
    }

    private void export(boolean json) {
        long id = shown;
        JFileChooser chooser = new JFileChooser();
        chooser.setSelectedFile(new java.io.File("session-" + id + (json ? ".json" : ".csv")));
        if (chooser.showSaveDialog(this) != JFileChooser.APPROVE_OPTION) {
            return;
        }
        Path target = chooser.getSelectedFile().toPath();
        Background.run(this, "Exporting session " + id, () -> {
            exportTo(context, id, target, json);
            return target;
        }, written -> heading.setText("Session " + id + " exported to " + written.getFileName()));
    }

    private void importFile() {
        JFileChooser chooser = new JFileChooser();
        chooser.setDialogTitle("Import an instrument file");
        if (chooser.showOpenDialog(this) != JFileChooser.APPROVE_OPTION) {
            return;
        }
        Path file = chooser.getSelectedFile().toPath();
        importFile.setEnabled(false);
        longAction = ProgressTask.start(this, "Importing " + file.getFileName(),
                progress -> LongActions.importFile(context, file, progress),
                summary -> heading.setText(LongActions.imported(file, summary)),
                () -> heading.setText(LongActions.importCancelled(file)), () -> {
                    importFile.setEnabled(true);
                    reload();
                });
    }

    private void sync() {
        sync.setEnabled(false);
        longAction = ProgressTask.start(this, "Syncing to the lab database", progress -> LongActions.sync(context, progress),
                report -> heading.setText(LongActions.synced(report)),
                () -> heading.setText("Sync cancelled: the sessions copied before stay in the lab database, whole;"
                        + " the others were not begun"), () -> sync.setEnabled(true));
    }

    static void exportTo(GuiContext context, long id, Path target, boolean json) throws Exception {
        try (SessionStore store = context.openStore();
             OutputStream out = new java.io.BufferedOutputStream(Files.newOutputStream(target))) {
            SessionExporter.write(store, store.session(id).orElseThrow(), json ? SessionExporter.Format.JSON
                    : SessionExporter.Format.CSV, out);
        }
    }

    // for the tests
    JTable sessionTable() {
        return sessionTable;
    }

    DefaultTableModel stepModel() {
        return steps;
    }

    JTextField filter() {
        return filter;
    }

    ChartPanel chartPanel() {
        return chartPanel;
    }

    ChartTools currentTools() {
        return currentTools;
    }

    ChartPanel sweepPanel() {
        return sweepPanel;
    }

    ChartPanel nyquistPanel() {
        return nyquistPanel;
    }

    ChartPanel bodePanel() {
        return bodePanel;
    }

    JTabbedPane detailTabs() {
        return detailTabs;
    }

    JTable stepTable() {
        return stepTable;
    }

    JTextArea eventText() {
        return eventText;
    }

    long shownSession() {
        return shown;
    }

    Optional<ProgressTask<?>> longAction() {
        return Optional.ofNullable(longAction);
    }

    String headingText() {
        return heading.getText();
    }

    JButton overlayButton() {
        return overlay;
    }

    JButton keepStepsButton() {
        return keepSteps;
    }

    JLabel keptText() {
        return keptText;
    }

    Optional<OverlayChart.Shown> lastOverlay() {
        return lastOverlay;
    }
}
