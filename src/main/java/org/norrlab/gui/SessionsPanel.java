package org.norrlab.gui;

import org.jfree.chart.ChartPanel;
import org.jfree.chart.JFreeChart;
import org.norrlab.core.ImpedancePoint;
import org.norrlab.core.StepOutcome;
import org.norrlab.core.Technique;
import org.norrlab.core.BadInputException;
import org.norrlab.core.Units;
import org.norrlab.figures.CurrentFigure;
import org.norrlab.report.ReportWriter;
import org.norrlab.report.SessionAnalysis;
import org.norrlab.report.SessionExporter;
import org.norrlab.report.SessionSummaries;
import org.norrlab.report.StepSummary;
import org.norrlab.store.SessionStore;
import org.norrlab.store.StoredEvent;
import org.norrlab.store.StoredSession;
import org.norrlab.store.StoredStep;

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
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongConsumer;
import java.util.regex.Pattern;

/**
 * The sessions view: every stored session, a filter, and one session's steps, I(t), events and settings. A session
 * with sweep steps (LSV, CV) also has an I–E tab: the first sweep step, or the one chosen in the steps table; one with
 * impedance spectra (EIS steps) has an Impedance tab, Nyquist and Bode side by side, likewise.
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
    private final ChartPanel sweepPanel = new ChartPanel(null);
    private final ChartPanel nyquistPanel = new ChartPanel(null);
    private final ChartPanel bodePanel = new ChartPanel(null);
    private final JTabbedPane detailTabs = new JTabbedPane();
    private final JTable stepTable = Tables.fitted(new JTable(steps));
    /** The steps of the session shown, by row of the steps table. */
    private List<StoredStep> shownSteps = List.of();
    /** The impedance spectra of the session shown, by step index. */
    private Map<Integer, List<ImpedancePoint>> shownSpectra = Map.of();
    private final JLabel heading = new JLabel("Choose a session.");
    private final JButton exportCsv = new JButton("Export CSV…");
    private final JButton exportJson = new JButton("Export JSON…");
    private final JButton analyse = new JButton("Analyse…");
    private long shown = -1;

    SessionsPanel(GuiContext context, LongConsumer analyseSession) {
        super(new BorderLayout());
        this.context = context;
        sessionTable.setName("sessions");
        Tables.fitted(sessionTable);
        sessionTable.setRowSorter(sorter);
        sessionTable.setSelectionMode(ListSelectionModel.SINGLE_SELECTION);
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
        JPanel top = new JPanel(new FlowLayout(FlowLayout.LEFT));
        top.add(new JLabel("Filter"));
        top.add(filter);
        top.add(reload);
        JPanel list = new JPanel(new BorderLayout());
        list.add(top, BorderLayout.NORTH);
        JScrollPane listScroll = new JScrollPane(sessionTable);
        listScroll.setPreferredSize(new Dimension(900, 200));
        list.add(listScroll, BorderLayout.CENTER);

        stepTable.setName("steps");
        stepTable.setSelectionMode(ListSelectionModel.SINGLE_SELECTION);
        stepTable.getSelectionModel().addListSelectionListener(e -> {
            if (!e.getValueIsAdjusting()) {
                stepSelected();
            }
        });
        eventText.setEditable(false);
        eventText.setFont(new Font(Font.MONOSPACED, Font.PLAIN, 12));
        settingsText.setEditable(false);
        settingsText.setFont(new Font(Font.MONOSPACED, Font.PLAIN, 12));
        detailTabs.addTab("I(t)", chartPanel);
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
        JPanel actions = new JPanel(new FlowLayout(FlowLayout.LEFT));
        heading.setFont(heading.getFont().deriveFont(Font.BOLD, 13f));
        actions.add(heading);
        actions.add(exportCsv);
        actions.add(exportJson);
        actions.add(analyse);
        enableActions(false);
        JPanel detail = new JPanel(new BorderLayout());
        detail.add(actions, BorderLayout.NORTH);
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
                sessions.addRow(new Object[] {s.id(), s.started().toString().replace('T', ' ').replaceFirst("\\.\\d+Z$", "Z"),
                        s.status().dbName(), s.protocolName(), s.instrument().describe(), s.statusReason(),
                        s.runOptions().getOrDefault("bench", "")});
            }
        });
    }

    private void applyFilter() {
        String text = filter.getText().trim();
        sorter.setRowFilter(text.isEmpty() ? null : RowFilter.regexFilter("(?i)" + Pattern.quote(text)));
    }

    private void selected() {
        int row = sessionTable.getSelectedRow();
        if (row < 0) {
            return;
        }
        long id = ((Number) sessions.getValueAt(sessionTable.convertRowIndexToModel(row), 0)).longValue();
        open(id);
    }

    /** Loads one session's details in the background. */
    void open(long id) {
        Background.run(this, "Opening session " + id, () -> load(id), this::show);
    }

    /**
     * @param sweepChart  the I–E plot of the session's first sweep step; empty when it has none
     * @param spectra     the session's impedance spectra by step index
     * @param spectrum    the Nyquist and Bode plots of its first spectrum; empty when it has none
     */
    record Details(StoredSession session, List<StepSummary> steps, List<StoredEvent> events, JFreeChart chart,
                   Optional<JFreeChart> sweepChart, Map<Integer, List<ImpedancePoint>> spectra,
                   Optional<SpectrumSteps.Charts> spectrum) {
    }

    private Details load(long id) throws Exception {
        try (SessionStore store = context.openStore()) {
            StoredSession session = store.session(id).orElseThrow(() -> new BadInputException("there is no session " + id));
            SessionAnalysis.Result result = SessionAnalysis.analyze(store, id, SessionAnalysis.Options.DEFAULT);
            JFreeChart chart = CurrentFigure.chart("Session " + id + ": " + session.protocolName(),
                    ReportWriter.traces(store, result));
            List<StepSummary> summaries = SessionSummaries.of(store, id);
            Optional<StoredStep> firstSweep = summaries.stream().map(StepSummary::step).filter(StoredStep::isSweep).findFirst();
            Optional<JFreeChart> sweepChart = firstSweep.isEmpty() ? Optional.empty()
                    : Optional.of(SweepSteps.chart(store, id, firstSweep.get()));
            Map<Integer, List<ImpedancePoint>> spectra = store.impedance().spectra(id);
            Optional<SpectrumSteps.Charts> spectrum = summaries.stream().map(StepSummary::step)
                    .filter(s -> spectra.containsKey(s.index())).findFirst()
                    .map(s -> SpectrumSteps.charts(id, s, spectra.get(s.index())));
            return new Details(session, summaries, store.events(id), chart, sweepChart, spectra, spectrum);
        }
    }

    private void show(Details d) {
        shown = d.session().id();
        heading.setText("Session " + shown + " (" + d.session().status().dbName() + ")");
        chartPanel.setChart(d.chart());
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
                ca ? String.format(Locale.ROOT, "%.5g", s.coulombs()) : "—", outcome, "—"};
    }

    /**
     * A sweep step chosen in the steps table: its I–E plot, read in the background, in the I–E tab; a step with an
     * impedance spectrum: its Nyquist and Bode plots in the Impedance tab.
     */
    private void stepSelected() {
        int row = stepTable.getSelectedRow();
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
}
