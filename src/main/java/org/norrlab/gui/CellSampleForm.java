package org.norrlab.gui;

import org.norrlab.config.CellBlock;
import org.norrlab.config.ConfigException;
import org.norrlab.config.Location;
import org.norrlab.config.SiteConfig;
import org.norrlab.config.YamlNode;
import org.norrlab.core.BadInputException;
import org.norrlab.core.SampleEntry;
import org.norrlab.electrochem.CellSettings;
import org.norrlab.electrochem.ReferenceElectrode;
import org.norrlab.plan.ProtocolLoader;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.swing.BorderFactory;
import javax.swing.JButton;
import javax.swing.JComboBox;
import javax.swing.JComponent;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.JTabbedPane;
import javax.swing.JTextArea;
import javax.swing.JTextField;
import javax.swing.event.DocumentEvent;
import javax.swing.event.DocumentListener;
import javax.swing.text.JTextComponent;
import java.awt.Color;
import java.awt.GridBagConstraints;
import java.awt.GridBagLayout;
import java.awt.Insets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The cell and the sample of the next run, as EC-Lab's "Cell characteristics" tab beside its parameters: reference
 * electrode, pH, temperature, electrode area, catalyst loading, electrolyte volume, then the sample, the operator and
 * notes. The cell fields start at the protocol's cell block over config/site.yaml, and each says where its value came
 * from; a value the operator types wins over both for this run (and stays when another protocol is chosen). Every
 * value is checked as it is typed by the same code that reads config/site.yaml, so the messages are the loader's.
 */
final class CellSampleForm {
    private static final Logger log = LoggerFactory.getLogger(CellSampleForm.class);
    /** Where a value typed here is said to come from, in messages and in the stored reference electrode's source. */
    static final Path FORM = Path.of("the run form");
    static final String ENTERED = "typed here";
    private static final Color PROBLEM = new Color(0xb0, 0x00, 0x20);
    private static final Color SOURCE = new Color(0x55, 0x55, 0x55);

    /** One cell field: its text box, its key in a cell block, how its default is written, and its source line. */
    private final class Field {
        final String key;
        final JTextComponent text;
        final JLabel source = new JLabel(" ");
        boolean entered;
        String sourceText = " ";

        Field(String key, JTextComponent text) {
            this.key = key;
            this.text = text;
            text.setName(key);
            source.setName(key + ".source");
            source.setForeground(SOURCE);
            text.getDocument().addDocumentListener(new DocumentListener() {
                @Override
                public void insertUpdate(DocumentEvent e) {
                    typed(Field.this);
                }

                @Override
                public void removeUpdate(DocumentEvent e) {
                    typed(Field.this);
                }

                @Override
                public void changedUpdate(DocumentEvent e) {
                    typed(Field.this);
                }
            });
        }

        void show(Optional<String> problem) {
            source.setForeground(problem.isPresent() ? PROBLEM : SOURCE);
            source.setText(problem.orElse(entered ? ENTERED : sourceText));
            // the column may be narrower than a message or a long file name: the whole text on hovering
            source.setToolTipText(source.getText());
        }
    }

    private final SiteConfig site;
    private final Runnable changed;
    private final JComboBox<String> reference = new JComboBox<>();
    private final Field referenceField;
    private final Field e0;
    private final Field pH;
    private final Field temperature;
    private final Field area;
    private final Field loading;
    private final Field volume;
    private final List<Field> cellFields;
    private final JTextField sample = new JTextField(24);
    private final JTextField operator = new JTextField(24);
    private final JTextArea notes = new JTextArea(3, 24);
    private final JLabel problemLine = new JLabel(" ");
    private final JButton useDefaults = new JButton("Use the defaults");
    private final JPanel panel = new JPanel(new GridBagLayout());
    private CellBlock defaults;
    /** The protocol whose cell block {@link #defaults} holds. */
    private Path defaultsOf;
    private boolean filling;

    /** @param changed called on the event thread after the operator changed a cell value (the plan preview follows) */
    CellSampleForm(SiteConfig site, Runnable changed) {
        this.site = site;
        this.changed = changed;
        this.defaults = site.cell();
        reference.setEditable(true);
        ReferenceElectrode.KNOWN.forEach(known -> reference.addItem(known.name()));
        reference.setToolTipText("The reference electrode in the cell: one of the list, or type the name of another and"
                + " give its potential vs SHE below");
        referenceField = new Field("reference_electrode", (JTextComponent) reference.getEditor().getEditorComponent());
        e0 = new Field("e0_vs_she", new JTextField(8));
        e0.text.setToolTipText("The potential of a reference electrode that is not in the list, vs SHE, e.g. 0.205 V");
        pH = new Field("ph", new JTextField(8));
        temperature = new Field("temperature", new JTextField(8));
        area = new Field("electrode_area", new JTextField(8));
        loading = new Field("catalyst_loading", new JTextField(8));
        volume = new Field("electrolyte_volume", new JTextField(8));
        cellFields = List.of(referenceField, e0, pH, temperature, area, loading, volume);
        sample.setName("sample");
        operator.setName("operator");
        notes.setName("notes");
        notes.setLineWrap(true);
        notes.setWrapStyleWord(true);
        problemLine.setForeground(PROBLEM);
        problemLine.setName("problem");
        for (JTextComponent text : List.of(sample, operator, notes)) {
            text.getDocument().addDocumentListener(new DocumentListener() {
                @Override
                public void insertUpdate(DocumentEvent e) {
                    check();
                }

                @Override
                public void removeUpdate(DocumentEvent e) {
                    check();
                }

                @Override
                public void changedUpdate(DocumentEvent e) {
                    check();
                }
            });
        }
        useDefaults.setToolTipText("Put every cell value back to the protocol's and config/site.yaml's");
        useDefaults.addActionListener(e -> {
            cellFields.forEach(f -> f.entered = false);
            fill();
            changed.run();
        });
        layOut();
        fill();
    }

    private void layOut() {
        panel.setBorder(BorderFactory.createEmptyBorder(6, 6, 6, 6));
        GridBagConstraints c = new GridBagConstraints();
        c.insets = new Insets(2, 3, 2, 3);
        c.anchor = GridBagConstraints.WEST;
        c.gridx = 2;
        c.gridy = 0;
        JLabel from = new JLabel("from");
        from.setForeground(SOURCE);
        panel.add(from, c);
        int y = 1;
        y = row(c, y, "Reference electrode", reference, referenceField.source);
        y = row(c, y, "E° vs SHE", e0.text, e0.source);
        y = row(c, y, "pH", pH.text, pH.source);
        y = row(c, y, "Temperature", temperature.text, temperature.source);
        y = row(c, y, "Electrode area", area.text, area.source);
        y = row(c, y, "Catalyst loading", loading.text, loading.source);
        y = row(c, y, "Electrolyte volume", volume.text, volume.source);
        c.gridx = 1;
        c.gridy = y++;
        c.fill = GridBagConstraints.NONE;
        panel.add(useDefaults, c);
        y = row(c, y, "Catalyst / sample", sample, null);
        y = row(c, y, "Operator", operator, null);
        JScrollPane notesScroll = new JScrollPane(notes);
        y = row(c, y, "Notes", notesScroll, null);
        c.gridx = 0;
        c.gridy = y;
        c.gridwidth = 3;
        c.weighty = 1;
        c.anchor = GridBagConstraints.NORTHWEST;
        panel.add(problemLine, c);
    }

    private int row(GridBagConstraints c, int y, String label, JComponent field, JLabel source) {
        c.gridy = y;
        c.gridwidth = 1;
        c.weighty = 0;
        c.gridx = 0;
        c.weightx = 0;
        c.fill = GridBagConstraints.NONE;
        JLabel name = new JLabel(label);
        name.setLabelFor(field);
        panel.add(name, c);
        c.gridx = 1;
        c.weightx = source == null ? 1 : 0.4;
        c.gridwidth = source == null ? 2 : 1;
        c.fill = GridBagConstraints.HORIZONTAL;
        panel.add(field, c);
        if (source != null) {
            c.gridx = 2;
            c.weightx = 0.6;
            panel.add(source, c);
        }
        return y + 1;
    }

    /** The plan and this form as two tabs, "Plan" first, where the run view showed the plan alone. */
    JTabbedPane besidePlan(JComponent plan) {
        JTabbedPane tabs = new JTabbedPane();
        tabs.setName("plan and cell");
        tabs.addTab("Plan", plan);
        JScrollPane scroll = new JScrollPane(panel, JScrollPane.VERTICAL_SCROLLBAR_AS_NEEDED,
                JScrollPane.HORIZONTAL_SCROLLBAR_NEVER);
        tabs.addTab("Cell and sample", scroll);
        tabs.setToolTipTextAt(1, "The cell and the sample of the next run: reference electrode, pH, area, loading,"
                + " volume, sample, operator, notes");
        return tabs;
    }

    JComponent panel() {
        return panel;
    }

    /** Reads the chosen protocol's cell block over config/site.yaml in the background and shows it as the defaults. */
    void protocolChosen(JComponent owner, Path protocol) {
        if (protocol.equals(defaultsOf)) {
            return;   // the plan preview is read again as the operator types; the defaults of the same file are not
        }
        defaultsOf = protocol;
        Background.run(owner, "Reading the cell of " + protocol.getFileName(), () -> {
            try {
                return Optional.of(ProtocolLoader.cellDefaults(protocol, site));
            } catch (ConfigException e) {
                // the plan preview reads the same file and shows the operator this problem: one dialog, not two
                log.info("the run form keeps its defaults: {}", e.getMessage());
                return Optional.<CellBlock>empty();
            }
        }, read -> {
            if (!protocol.equals(defaultsOf)) {
                return;   // another protocol was chosen while this one was read
            }
            if (read.isPresent()) {
                showDefaults(read.get());
            } else {
                defaultsOf = null;   // read again when chosen again: the file may have been fixed
            }
        });
    }

    /** New defaults: every field the operator did not type takes its value and says where it came from. */
    void showDefaults(CellBlock layered) {
        defaults = layered;
        fill();
    }

    private void fill() {
        filling = true;
        try {
            Optional<CellBlock.Sourced<ReferenceElectrode>> re = defaults.referenceElectrode();
            if (!referenceField.entered) {
                String name = re.map(r -> r.value().name()).orElse("");
                if (!name.isEmpty() && ReferenceElectrode.known(name).isEmpty() && !hasItem(name)) {
                    reference.addItem(name);
                }
                reference.setSelectedItem(name);
                referenceField.text.setText(name);
                referenceField.sourceText = source(re.map(CellBlock.Sourced::location), "not set: choose one");
            }
            e0.text.setEnabled(ReferenceElectrode.known(referenceField.text.getText()).isEmpty());
            if (!e0.entered) {
                e0.text.setText(re.map(r -> number(r.value().e0VsSheVolts()) + " V").orElse(""));
                e0.sourceText = re.map(r -> r.value().source()).orElse(" ");
            }
            fillNumber(pH, defaults.pH(), "", Optional.empty());
            fillNumber(temperature, defaults.temperatureCelsius(), " °C", Optional.of(25.0));
            fillNumber(area, defaults.electrodeAreaCm2(), " cm²", Optional.empty());
            fillNumber(loading, defaults.catalystLoadingMgPerCm2(), " mg/cm²", Optional.of(0.0));
            fillNumber(volume, defaults.electrolyteVolumeMl(), " mL", Optional.empty());
        } finally {
            filling = false;
        }
        check();
    }

    private boolean hasItem(String name) {
        for (int i = 0; i < reference.getItemCount(); i++) {
            if (reference.getItemAt(i).equals(name)) {
                return true;
            }
        }
        return false;
    }

    /** @param resolved what {@link CellBlock#resolve} takes where nobody set the value (temperature, loading) */
    private void fillNumber(Field field, Optional<CellBlock.Sourced<Double>> value, String unit, Optional<Double> resolved) {
        if (field.entered) {
            return;
        }
        Optional<Double> shown = value.map(CellBlock.Sourced::value).or(() -> resolved);
        field.text.setText(shown.map(v -> number(v) + unit).orElse(""));
        field.sourceText = value.isPresent() ? source(value.map(CellBlock.Sourced::location), "")
                : resolved.isPresent() ? "norrlab's default" : "not set: give a value";
    }

    private String source(Optional<Location> location, String none) {
        if (location.isEmpty()) {
            return none;
        }
        Path file = location.get().file();
        Path home = site.home().toAbsolutePath().normalize();
        Path shown = file.toAbsolutePath().normalize().startsWith(home) ? home.relativize(file.toAbsolutePath().normalize())
                : file.getFileName();
        return shown.toString().replace('\\', '/') + ":" + location.get().line();
    }

    static String number(double value) {
        return String.format(Locale.ROOT, "%.6g", value).replaceAll("(\\.\\d*?)0+$", "$1").replaceAll("\\.$", "");
    }

    private void typed(Field field) {
        if (filling) {
            return;
        }
        field.entered = true;
        if (field == referenceField) {
            // a known electrode's potential is the table's: the E° field is only for others
            e0.text.setEnabled(ReferenceElectrode.known(referenceField.text.getText()).isEmpty());
        }
        if (check().isEmpty()) {
            changed.run();
        }
    }

    // --- what the form says ------------------------------------------------------------------------------

    /** The values the operator typed, as a cell block that wins over the protocol's and the site's; checked. */
    private CellBlock typedBlock() throws ConfigException {
        Map<String, YamlNode> fields = new LinkedHashMap<>();
        if (referenceField.entered || e0.entered) {
            String name = referenceField.text.getText().strip();
            if (name.isEmpty() || ReferenceElectrode.known(name).isPresent()) {
                fields.put("reference_electrode", scalar("reference_electrode", name));
            } else {
                Map<String, YamlNode> custom = new LinkedHashMap<>();
                custom.put("name", scalar("reference_electrode.name", name));
                if (!e0.text.getText().isBlank()) {   // left out when blank: the loader then says it is required
                    custom.put("e0_vs_she", scalar("reference_electrode.e0_vs_she", e0.text.getText()));
                }
                custom.put("source", scalar("reference_electrode.source", "entered in the run form"));
                fields.put("reference_electrode", new YamlNode.Mapping(custom, at(), "cell.reference_electrode"));
            }
        }
        for (Field field : List.of(pH, temperature, area, loading, volume)) {
            if (field.entered) {
                fields.put(field.key, scalar(field.key, field.text.getText()));
            }
        }
        return CellBlock.read(new YamlNode.Mapping(fields, at(), "cell"));
    }

    private static YamlNode.Scalar scalar(String key, String text) {
        String stripped = text.strip();
        return new YamlNode.Scalar(stripped.isEmpty() ? null : stripped, at(), "cell." + key);
    }

    private static Location at() {
        return new Location(FORM, 1, 1);
    }

    /** The loader's message without the place (the field it is about stands next to it). */
    static String problem(ConfigException e) {
        String prefix = e.location() + ": ";
        return e.getMessage().startsWith(prefix) ? e.getMessage().substring(prefix.length()) : e.getMessage();
    }

    /** Checks every field, shows each one's problem beside it, and returns the first (empty: all is well). */
    Optional<String> check() {
        Optional<String> first = Optional.empty();
        for (Field field : cellFields) {
            Optional<String> problem = problemOf(field);
            field.show(problem);
            first = first.or(() -> problem);
        }
        if (first.isEmpty()) {
            try {
                typedBlock().over(defaults).resolve();
            } catch (ConfigException e) {
                first = Optional.of(problem(e));
            } catch (BadInputException e) {
                first = Optional.of(e.getMessage());
            }
        }
        Optional<String> sampleProblem = checkSample();
        Optional<String> shown = first.or(() -> sampleProblem);
        // the whole of the first problem, wrapped, where the column beside a field has room for its start only
        problemLine.setText(shown.map(p -> "<html><body style='width: 380px'>" + p.replace("&", "&amp;")
                .replace("<", "&lt;") + "</body></html>").orElse(" "));
        return shown;
    }

    /** The problem of one field alone, as the loader words it. */
    private Optional<String> problemOf(Field field) {
        if (!field.entered && !(field == e0 && referenceField.entered)) {
            return Optional.empty();
        }
        try {
            Map<String, YamlNode> one = new LinkedHashMap<>();
            if (field == referenceField || field == e0) {
                return typedReferenceProblem();
            }
            if (field.text.getText().isBlank()) {
                return Optional.of("field 'cell." + field.key + "': is empty; give a value");
            }
            one.put(field.key, scalar(field.key, field.text.getText()));
            CellBlock.read(new YamlNode.Mapping(one, at(), "cell"));
            return Optional.empty();
        } catch (ConfigException e) {
            return Optional.of(problem(e));
        }
    }

    private Optional<String> typedReferenceProblem() {
        if (referenceField.text.getText().isBlank()) {
            return Optional.of("field 'cell.reference_electrode': is empty; choose one of " + ReferenceElectrode.knownNames());
        }
        try {
            typedBlock();
            return Optional.empty();
        } catch (ConfigException e) {
            return Optional.of(problem(e));
        }
    }

    private Optional<String> checkSample() {
        try {
            sampleEntry();
            return Optional.empty();
        } catch (BadInputException e) {
            return Optional.of(e.getMessage());
        }
    }

    private SampleEntry sampleEntry() {
        return new SampleEntry(sample.getText(), operator.getText(), notes.getText());
    }

    /** What the run is asked to store and use, or the first problem, worded as the loader words it. */
    record Entry(CellBlock typed, CellSettings cell, SampleEntry sample) {
    }

    /** The entry for Start: refused with the first problem while a field is wrong. */
    Entry entry() {
        Optional<String> problem = check();
        if (problem.isPresent()) {
            throw new BadInputException("the Cell and sample tab: " + problem.get());
        }
        try {
            CellBlock typed = typedBlock();
            return new Entry(typed, typed.over(defaults).resolve(), sampleEntry());
        } catch (ConfigException e) {
            throw new BadInputException("the Cell and sample tab: " + problem(e), e);
        }
    }

    /** The typed values for the plan preview; none while a field is wrong (the preview then shows the files' cell). */
    Optional<CellBlock> typedIfValid() {
        if (check().isPresent()) {
            return Optional.empty();
        }
        try {
            return Optional.of(typedBlock());
        } catch (ConfigException e) {
            return Optional.empty();
        }
    }

    void setEditable(boolean editable) {
        reference.setEnabled(editable);
        for (Field field : cellFields) {
            if (field != referenceField) {
                field.text.setEnabled(editable && (field != e0
                        || ReferenceElectrode.known(referenceField.text.getText()).isEmpty()));
            }
        }
        List.of(sample, operator, notes).forEach(t -> t.setEditable(editable));
        useDefaults.setEnabled(editable);
    }

    // --- for the tests ---------------------------------------------------------------------------------------

    /** The text box of a cell field by its key in config/site.yaml ({@code ph}, {@code electrode_area}, …). */
    JTextComponent field(String key) {
        return find(f -> f.text, key);
    }

    /** The line beside a cell field: where its value came from, or its problem. */
    JLabel sourceOf(String key) {
        return find(f -> f.source, key);
    }

    private <T> T find(Function<Field, T> part, String key) {
        return cellFields.stream().filter(f -> f.key.equals(key)).findFirst().map(part)
                .orElseThrow(() -> new IllegalArgumentException("no cell field " + key));
    }

    /** The first problem of the form, in full, under its fields. */
    JLabel problemLine() {
        return problemLine;
    }

    JComboBox<String> reference() {
        return reference;
    }

    JTextField sample() {
        return sample;
    }

    JTextField operator() {
        return operator;
    }

    JTextArea notes() {
        return notes;
    }
}
