package org.norrlab.gui;

import org.norrlab.report.RunCompensation;
import java.util.OptionalDouble;
import org.jfree.chart.ChartPanel;
import org.norrlab.core.ImpedancePoint;
import org.norrlab.core.UncompensatedResistance;
import org.norrlab.core.Units;
import org.norrlab.figures.ImpedanceFigure;
import org.norrlab.report.SessionSummaries;
import org.norrlab.report.StepSummary;
import org.norrlab.store.SessionStore;
import org.norrlab.store.StoredStep;

import javax.swing.BorderFactory;
import javax.swing.JButton;
import javax.swing.JComboBox;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.JSplitPane;
import javax.swing.JTable;
import javax.swing.JTextField;
import javax.swing.table.DefaultTableModel;
import java.awt.BorderLayout;
import java.awt.Dimension;
import java.awt.FlowLayout;
import java.awt.Font;
import java.awt.GridLayout;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The analysis view's R_u tab: the uncompensated resistance in force for the session (value ± standard error, method,
 * the spectrum it came from, the fraction compensated during the run, when), its history, and the correction: take
 * R_u from one of the session's spectra (a Randles fit with its standard error, or the high-frequency intercept),
 * or type one with a reason; either is recorded through
 * {@link org.norrlab.store.ImpedanceStore#recordResistance}, never changed in place. The steps table shows each CA
 * step's potential as set and iR-corrected, E − I·R_u·(1 − c) with its mean current, when an R_u is in force.
 */
final class ResistancePanel extends JPanel {
    static final String[] STEP_COLUMNS = {"step", "kind", "E set vs RHE (V)", "mean I", "E iR-corrected vs RHE (V)",
            "I·R_u·(1 − c) (mV)"};
    static final String[] HISTORY_COLUMNS = {"recorded (UTC)", "R_u (Ω)", "± (Ω)", "method", "spectrum of step", "c",
            "note"};
    static final String NONE_IN_FORCE = "No R_u recorded for this session: the potentials below are as set, not"
            + " iR-corrected. Take R_u from a spectrum or type one.";

    /** An EIS step with a stored spectrum, in the chooser. */
    record SpectrumItem(StoredStep step, List<ImpedancePoint> spectrum) {
        @Override
        public String toString() {
            return "step " + step.index() + " (" + spectrum.size() + " frequencies, " + (Double.isNaN(step.voltsVsRhe())
                    ? "OCP" : String.format(Locale.ROOT, "%.3f V vs RHE", step.voltsVsRhe())) + ")";
        }
    }

    /** What the tab shows of a session. */
    record Loaded(long sessionId, List<StepSummary> steps, Map<Integer, List<ImpedancePoint>> spectra,
                  List<UncompensatedResistance> history, OptionalDouble runCompensation) {
        Optional<UncompensatedResistance> inForce() {
            return history.isEmpty() ? Optional.empty() : Optional.of(history.get(history.size() - 1));
        }
    }

    private final GuiContext context;
    private final JLabel inForce = new JLabel(NONE_IN_FORCE);
    /** The R_u in force's note: the operator's reason, or the fit's circuit and parameters (R_ct among them). */
    private final JLabel basis = new JLabel(" ");
    private final JComboBox<SpectrumItem> spectra = new JComboBox<>();
    private final JButton fit = new JButton("Fit R_u (Randles circuit)");
    private final JButton intercept = new JButton("High-frequency intercept");
    private final JTextField ohms = new JTextField(7);
    private final JTextField fraction = new JTextField("0", 5);
    private final JTextField reason = new JTextField(28);
    private final JButton recordTyped = new JButton("Record typed R_u");
    private final DefaultTableModel steps = Tables.readOnly(STEP_COLUMNS);
    private final DefaultTableModel history = Tables.readOnly(HISTORY_COLUMNS);
    private final ChartPanel nyquist = new ChartPanel(null);
    private final JLabel status = new StatusLine(" ");
    private Loaded shown;
    /** The curve of the fit last made in this view, drawn while its spectrum is the one chosen. */
    private volatile Optional<FitShown> lastFit = Optional.empty();

    private record FitShown(long sessionId, int step, ImpedanceFigure.Spectrum curve) {
    }

    ResistancePanel(GuiContext context) {
        super(new BorderLayout());
        this.context = context;
        inForce.setFont(inForce.getFont().deriveFont(Font.BOLD, 13f));
        inForce.setBorder(BorderFactory.createEmptyBorder(4, 8, 4, 8));

        JPanel fromFile = new JPanel(new FlowLayout(FlowLayout.LEFT));
        fromFile.add(new JLabel("Spectrum"));
        fromFile.add(spectra);
        fit.setToolTipText("Fit Randles circuits to the chosen spectrum (the best by Akaike's criterion) and record its"
                + " R_u ± standard error, with the compensated fraction and the reason below");
        intercept.setToolTipText("Record Z' where the chosen spectrum crosses Z'' = 0 at its high-frequency end, with the"
                + " compensated fraction and the reason below");
        fromFile.add(fit);
        fromFile.add(intercept);
        JPanel typed = new JPanel(new FlowLayout(FlowLayout.LEFT));
        typed.add(new JLabel(ResistanceEntry.OHMS_FIELD));
        ohms.setName("ru-ohms");
        typed.add(ohms);
        typed.add(new JLabel(ResistanceEntry.FRACTION_FIELD + " (0.85 or 85 %)"));
        fraction.setName("ru-fraction");
        fraction.setToolTipText("The share of R_u the instrument compensated (positive feedback) during the run; 0 when"
                + " none. The correction removes only what is left: I·R_u·(1 − c).");
        typed.add(fraction);
        typed.add(new JLabel(ResistanceEntry.REASON_FIELD));
        reason.setName("ru-reason");
        typed.add(reason);
        typed.add(recordTyped);
        basis.setBorder(BorderFactory.createEmptyBorder(0, 8, 4, 8));
        JPanel controls = new JPanel(new GridLayout(4, 1));
        controls.add(inForce);
        controls.add(basis);
        controls.add(fromFile);
        controls.add(typed);

        JTable stepTable = Tables.fitted(new JTable(steps));
        stepTable.setName("ir-steps");
        JTable historyTable = Tables.fitted(new JTable(history));
        historyTable.setName("ru-history");
        JPanel tables = new JPanel(new GridLayout(2, 1, 0, 6));
        tables.add(titled("Potentials as set and iR-corrected (CA steps)", stepTable));
        tables.add(titled("R_u recorded for this session (the newest is in force)", historyTable));
        nyquist.setPreferredSize(new Dimension(460, 400));
        JSplitPane split = new JSplitPane(JSplitPane.HORIZONTAL_SPLIT, tables, nyquist);
        split.setResizeWeight(0.6);

        status.setBorder(BorderFactory.createEmptyBorder(2, 8, 4, 8));
        add(controls, BorderLayout.NORTH);
        add(split, BorderLayout.CENTER);
        add(status, BorderLayout.SOUTH);
        spectra.addActionListener(e -> spectrumChosen());
        fit.addActionListener(e -> recordFit());
        intercept.addActionListener(e -> recordIntercept());
        recordTyped.addActionListener(e -> recordTyped());
        enableActions(false);
    }

    private static JScrollPane titled(String title, JTable table) {
        JScrollPane scroll = new JScrollPane(table);
        scroll.setBorder(BorderFactory.createTitledBorder(title));
        table.setFillsViewportHeight(true);
        return scroll;
    }

    /** Reads the session's steps, spectra and R_u in the background and shows them. */
    void show(long sessionId) {
        Background.run(this, "Reading R_u of session " + sessionId, () -> {
            try (SessionStore store = context.openStore()) {
                return new Loaded(sessionId, SessionSummaries.of(store, sessionId),
                        store.impedance().spectra(sessionId), store.impedance().resistances(sessionId),
                        RunCompensation.of(store, sessionId));
            }
        }, this::show);
    }

    private void show(Loaded loaded) {
        Object chosen = spectra.getSelectedItem();
        shown = loaded;
        // a simulated run was compensated live, and says how much: the fraction starts there, not at 0
        loaded.runCompensation().ifPresent(c -> fraction.setText(String.format(Locale.ROOT, "%.0f %%", 100 * c)));
        inForce.setText(loaded.inForce().map(ResistanceEntry::describe).orElse(NONE_IN_FORCE));
        inForce.setToolTipText(inForce.getText());
        basis.setText(loaded.inForce().map(r -> r.note().isEmpty() ? " " : "Basis: " + r.note()).orElse(" "));
        basis.setToolTipText(basis.getText());
        spectra.removeAllItems();
        for (StepSummary s : loaded.steps()) {
            List<ImpedancePoint> spectrum = loaded.spectra().get(s.step().index());
            if (spectrum != null) {
                spectra.addItem(new SpectrumItem(s.step(), spectrum));
            }
        }
        if (chosen instanceof SpectrumItem item) {
            for (int i = 0; i < spectra.getItemCount(); i++) {
                if (spectra.getItemAt(i).step().index() == item.step().index()) {
                    spectra.setSelectedIndex(i);
                }
            }
        }
        spectrumChosen();
        steps.setRowCount(0);
        for (StepSummary s : loaded.steps()) {
            steps.addRow(stepRow(s, loaded.inForce()));
        }
        history.setRowCount(0);
        for (UncompensatedResistance ru : loaded.history()) {
            history.addRow(new Object[] {ResistanceEntry.recorded(ru),
                    String.format(Locale.ROOT, "%.4g", ru.ohms()), Double.isNaN(ru.standardErrorOhms()) ? "—"
                    : String.format(Locale.ROOT, "%.2g", ru.standardErrorOhms()), ru.method(),
                    ru.spectrumStep().isPresent() ? String.valueOf(ru.spectrumStep().getAsInt()) : "—",
                    String.format(Locale.ROOT, "%.3g", ru.compensatedFraction()), ru.note()});
        }
        enableActions(true);
    }

    /**
     * A row of the potentials table: a CA step's set potential and, with an R_u in force, the potential the electrode
     * really had with the step's mean current, E − I·R_u·(1 − c). Other steps have no single potential to correct
     * (a sweep moves it, open circuit sets none; their samples are corrected one by one in the exports).
     */
    static Object[] stepRow(StepSummary s, Optional<UncompensatedResistance> ru) {
        StoredStep step = s.step();
        if (!step.kind().equals("ca")) {
            return new Object[] {step.index(), step.kind(), "—", "—", "—", "—"};
        }
        double set = step.voltsVsRhe();
        String corrected = ru.map(r -> String.format(Locale.ROOT, "%.4f", r.corrected(set, s.meanAmperes())))
                .orElse("— (no R_u)");
        String drop = ru.map(r -> String.format(Locale.ROOT, "%.2f", (set - r.corrected(set, s.meanAmperes())) * 1e3))
                .orElse("—");
        return new Object[] {step.index(), step.kind(), String.format(Locale.ROOT, "%.4f", set),
                Units.formatCurrent(s.meanAmperes()), corrected, drop};
    }

    /** The chosen spectrum's Nyquist plot, with the curve of the fit last made of it in this view, if any. */
    private void spectrumChosen() {
        SpectrumItem item = (SpectrumItem) spectra.getSelectedItem();
        Optional<ImpedanceFigure.Spectrum> curve = lastFit.filter(f -> item != null && shown != null
                && f.sessionId() == shown.sessionId() && f.step() == item.step().index()).map(FitShown::curve);
        nyquist.setChart(item == null || shown == null ? null
                : SpectrumCharts.nyquist(SpectrumSteps.title(shown.sessionId(), item.step(), item.spectrum()),
                item.spectrum(), curve));
        fit.setEnabled(item != null);
        intercept.setEnabled(item != null);
    }

    private void recordFit() {
        recordFromSpectrum((item, id, compensated, note) -> {
            RuFromSpectrum.Fitted fitted = RuFromSpectrum.fit(item.step().index(), item.spectrum(), compensated, note,
                    Instant.now());
            lastFit = Optional.of(new FitShown(id, item.step().index(), RuFromSpectrum.curve(fitted.fit(),
                    item.spectrum())));
            return fitted.ru();
        });
    }

    private void recordIntercept() {
        recordFromSpectrum((item, id, compensated, note) -> RuFromSpectrum.intercept(item.step().index(),
                item.spectrum(), compensated, note, Instant.now()));
    }

    /** How R_u is worked out from the chosen spectrum, off the event thread. */
    private interface FromSpectrum {
        UncompensatedResistance ru(SpectrumItem item, long sessionId, double compensated, String note) throws Exception;
    }

    /**
     * Records R_u worked out from the chosen spectrum with the compensated fraction and reason as typed; the fields
     * are read on the event thread, the fraction parsed in the background so a refusal shows as a message.
     */
    private void recordFromSpectrum(FromSpectrum how) {
        SpectrumItem item = (SpectrumItem) spectra.getSelectedItem();
        if (item == null || shown == null) {
            return;
        }
        long id = shown.sessionId();
        String c = fraction.getText();
        String note = reason.getText();
        record(id, () -> how.ru(item, id, ResistanceEntry.fraction(c), note));
    }

    private void recordTyped() {
        if (shown == null) {
            return;
        }
        long id = shown.sessionId();
        String o = ohms.getText();
        String c = fraction.getText();
        String r = reason.getText();
        record(id, () -> ResistanceEntry.typed(o, c, r, Instant.now()));
    }

    /** Works out R_u and records it in the background (a refusal is shown as a message), then shows the session again. */
    private void record(long id, Background.Task<UncompensatedResistance> ru) {
        Background.run(this, "Recording R_u for session " + id, () -> {
            UncompensatedResistance value = ru.call();
            try (SessionStore store = context.openStore()) {
                store.impedance().recordResistance(id, value);
            }
            return value;
        }, recorded -> {
            status.setText("Recorded for session " + id + ": " + ResistanceEntry.describe(recorded));
            show(id);
        });
    }

    private void enableActions(boolean on) {
        recordTyped.setEnabled(on);
        fit.setEnabled(on && spectra.getSelectedItem() != null);
        intercept.setEnabled(on && spectra.getSelectedItem() != null);
    }

    // for the tests
    JLabel inForceLabel() {
        return inForce;
    }

    JLabel basisLabel() {
        return basis;
    }

    DefaultTableModel steps() {
        return steps;
    }

    DefaultTableModel history() {
        return history;
    }

    JComboBox<SpectrumItem> spectra() {
        return spectra;
    }

    JTextField ohmsField() {
        return ohms;
    }

    JTextField fractionField() {
        return fraction;
    }

    JTextField reasonField() {
        return reason;
    }

    JButton recordTypedButton() {
        return recordTyped;
    }

    JButton fitButton() {
        return fit;
    }

    JButton interceptButton() {
        return intercept;
    }

    ChartPanel nyquist() {
        return nyquist;
    }

    String statusText() {
        return status.getText();
    }
}
