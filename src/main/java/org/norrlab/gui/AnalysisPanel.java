package org.norrlab.gui;

import org.jfree.chart.ChartPanel;
import org.jfree.chart.JFreeChart;
import org.norrlab.analysis.Assay;
import org.norrlab.analysis.Calibration;
import org.norrlab.analysis.CalibrationFit;
import org.norrlab.analysis.Product;
import org.norrlab.core.BadInputException;
import org.norrlab.driver.DriverRegistry;
import org.norrlab.figures.FaradaicFigure;
import org.norrlab.electrochem.CellSettings;
import org.norrlab.labdata.AssayCorrections;
import org.norrlab.labdata.AssayEntry;
import org.norrlab.labdata.AssayFile;
import org.norrlab.labdata.SimulatedAssays;
import org.norrlab.labdata.SessionCorrections;
import org.norrlab.labdata.StandardsFile;
import org.norrlab.report.ReportWriter;
import org.norrlab.report.ResultRows;
import org.norrlab.report.SessionAnalysis;
import org.norrlab.report.ResultText;
import org.norrlab.report.StepAnalysis;
import org.norrlab.store.CorrectionStore;
import org.norrlab.store.SessionStore;
import org.norrlab.store.StoredCorrection;
import org.norrlab.store.StoredStep;
import org.norrlab.store.StoredSession;

import javax.swing.BorderFactory;
import javax.swing.JButton;
import javax.swing.JComboBox;
import javax.swing.JFileChooser;
import javax.swing.JLabel;
import javax.swing.JOptionPane;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.JSplitPane;
import javax.swing.JTabbedPane;
import javax.swing.JTable;
import javax.swing.JTextField;
import javax.swing.ListSelectionModel;
import javax.swing.table.DefaultTableCellRenderer;
import javax.swing.table.DefaultTableModel;
import java.awt.BorderLayout;
import java.awt.Color;
import java.awt.Component;
import java.awt.Dimension;
import java.awt.FlowLayout;
import java.awt.Font;
import java.awt.GridLayout;
import java.nio.file.Path;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The analysis view: a session's assays and the calibrations they are read through, the per-step
 * FE/yield table and figure, and the report. Entering or importing results re-runs the analysis. A second tab shows
 * the session's uncompensated resistance and its iR-corrected potentials ({@link ResistancePanel}).
 */
final class AnalysisPanel extends JPanel {
    static final String[] RESULT_COLUMNS = ResultRows.HEADERS.toArray(String[]::new);
    /** The state (current, superseded by N, removed) comes second: a long note must not push it out of sight. */
    static final String[] ASSAY_COLUMNS = {"id", "state", "step", "product", "place", "kind", "value", "unit",
            "calibration", "dilution", "operator", "note"};
    static final int STATE_COLUMN = 1;
    static final String[] HISTORY_COLUMNS = {"when (UTC)", "operator", "what", "old", "new", "reason"};
    static final String HISTORY_TAB = "Corrections history";
    static final String FARADAIC_TAB = "FE and yield";
    static final String RESISTANCE_TAB = "R_u and iR correction";
    static final String[] CALIBRATION_COLUMNS = {"id", "product", "method", "λ (nm)", "unit", "slope", "R²", "LOD", "status"};

    private final GuiContext context;
    private final JComboBox<SessionItem> session = new JComboBox<>();
    private final DefaultTableModel results = Tables.readOnly(RESULT_COLUMNS);
    private final DefaultTableModel assays = Tables.readOnly(ASSAY_COLUMNS);
    private final DefaultTableModel calibrations = Tables.readOnly(CALIBRATION_COLUMNS);
    private final DefaultTableModel history = Tables.readOnly(HISTORY_COLUMNS);
    private final JTable assayTable = Tables.fitted(new JTable(assays));
    private final JButton editAssay = new JButton("Edit assay…");
    private final JButton deleteAssay = new JButton("Delete assay…");
    private final ChartPanel figure = new ChartPanel(null);
    private final ResistancePanel resistance;
    private final JTabbedPane views = new JTabbedPane();
    private final JLabel status = new StatusLine(" ");
    private final JButton simulate = new JButton("Simulate assays");
    private final List<JButton> sessionActions = new ArrayList<>();
    private SessionAnalysis.Result shown;
    private List<Calibration> knownCalibrations = List.of();
    private List<Assay> shownAssays = List.of();
    private Map<Long, String> assayStates = Map.of();
    private CellSettings currentCell;

    /** A session in the chooser. */
    record SessionItem(long id, String label, boolean simulated) {
        @Override
        public String toString() {
            return label;
        }
    }

    AnalysisPanel(GuiContext context) {
        super(new BorderLayout());
        this.context = context;
        this.resistance = new ResistancePanel(context);
        JButton reload = new JButton("Reload");
        reload.addActionListener(e -> reload(Optional.empty()));
        JButton addCalibration = new JButton("Add calibration…");
        addCalibration.addActionListener(e -> addCalibration());
        JButton importAssays = new JButton("Import assays CSV…");
        importAssays.addActionListener(e -> importAssays());
        JButton addAssay = new JButton("Add assay…");
        addAssay.addActionListener(e -> addAssay());
        simulate.setToolTipText("Simulated sessions only: assay each CA step's NH3 from the simulator's truth (1 % scatter),"
                + " once per session");
        simulate.addActionListener(e -> simulateAssays());
        JButton saveReport = new JButton("Save report…");
        saveReport.addActionListener(e -> saveReport());
        sessionActions.addAll(List.of(importAssays, addAssay, simulate, saveReport));
        session.addActionListener(e -> {
            SessionItem item = (SessionItem) session.getSelectedItem();
            if (item != null) {
                analyse(item.id());
            }
        });

        JPanel top = new JPanel(new WrapLayout(FlowLayout.LEFT));
        top.add(new JLabel("Session"));
        session.setPrototypeDisplayValue(new SessionItem(0, "Session 0000: a protocol name of some length (sim)", false));
        top.add(session);
        top.add(reload);
        top.add(addCalibration);
        top.add(importAssays);
        top.add(addAssay);
        top.add(simulate);
        top.add(saveReport);

        JTable resultTable = Tables.fitted(new JTable(results));
        resultTable.setName("results");
        assayTable.setName("assays");
        assayTable.setSelectionMode(ListSelectionModel.SINGLE_SELECTION);
        assayTable.setDefaultRenderer(Object.class, new PastAssayRenderer());
        JTable historyTable = Tables.fitted(new JTable(history));
        historyTable.setName("history");
        JTable calibrationTable = Tables.fitted(new JTable(calibrations));
        calibrationTable.setName("calibrations");
        JPanel tables = new JPanel(new GridLayout(3, 1, 0, 6));
        tables.add(titled("FE and yield per CA step (± 1σ)", resultTable));
        tables.add(assayPane());
        tables.add(titled("Calibrations", calibrationTable));
        tables.setPreferredSize(new Dimension(860, 600));   // the FE/yield table whole, beside the figure
        figure.setPreferredSize(new Dimension(500, 420));
        JSplitPane split = new JSplitPane(JSplitPane.HORIZONTAL_SPLIT, tables, figure);
        split.setResizeWeight(0.6);

        status.setFont(status.getFont().deriveFont(Font.PLAIN, 12f));
        status.setBorder(BorderFactory.createEmptyBorder(2, 8, 4, 8));
        add(top, BorderLayout.NORTH);
        views.addTab(FARADAIC_TAB, split);
        views.addTab(RESISTANCE_TAB, resistance);
        views.addTab(HISTORY_TAB, titled("What was corrected after the run: who, when, old → new, why", historyTable));
        add(views, BorderLayout.CENTER);
        add(status, BorderLayout.SOUTH);
        sessionActions.forEach(b -> b.setEnabled(false));
    }

    /**
     * The session's assays, current and superseded or removed (the state column says which), with the actions that
     * correct them through the trail.
     */
    private JPanel assayPane() {
        editAssay.setToolTipText("Correct the selected assay: a new assay supersedes it, the old one is kept in the trail");
        deleteAssay.setToolTipText("Take the selected assay out of the analysis; it stays stored, the trail says why");
        JButton correctCell = new JButton("Correct cell…");
        correctCell.setToolTipText("Correct this session's pH, reference electrode, area, volume or loading, with a reason");
        JButton showHistory = new JButton("History");
        showHistory.setToolTipText("Every correction of this session: who, when, old → new, why");
        editAssay.addActionListener(e -> editSelectedAssay());
        deleteAssay.addActionListener(e -> deleteSelectedAssay());
        correctCell.addActionListener(e -> correctCell());
        showHistory.addActionListener(e -> views.setSelectedIndex(views.indexOfTab(HISTORY_TAB)));
        sessionActions.addAll(List.of(correctCell, showHistory));
        editAssay.setEnabled(false);
        deleteAssay.setEnabled(false);
        assayTable.getSelectionModel().addListSelectionListener(e -> {
            boolean one = assayTable.getSelectedRow() >= 0;
            editAssay.setEnabled(one);
            deleteAssay.setEnabled(one);
        });
        JPanel actions = new JPanel(new FlowLayout(FlowLayout.LEFT, 4, 0));
        actions.add(editAssay);
        actions.add(deleteAssay);
        actions.add(showHistory);
        actions.add(correctCell);
        JPanel pane = new JPanel(new BorderLayout());
        pane.setBorder(BorderFactory.createTitledBorder("Assay results of this session (superseded and removed ones"
                + " are kept)"));
        JScrollPane scroll = new JScrollPane(assayTable);
        assayTable.setFillsViewportHeight(true);
        pane.add(scroll, BorderLayout.CENTER);
        pane.add(actions, BorderLayout.SOUTH);
        return pane;
    }

    /** Superseded and removed assays in grey italics: kept for the record, out of the analysis. */
    private static final class PastAssayRenderer extends DefaultTableCellRenderer {
        @Override
        public Component getTableCellRendererComponent(JTable table, Object value, boolean selected, boolean focused,
                                                       int row, int column) {
            Component c = super.getTableCellRendererComponent(table, value, selected, focused, row, column);
            Object state = table.getModel().getValueAt(table.convertRowIndexToModel(row), STATE_COLUMN);
            boolean past = !AssayCorrections.CURRENT.equals(state);
            c.setFont(past ? c.getFont().deriveFont(Font.ITALIC) : c.getFont().deriveFont(Font.PLAIN));
            if (!selected) {
                c.setForeground(past ? Color.GRAY : table.getForeground());
            }
            return c;
        }
    }

    private static JScrollPane titled(String title, JTable table) {
        JScrollPane scroll = new JScrollPane(table);
        scroll.setBorder(BorderFactory.createTitledBorder(title));
        table.setFillsViewportHeight(true);
        return scroll;
    }

    /** Refreshes the session list, then shows {@code select} (or keeps the current choice). */
    void reload(Optional<Long> select) {
        Background.run(this, "Reading the sessions", () -> {
            try (SessionStore store = context.openStore()) {
                List<SessionItem> items = new ArrayList<>();
                for (StoredSession s : store.sessions()) {
                    boolean simulated = DriverRegistry.simulated(s.instrument().family());
                    items.add(new SessionItem(s.id(), String.format(Locale.ROOT, "Session %d: %s (%s, %s)", s.id(),
                            s.protocolName(), s.instrument().profile(), s.status().dbName()), simulated));
                }
                return items;
            }
        }, items -> {
            long keep = select.orElseGet(() -> session.getSelectedItem() == null ? -1 : ((SessionItem) session.getSelectedItem()).id());
            session.removeAllItems();
            items.forEach(session::addItem);
            items.stream().filter(i -> i.id() == keep).findFirst().ifPresentOrElse(session::setSelectedItem, () -> {
                if (!items.isEmpty()) {
                    session.setSelectedItem(items.get(items.size() - 1));
                }
            });
        });
    }

    /** Analyses a session in the background and shows the result. */
    void analyse(long id) {
        resistance.show(id);
        Background.run(this, "Analysing session " + id, () -> {
            try (SessionStore store = context.openStore()) {
                SessionAnalysis.Result result = SessionAnalysis.analyze(store, id, SessionAnalysis.Options.DEFAULT);
                List<Assay> stored = store.assays().assays(id);
                List<StoredCorrection> trail = store.corrections().corrections(id);
                CellSettings cell = SessionCorrections.currentCell(store, id);
                List<Calibration> known = store.assays().calibrations();
                JFreeChart chart = FaradaicFigure.chart("Session " + id + ": " + result.session().protocolName(),
                        ReportWriter.points(result));
                List<StoredStep> sweeps = store.steps(id).stream().filter(StoredStep::isSweep).toList();
                return new Shown(result, stored, trail, cell, known, chart, sweeps);
            }
        }, this::show);
    }

    private record Shown(SessionAnalysis.Result result, List<Assay> assays, List<StoredCorrection> trail, CellSettings cell,
                         List<Calibration> calibrations, JFreeChart chart, List<StoredStep> sweeps) {
    }

    /**
     * What the table leaves out of a session with sweep steps, and where to look instead: FE and yield need the
     * charge of a CA step, which a sweep is not.
     */
    static String sweepNote(List<StoredStep> sweeps) {
        if (sweeps.isEmpty()) {
            return "";
        }
        String steps = sweeps.stream().map(s -> s.index() + " (" + s.kind() + ")").collect(Collectors.joining(", "));
        return " Sweep step" + (sweeps.size() == 1 ? " " : "s ") + steps + (sweeps.size() == 1 ? " is" : " are")
                + " not in this table: FE and yield need a CA step's charge. Their I–E curves are in the Sessions view.";
    }

    private void show(Shown s) {
        shown = s.result();
        knownCalibrations = s.calibrations();
        results.setRowCount(0);
        for (StepAnalysis step : s.result().steps()) {
            results.addRow(resultRow(step));
        }
        shownAssays = s.assays();
        assayStates = AssayCorrections.states(s.trail());
        currentCell = s.cell();
        assays.setRowCount(0);
        for (Assay a : s.assays()) {
            assays.addRow(new Object[] {a.id(), stateOf(a), a.stepIndex(), a.product(), a.place().written(),
                    a.kind().name().toLowerCase(Locale.ROOT),
                    a.value().sigma() == 0 ? String.format(Locale.ROOT, "%.5g", a.value().value())
                            : String.format(Locale.ROOT, "%.5g ± %.2g", a.value().value(), a.value().sigma()),
                    a.unit(), a.calibrationId().map(String::valueOf).orElse("—"), a.dilution(),
                    a.operator().isEmpty() ? "—" : a.operator(), a.note()});
        }
        history.setRowCount(0);
        for (StoredCorrection c : s.trail()) {
            history.addRow(historyRow(c));
        }
        calibrations.setRowCount(0);
        for (Calibration c : s.calibrations()) {
            CalibrationFit fit = c.fit();
            calibrations.addRow(new Object[] {c.id(), c.product(), c.method(), String.format(Locale.ROOT, "%.0f", c.wavelengthNm()),
                    c.unit(), String.format(Locale.ROOT, "%.5g", fit.slope()), String.format(Locale.ROOT, "%.5f", fit.rSquared()),
                    String.format(Locale.ROOT, "%.4g", fit.lod()), fit.acceptable() ? "ok" : "fails: " + fit.acceptanceProblem()});
        }
        figure.setChart(s.chart());
        boolean simulated = DriverRegistry.simulated(s.result().session().instrument().family());
        sessionActions.forEach(b -> b.setEnabled(true));
        simulate.setEnabled(simulated);
        // The sweep note comes early: the line is cut at the window's edge (the tooltip holds all of it).
        long current = s.assays().stream().filter(a -> stateOf(a).equals(AssayCorrections.CURRENT)).count();
        status.setText(String.format(Locale.ROOT, "Session %d: %d CA steps, %d assay results%s.",
                s.result().session().id(), s.result().steps().size(), current, current == s.assays().size() ? ""
                        : String.format(Locale.ROOT, " (%d superseded or removed, kept)", s.assays().size() - current))
                + sweepNote(s.sweeps())
                + String.format(Locale.ROOT, " Electrode %.3g cm², electrolyte %.3g mL, loading %.3g mg/cm². ± is one"
                        + " standard deviation; * marks a flagged value.", s.result().session().cell().electrodeAreaCm2(),
                s.result().session().cell().electrolyteVolumeMl(), s.result().session().cell().catalystLoadingMgPerCm2())
                + flagText(s.result().steps()));
        status.setToolTipText(status.getText());
    }

    private String stateOf(Assay a) {
        return assayStates.getOrDefault(a.id(), AssayCorrections.CURRENT);
    }

    /** One line of the trail as the history table shows it; a removal has no new value. */
    static Object[] historyRow(StoredCorrection c) {
        return new Object[] {c.created().truncatedTo(ChronoUnit.SECONDS).toString(), c.operator().isEmpty() ? "—" : c.operator(),
                c.what(), c.oldValue(), c.field().equals(StoredCorrection.REMOVED) ? "—"
                        : c.newValue() + c.replacementId().map(r -> " (assay " + r + ")").orElse(""), c.reason()};
    }

    /** The plausibility notes behind the table's * marks, appended to the status line below the table. */
    static String flagText(List<StepAnalysis> steps) {
        List<String> notes = ResultText.flagNotes(steps);
        return notes.isEmpty() ? "" : " Flagged: " + String.join(" | ", notes);
    }

    static Object[] resultRow(StepAnalysis step) {
        return ResultRows.cells(step).toArray();
    }

    private long sessionId() {
        return ((SessionItem) session.getSelectedItem()).id();
    }

    // --- entering results ---------------------------------------------------------------------------------

    /** The readings added, or why none were: a second press finds the first set and says so. */
    private record Simulated(List<Assay> added, Optional<String> refusal) {
    }

    void simulateAssays() {
        long id = sessionId();
        Background.run(this, "Simulating assays", () -> {
            try (SessionStore store = context.openStore()) {
                List<Assay> earlier = SimulatedAssays.stored(store, id);
                if (!earlier.isEmpty()) {
                    return new Simulated(List.of(), Optional.of(SimulatedAssays.refusal(id, earlier)));
                }
                return new Simulated(SimulatedAssays.addTo(store, id), Optional.empty());
            }
        }, simulated -> {
            if (simulated.refusal().isPresent()) {
                String text = DialogWords.screenWords(simulated.refusal().get());
                status.setText(text);
                JOptionPane.showMessageDialog(this, Background.wrap(capitalised(text)), SIMULATED_ALREADY,
                        JOptionPane.INFORMATION_MESSAGE);
                return;
            }
            status.setText(simulated.added().size() + " simulated assays stored for session " + id + ".");
            analyse(id);
        });
    }

    static final String SIMULATED_ALREADY = "Simulated assays are stored already";

    private static String capitalised(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    // --- correcting results -------------------------------------------------------------------------------

    static final String EDIT_TITLE = "Correct assay";
    static final String DELETE_TITLE = "Delete assay";
    static final String CELL_TITLE = "Correct the cell of session";
    static final String NO_REASON_TITLE = "No reason given";

    /** The assay of the selected row, when it may be corrected; else the reason is shown and nothing happens. */
    private Optional<Assay> selectedCurrentAssay() {
        int row = assayTable.getSelectedRow();
        if (row < 0) {
            return Optional.empty();
        }
        Assay a = shownAssays.get(assayTable.convertRowIndexToModel(row));
        Optional<String> refusal = CorrectionForms.notCurrent(a.id(), stateOf(a));
        if (refusal.isPresent()) {
            JOptionPane.showMessageDialog(this, Background.wrap(refusal.get()), "Assay " + a.id() + " is not current",
                    JOptionPane.INFORMATION_MESSAGE);
            return Optional.empty();
        }
        return Optional.of(a);
    }

    private boolean asked(JPanel form, String title) {
        return JOptionPane.showConfirmDialog(this, form, title, JOptionPane.OK_CANCEL_OPTION, JOptionPane.PLAIN_MESSAGE)
                == JOptionPane.OK_OPTION;
    }

    /** A correction without a reason is no audit trail: refused before anything is stored. */
    private Optional<String> reasonOrRefuse(CorrectionForms.Why why) {
        Optional<String> reason = why.reason();
        if (reason.isEmpty()) {
            status.setText(CorrectionForms.NO_REASON);
            JOptionPane.showMessageDialog(this, Background.wrap(CorrectionForms.NO_REASON), NO_REASON_TITLE,
                    JOptionPane.WARNING_MESSAGE);
        }
        return reason;
    }

    void editSelectedAssay() {
        Optional<Assay> selected = selectedCurrentAssay();
        if (selected.isEmpty()) {
            return;
        }
        Assay old = selected.get();
        long id = sessionId();
        List<Integer> caSteps = shown.steps().stream().map(s -> s.step().index()).toList();
        CorrectionForms.AssayForm form = new CorrectionForms.AssayForm(old, caSteps, knownCalibrations);
        if (!asked(form.panel, EDIT_TITLE + " " + old.id() + " of session " + id)) {
            return;
        }
        Optional<String> reason = reasonOrRefuse(form.why);
        if (reason.isEmpty()) {
            return;
        }
        String operator = form.why.operator();
        Background.run(this, "Correcting assay " + old.id(), () -> {
            // read here, like Add assay…'s form: a value that is no number is refused with its message, and logged
            AssayCorrections.Edit edit = form.edit();
            try (SessionStore store = context.openStore()) {
                return AssayCorrections.correct(store, old.id(), edit, reason.get(), operator);
            }
        }, corrected -> {
            analyse(id);
            status.setText(String.format(Locale.ROOT, "Assay %d is superseded by assay %d (%s); FE and yield use assay %d.",
                    corrected.oldId(), corrected.newId(), corrected.written(), corrected.newId()));
        });
    }

    void deleteSelectedAssay() {
        Optional<Assay> selected = selectedCurrentAssay();
        if (selected.isEmpty()) {
            return;
        }
        Assay old = selected.get();
        long id = sessionId();
        CorrectionForms.Why why = new CorrectionForms.Why();
        if (!asked(CorrectionForms.removalForm(old, why), DELETE_TITLE + " " + old.id() + " of session " + id)) {
            return;
        }
        Optional<String> reason = reasonOrRefuse(why);
        if (reason.isEmpty()) {
            return;
        }
        String operator = why.operator();
        Background.run(this, "Deleting assay " + old.id(), () -> {
            try (SessionStore store = context.openStore()) {
                return AssayCorrections.remove(store, old.id(), reason.get(), operator);
            }
        }, removed -> {
            analyse(id);
            status.setText("Assay " + removed.assayId() + " is out of the analysis (" + removed.description()
                    + "); it stays stored, the history says why.");
        });
    }

    void correctCell() {
        long id = sessionId();
        CorrectionForms.CellForm form = new CorrectionForms.CellForm(currentCell);
        if (!asked(form.panel, CELL_TITLE + " " + id)) {
            return;
        }
        Optional<String> reason = reasonOrRefuse(form.why);
        if (reason.isEmpty()) {
            return;
        }
        SessionCorrections.CellEdit edit = form.edit();
        String operator = form.why.operator();
        Background.run(this, "Correcting session " + id, () -> {
            try (SessionStore store = context.openStore()) {
                return SessionCorrections.correct(store, id, edit, reason.get(), operator, CorrectionForms.FIELD_NAMES);
            }
        }, changes -> {
            analyse(id);
            status.setText("Session " + id + " corrected: " + CorrectionStore.Change.written(changes)
                    + "; the run's values are kept.");
        });
    }

    private void importAssays() {
        JFileChooser chooser = new JFileChooser(context.site().home().resolve("config/examples").toFile());
        if (chooser.showOpenDialog(this) != JFileChooser.APPROVE_OPTION) {
            return;
        }
        long id = sessionId();
        Path file = chooser.getSelectedFile().toPath();
        Background.run(this, "Importing " + file.getFileName(), () -> {
            try (SessionStore store = context.openStore()) {
                return AssayFile.importInto(file, store, id);
            }
        }, ids -> analyse(id));
    }

    private void addAssay() {
        long id = sessionId();
        JComboBox<Integer> step = new JComboBox<>();
        shown.steps().forEach(s -> step.addItem(s.step().index()));
        JComboBox<String> product = new JComboBox<>(new String[] {"NH3", "NH2OH", "N2O", "N2", "H2"});
        JComboBox<String> kind = new JComboBox<>(new String[] {"absorbance", "concentration", "amount"});
        JTextField value = new JTextField(14);
        JComboBox<String> calibration = new JComboBox<>();
        calibration.addItem("—");
        knownCalibrations.forEach(c -> calibration.addItem(c.id() + ": " + c.product() + " " + c.method() + ", " + c.unit()));
        JTextField dilution = new JTextField("1");
        JTextField note = new JTextField();
        JPanel form = new JPanel(new GridLayout(0, 2, 6, 4));
        form.add(new JLabel("CA step"));
        form.add(step);
        form.add(new JLabel("Product"));
        form.add(product);
        form.add(new JLabel("Kind"));
        form.add(kind);
        form.add(new JLabel("Value (absorbance in AU; else with unit, e.g. '0.52 mM', '2.0 umol')"));
        form.add(value);
        form.add(new JLabel("Calibration (absorbance only)"));
        form.add(calibration);
        form.add(new JLabel("Dilution factor"));
        form.add(dilution);
        form.add(new JLabel("Note"));
        form.add(note);
        if (JOptionPane.showConfirmDialog(this, form, "Add an assay result to session " + id, JOptionPane.OK_CANCEL_OPTION,
                JOptionPane.PLAIN_MESSAGE) != JOptionPane.OK_OPTION) {
            return;
        }
        Background.run(this, "Adding the assay", () -> {
            String k = (String) kind.getSelectedItem();
            String v = value.getText().trim();
            Optional<Long> cal = calibration.getSelectedIndex() <= 0 ? Optional.empty()
                    : Optional.of(knownCalibrations.get(calibration.getSelectedIndex() - 1).id());
            AssayEntry entry = new AssayEntry((Integer) step.getSelectedItem(), (String) product.getSelectedItem(),
                    k.equals("absorbance") ? Optional.of(number(v, "absorbance")) : Optional.empty(), cal,
                    number(dilution.getText().trim(), "dilution factor"),
                    k.equals("concentration") ? Optional.of(v) : Optional.empty(),
                    k.equals("amount") ? Optional.of(v) : Optional.empty(), Optional.empty(), Optional.empty(),
                    Optional.empty(), Optional.empty(), System.getProperty("user.name", ""), note.getText().trim());
            try (SessionStore store = context.openStore()) {
                return store.assays().addAssay(id, entry.toAssay(store, id));
            }
        }, added -> analyse(id));
    }

    static double number(String text, String what) {
        try {
            return Double.parseDouble(text.replace(',', '.'));
        } catch (NumberFormatException e) {
            throw new BadInputException("'" + text + "' is not a number; the " + what + " is a plain number", e);
        }
    }

    private void addCalibration() {
        JFileChooser chooser = new JFileChooser(context.site().home().resolve("config/examples").toFile());
        chooser.setDialogTitle("Standards CSV: concentration,absorbance[,kind]");
        if (chooser.showOpenDialog(this) != JFileChooser.APPROVE_OPTION) {
            return;
        }
        Path file = chooser.getSelectedFile().toPath();
        JComboBox<String> product = new JComboBox<>(new String[] {"NH3", "NH2OH"});
        JTextField method = new JTextField("indophenol");
        JTextField wavelength = new JTextField("655 nm");
        JTextField unit = new JTextField("µg/mL NH4+-N");
        JPanel form = new JPanel(new GridLayout(0, 2, 6, 4));
        form.add(new JLabel("Product"));
        form.add(product);
        form.add(new JLabel("Method"));
        form.add(method);
        form.add(new JLabel("Wavelength"));
        form.add(wavelength);
        form.add(new JLabel("Unit of the standards"));
        form.add(unit);
        if (JOptionPane.showConfirmDialog(this, form, "Calibration from " + file.getFileName(), JOptionPane.OK_CANCEL_OPTION,
                JOptionPane.PLAIN_MESSAGE) != JOptionPane.OK_OPTION) {
            return;
        }
        StandardsFile.Method m = new StandardsFile.Method(Product.parse((String) product.getSelectedItem()),
                method.getText().trim(), wavelength.getText().trim(), unit.getText().trim(),
                System.getProperty("user.name", ""), "", false);
        Background.run(this, "Reading " + file.getFileName(), () -> StandardsFile.read(file, m), calibration -> {
            CalibrationFit fit = calibration.fit();
            boolean accept = true;
            Calibration toStore = calibration;
            if (!fit.acceptable()) {
                accept = JOptionPane.showConfirmDialog(this, Background.wrap("This calibration fails the acceptance rule: "
                                + fit.acceptanceProblem() + ". Save it anyway? Every result read through it will be flagged."),
                        "Poor calibration", JOptionPane.YES_NO_OPTION, JOptionPane.WARNING_MESSAGE) == JOptionPane.YES_OPTION;
                toStore = new Calibration(0, calibration.created(), calibration.operator(), calibration.note(),
                        calibration.product(), calibration.method(), calibration.wavelengthNm(), calibration.unit(),
                        calibration.sourceFile(), calibration.standards(), calibration.blankAbsorbances(), true);
            }
            if (accept) {
                storeCalibration(toStore);
            }
        });
    }

    private void storeCalibration(Calibration calibration) {
        Background.run(this, "Saving the calibration", () -> {
            try (SessionStore store = context.openStore()) {
                return store.assays().addCalibration(calibration);
            }
        }, id -> {
            CalibrationFit fit = calibration.fit();
            status.setText(String.format(Locale.ROOT, "Saved calibration %d: slope %.5g AU per %s, R² %.5f, LOD %.4g %s.", id,
                    fit.slope(), calibration.unit(), fit.rSquared(), fit.lod(), calibration.unit()));
            if (session.getSelectedItem() != null) {
                analyse(sessionId());
            }
        });
    }

    private void saveReport() {
        SessionAnalysis.Result result = shown;
        JFileChooser chooser = new JFileChooser();
        chooser.setFileSelectionMode(JFileChooser.DIRECTORIES_ONLY);
        chooser.setDialogTitle("Folder for the report of session " + result.session().id());
        if (chooser.showSaveDialog(this) != JFileChooser.APPROVE_OPTION) {
            return;
        }
        Path directory = chooser.getSelectedFile().toPath();
        ProgressTask.start(this, "Writing the report of session " + result.session().id(),
                progress -> LongActions.writeReport(context, result, directory, progress),
                written -> status.setText("Report written: " + written.size() + " files in " + directory),
                () -> status.setText("Report cancelled: nothing was written to " + directory), () -> { });
    }

    static List<Path> writeReport(GuiContext context, SessionAnalysis.Result result, Path directory) throws Exception {
        try (SessionStore store = context.openStore()) {
            return ReportWriter.write(store, result, directory);
        }
    }

    // for the tests
    String statusText() {
        return status.getText();
    }

    DefaultTableModel results() {
        return results;
    }

    DefaultTableModel assays() {
        return assays;
    }

    DefaultTableModel history() {
        return history;
    }

    JTable assayTable() {
        return assayTable;
    }

    ChartPanel figure() {
        return figure;
    }

    Optional<SessionAnalysis.Result> shown() {
        return Optional.ofNullable(shown);
    }

    ResistancePanel resistancePanel() {
        return resistance;
    }

    JTabbedPane views() {
        return views;
    }

    JComboBox<SessionItem> sessionChooser() {
        return session;
    }
}
