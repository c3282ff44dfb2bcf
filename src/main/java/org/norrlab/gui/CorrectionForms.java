package org.norrlab.gui;

import org.norrlab.analysis.Assay;
import org.norrlab.analysis.Calibration;
import org.norrlab.analysis.Product;
import org.norrlab.electrochem.CellSettings;
import org.norrlab.electrochem.ReferenceElectrode;
import org.norrlab.labdata.AssayCorrections;
import org.norrlab.labdata.SessionCorrections;
import org.norrlab.store.StoredCorrection.SessionField;

import javax.swing.JComboBox;
import javax.swing.JComponent;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JTextField;
import java.awt.GridLayout;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * The forms of the Analysis view that change stored results after the run: correct an assay, remove one, correct the
 * session's cell. Each asks for a reason and an operator (the trail keeps both); what the fields mean and how they are
 * checked is {@link AssayCorrections} and {@link SessionCorrections}, the same as {@code norrlab assay correct} and
 * {@code norrlab session correct}.
 */
final class CorrectionForms {
    static final String KINDS_ABSORBANCE = "absorbance";
    static final List<String> KINDS = List.of(KINDS_ABSORBANCE, "concentration", "amount", "gc");
    static final List<String> PRODUCTS = Arrays.stream(Product.values()).map(Product::name).toList();
    static final List<String> PLACES = Arrays.stream(Assay.Place.values()).map(Assay.Place::written).toList();
    /** How the form names each cell field in its messages, as its labels do. */
    static final Function<SessionField, String> FIELD_NAMES = field -> switch (field) {
        case PH -> "pH";
        case REFERENCE_ELECTRODE -> "Reference electrode";
        case ELECTRODE_AREA -> "Electrode area";
        case ELECTROLYTE_VOLUME -> "Electrolyte volume";
        case CATALYST_LOADING -> "Catalyst loading";
    };

    private CorrectionForms() {
    }

    /** Why nothing was stored when the reason was left empty. */
    static final String NO_REASON = "A correction needs a reason: say why the value was wrong (e.g. 'absorbance misread"
            + " from the printout'); it is kept in the session's trail with your name. Nothing was changed.";

    /** The reason and operator every correction asks for. */
    static final class Why {
        final JTextField reason = new JTextField(28);
        final JTextField operator = new JTextField(System.getProperty("user.name", ""), 16);

        void addTo(JPanel form) {
            reason.setName("reason");
            operator.setName("operator");
            row(form, "Reason (required, kept in the trail)", reason);
            row(form, "Operator", operator);
        }

        /** The reason typed, or empty when there is none (the caller refuses then, with {@link #NO_REASON}). */
        Optional<String> reason() {
            return Optional.of(reason.getText().strip()).filter(r -> !r.isEmpty());
        }

        String operator() {
            return operator.getText().strip();
        }
    }

    private static void row(JPanel form, String label, JComponent field) {
        JLabel l = new JLabel(label);
        l.setLabelFor(field);
        form.add(l);
        form.add(field);
    }

    private static JPanel grid() {
        return new JPanel(new GridLayout(0, 2, 6, 4));
    }

    /** An assay's fields, filled with its stored values; only those the operator changes go into the correction. */
    static final class AssayForm {
        private final Assay old;
        private final List<Calibration> calibrations;
        private final String oldValueText;
        private final String oldVolumeText;
        final JComboBox<Integer> step = new JComboBox<>();
        final JComboBox<String> product = new JComboBox<>(PRODUCTS.toArray(String[]::new));
        final JComboBox<String> place = new JComboBox<>(PLACES.toArray(String[]::new));
        final JComboBox<String> kind = new JComboBox<>(KINDS.toArray(String[]::new));
        final JTextField value = new JTextField(16);
        final JComboBox<String> calibration = new JComboBox<>();
        final JTextField dilution = new JTextField(8);
        final JTextField volume = new JTextField(10);
        final JTextField note = new JTextField(24);
        final Why why = new Why();
        final JPanel panel = grid();

        AssayForm(Assay old, List<Integer> caSteps, List<Calibration> calibrations) {
            this.old = old;
            this.calibrations = calibrations;
            caSteps.forEach(step::addItem);
            if (!caSteps.contains(old.stepIndex())) {
                step.addItem(old.stepIndex());
            }
            step.setSelectedItem(old.stepIndex());
            product.setSelectedItem(old.product().name());
            place.setSelectedItem(old.place().written());
            String oldKind = kindOf(old);
            kind.setSelectedItem(oldKind);
            oldValueText = oldKind.equals(KINDS_ABSORBANCE) ? String.valueOf(old.value().value())
                    : AssayCorrections.written(old.value(), old.unit());
            value.setText(oldValueText);
            value.setName("value");
            calibration.addItem("—");
            calibrations.forEach(c -> calibration.addItem(c.id() + ": " + c.product() + " " + c.method() + ", " + c.unit()));
            old.calibrationId().ifPresent(id -> calibration.setSelectedIndex(1 + indexOf(id)));
            dilution.setText(String.valueOf(old.dilution()));
            oldVolumeText = old.volumeMl().map(v -> AssayCorrections.written(v, "mL")).orElse("");
            volume.setText(oldVolumeText);
            volume.setToolTipText("Empty: the session's electrolyte volume");
            note.setText(old.note());
            row(panel, "CA step", step);
            row(panel, "Product", product);
            row(panel, "Where it was found", place);
            row(panel, "Kind", kind);
            row(panel, "Value (absorbance in AU; else with unit, e.g. '0.52 mM', '2.0 umol', '1200 ppm')", value);
            row(panel, "Calibration (absorbance only)", calibration);
            row(panel, "Dilution factor", dilution);
            row(panel, "Volume (empty: the cell's)", volume);
            row(panel, "Note", note);
            why.addTo(panel);
        }

        private int indexOf(long calibrationId) {
            for (int i = 0; i < calibrations.size(); i++) {
                if (calibrations.get(i).id() == calibrationId) {
                    return i;
                }
            }
            calibration.addItem(calibrationId + ": (not among the calibrations listed)");
            return calibration.getItemCount() - 2;
        }

        private static String kindOf(Assay a) {
            return a.kind().name().toLowerCase(Locale.ROOT);
        }

        /** What the operator changed; a value of another kind, or retyped, replaces the old value. */
        AssayCorrections.Edit edit() {
            String k = (String) kind.getSelectedItem();
            String v = value.getText().strip();
            boolean newValue = !k.equals(kindOf(old)) || !v.equals(oldValueText);
            Optional<Long> cal = calibration.getSelectedIndex() <= 0 ? Optional.empty()
                    : Optional.of(calibrationId(calibration.getSelectedIndex() - 1));
            double d = AnalysisPanel.number(dilution.getText().strip(), "dilution factor");
            String vol = volume.getText().strip();
            return new AssayCorrections.Edit(
                    changed((Integer) step.getSelectedItem(), old.stepIndex()),
                    changed((String) product.getSelectedItem(), old.product().name()),
                    newValue && k.equals(KINDS_ABSORBANCE) ? Optional.of(AnalysisPanel.number(v, "absorbance")) : Optional.empty(),
                    cal.equals(old.calibrationId()) ? Optional.empty() : cal,
                    changed(d, old.dilution()),
                    newValue && k.equals("concentration") ? Optional.of(v) : Optional.empty(),
                    newValue && k.equals("amount") ? Optional.of(v) : Optional.empty(),
                    newValue && k.equals("gc") ? Optional.of(v) : Optional.empty(),
                    Optional.empty(), Optional.empty(),
                    vol.isEmpty() || vol.equals(oldVolumeText) ? Optional.empty() : Optional.of(vol),
                    changed((String) place.getSelectedItem(), old.place().written()),
                    changed(note.getText().strip(), old.note()));
        }

        private long calibrationId(int index) {
            if (index < calibrations.size()) {
                return calibrations.get(index).id();
            }
            return old.calibrationId().orElseThrow();
        }

        private static <T> Optional<T> changed(T now, T before) {
            return now.equals(before) ? Optional.empty() : Optional.of(now);
        }
    }

    /** The session's cell as the analysis uses it now (corrections included); changed fields are corrected. */
    static final class CellForm {
        private final CellSettings now;
        final JTextField ph = new JTextField(8);
        final JComboBox<String> referenceElectrode = new JComboBox<>(
                ReferenceElectrode.KNOWN.stream().map(ReferenceElectrode::name).toArray(String[]::new));
        final JTextField area = new JTextField(10);
        final JTextField volume = new JTextField(10);
        final JTextField loading = new JTextField(10);
        final Why why = new Why();
        final JPanel panel = grid();

        CellForm(CellSettings now) {
            this.now = now;
            ph.setText(SessionField.PH.valueIn(now));
            referenceElectrode.setSelectedItem(now.referenceElectrode().name());
            area.setText(areaText());
            volume.setText(volumeText());
            loading.setText(loadingText());
            ph.setName("ph");
            area.setName("area");
            row(panel, FIELD_NAMES.apply(SessionField.PH), ph);
            row(panel, FIELD_NAMES.apply(SessionField.REFERENCE_ELECTRODE), referenceElectrode);
            row(panel, FIELD_NAMES.apply(SessionField.ELECTRODE_AREA), area);
            row(panel, FIELD_NAMES.apply(SessionField.ELECTROLYTE_VOLUME), volume);
            row(panel, FIELD_NAMES.apply(SessionField.CATALYST_LOADING), loading);
            why.addTo(panel);
        }

        private String areaText() {
            return SessionField.ELECTRODE_AREA.valueIn(now) + " cm2";
        }

        private String volumeText() {
            return SessionField.ELECTROLYTE_VOLUME.valueIn(now) + " mL";
        }

        private String loadingText() {
            return SessionField.CATALYST_LOADING.valueIn(now) + " mg/cm2";
        }

        /** The fields whose text the operator changed. */
        SessionCorrections.CellEdit edit() {
            return new SessionCorrections.CellEdit(changed(ph, SessionField.PH.valueIn(now)),
                    Optional.of((String) referenceElectrode.getSelectedItem())
                            .filter(name -> !name.equals(now.referenceElectrode().name())),
                    changed(area, areaText()), changed(volume, volumeText()), changed(loading, loadingText()));
        }

        private static Optional<String> changed(JTextField field, String before) {
            String text = field.getText().strip();
            return text.equals(before) ? Optional.empty() : Optional.of(text);
        }
    }

    /** Removing an assay: what it is, and why. */
    static JPanel removalForm(Assay assay, Why why) {
        JPanel form = grid();
        row(form, "Assay " + assay.id(), new JLabel(AssayCorrections.describe(assay)));
        why.addTo(form);
        return form;
    }

    /** An assay refused for the table's edit actions: nothing is asked, the reason is said. */
    static Optional<String> notCurrent(long assayId, String state) {
        if (state.equals(AssayCorrections.CURRENT)) {
            return Optional.empty();
        }
        return Optional.of("Assay " + assayId + " is " + state + (state.startsWith("superseded")
                ? ": the analysis uses its correction; edit or delete assay " + state.replaceAll("\\D+", "") + " instead."
                : ": it is out of the analysis already, and stays stored with the trail."));
    }
}
