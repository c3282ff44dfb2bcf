package org.norrlab.gui;

import org.norrlab.config.ConfigException;
import org.norrlab.config.YamlFiles;
import org.norrlab.plan.DraftCheck;
import org.norrlab.plan.Plan;
import org.norrlab.plan.ProtocolDraft;
import org.norrlab.plan.ProtocolFields;
import org.norrlab.plan.ProtocolWriter;
import org.norrlab.plan.StepDraft;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.swing.AbstractAction;
import javax.swing.BorderFactory;
import javax.swing.BoxLayout;
import javax.swing.JButton;
import javax.swing.JComboBox;
import javax.swing.JComponent;
import javax.swing.JFileChooser;
import javax.swing.JLabel;
import javax.swing.JOptionPane;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.JSplitPane;
import javax.swing.JTabbedPane;
import javax.swing.JTable;
import javax.swing.KeyStroke;
import javax.swing.ListSelectionModel;
import javax.swing.filechooser.FileNameExtensionFilter;
import java.awt.BorderLayout;
import java.awt.Dimension;
import java.awt.FlowLayout;
import java.awt.event.ActionEvent;
import java.awt.event.InputEvent;
import java.awt.event.KeyEvent;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The Protocols tab: open a protocol file or start a new one, edit its steps in a table (add, remove, move up and
 * down, by buttons or keys) and each step in a form of its kind, edit the protocol's name, cell and safety blocks, and
 * save it as commented YAML that {@code norrlab plan} and {@code run} read ({@link ProtocolWriter}). Every change is
 * judged by the loader on the text that would be saved ({@link DraftCheck}) and its message shown at the field it
 * names. A file the editor did not write is saved to a new file unless the operator chooses to overwrite it: its own
 * comments would not survive.
 */
final class ProtocolEditorPanel extends JPanel {
    private static final Logger log = LoggerFactory.getLogger(ProtocolEditorPanel.class);
    static final String SAVE_HAND_WRITTEN = "Save a hand-written protocol";

    private final GuiContext context;
    private final StepRowsModel rows = new StepRowsModel();
    private final JTable table = new JTable(rows) {
        @Override
        public String getToolTipText(java.awt.event.MouseEvent e) {
            // the Check column is narrow; its whole message shows on hover
            int row = rowAtPoint(e.getPoint());
            int column = columnAtPoint(e.getPoint());
            Object value = row < 0 || column < 0 ? null : getValueAt(row, column);
            return value == null || value.toString().isEmpty() ? null : "<html><body style='width: 420px'>"
                    + value.toString().replace("&", "&amp;").replace("<", "&lt;") + "</body></html>";
        }
    };
    private final JComboBox<String> kindToAdd = new JComboBox<>(ProtocolFields.KINDS.toArray(String[]::new));
    private final JTabbedPane forms = new JTabbedPane();
    private final JPanel stepHolder = new JPanel(new BorderLayout());
    private final JPanel protocolHolder = new JPanel(new BorderLayout());
    private final JLabel fileLabel = new JLabel();
    private final JLabel status = new JLabel(" ");
    private ProtocolDraft draft = ProtocolDraft.fresh();
    private Optional<Path> file = Optional.empty();
    private boolean editorWritten = true;
    private boolean changed;
    private FieldForm stepForm;
    private FieldForm protocolForm;
    private DraftCheck.Result checked;

    ProtocolEditorPanel(GuiContext context) {
        super(new BorderLayout(4, 4));
        this.context = context;
        setBorder(BorderFactory.createEmptyBorder(4, 4, 4, 4));
        add(fileBar(), BorderLayout.NORTH);
        JSplitPane split = new JSplitPane(JSplitPane.HORIZONTAL_SPLIT, stepsSide(), formsSide());
        split.setResizeWeight(0.55);
        split.setDividerLocation(640);
        add(split, BorderLayout.CENTER);
        status.setName("status");
        add(status, BorderLayout.SOUTH);
        showDraft(List.of(1));
    }

    private JComponent fileBar() {
        JPanel buttons = new JPanel(new FlowLayout(FlowLayout.LEFT, 4, 0));
        buttons.add(button("New", KeyEvent.VK_N, this::newProtocol));
        buttons.add(button("Open…", KeyEvent.VK_O, this::chooseAndOpen));
        buttons.add(button("Save", KeyEvent.VK_S, this::save));
        buttons.add(button("Save as…", KeyEvent.VK_E, () -> saveAs(suggestion())));
        fileLabel.setName("file");
        // the label takes the rest of the row (a long path is cut with "…", whole in its tooltip); the buttons never move
        JPanel bar = new JPanel(new BorderLayout(8, 0));
        bar.add(buttons, BorderLayout.WEST);
        bar.add(fileLabel, BorderLayout.CENTER);
        // Ctrl+S saves from anywhere in the tab
        getInputMap(WHEN_ANCESTOR_OF_FOCUSED_COMPONENT).put(KeyStroke.getKeyStroke(KeyEvent.VK_S, InputEvent.CTRL_DOWN_MASK),
                "save");
        getActionMap().put("save", action(this::save));
        return bar;
    }

    private JComponent stepsSide() {
        table.setName("steps");
        table.setSelectionMode(ListSelectionModel.SINGLE_SELECTION);
        table.setFillsViewportHeight(true);
        table.getColumnModel().getColumn(0).setPreferredWidth(40);
        table.getColumnModel().getColumn(1).setPreferredWidth(80);
        table.getColumnModel().getColumn(2).setPreferredWidth(120);
        table.getColumnModel().getColumn(3).setPreferredWidth(170);
        table.getColumnModel().getColumn(4).setPreferredWidth(100);
        table.getColumnModel().getColumn(5).setPreferredWidth(200);
        table.getSelectionModel().addListSelectionListener(e -> {
            if (!e.getValueIsAdjusting()) {
                showStepForm();
            }
        });
        bind(table, KeyStroke.getKeyStroke(KeyEvent.VK_INSERT, 0), "add step", this::addStep);
        bind(table, KeyStroke.getKeyStroke(KeyEvent.VK_DELETE, 0), "remove step", this::removeStep);
        bind(table, KeyStroke.getKeyStroke(KeyEvent.VK_UP, InputEvent.ALT_DOWN_MASK), "move step up", () -> move(-1));
        bind(table, KeyStroke.getKeyStroke(KeyEvent.VK_DOWN, InputEvent.ALT_DOWN_MASK), "move step down", () -> move(1));
        JPanel side = new JPanel(new BorderLayout(4, 4));
        side.add(new JScrollPane(table), BorderLayout.CENTER);
        JPanel adding = new JPanel(new WrapLayout(FlowLayout.LEFT));
        JLabel kindLabel = new JLabel("Kind:");
        kindLabel.setDisplayedMnemonic(KeyEvent.VK_K);
        kindLabel.setLabelFor(kindToAdd);
        kindToAdd.setName("kind to add");
        kindToAdd.setPrototypeDisplayValue("ocp");   // as wide as "OCP rest (open circuit)": the list opens wider (Combos)
        kindToAdd.setToolTipText("the kind of step Add inserts after the selected step");
        kindToAdd.setRenderer((list, value, index, selected, focus) -> {
            JLabel label = new JLabel(value == null ? "" : ProtocolFields.title(value));
            label.setOpaque(true);
            label.setBackground(selected ? list.getSelectionBackground() : list.getBackground());
            label.setForeground(selected ? list.getSelectionForeground() : list.getForeground());
            return label;
        });
        adding.add(kindLabel);
        adding.add(kindToAdd);
        adding.add(button("Add", KeyEvent.VK_A, this::addStep, "Insert: a step of the chosen kind after the selected one"
                + " (inside a repeat block when a step of it is selected)"));
        JPanel editing = new JPanel(new WrapLayout(FlowLayout.LEFT));   // wraps in a narrow window, never cut off
        editing.add(button("Remove", KeyEvent.VK_M, this::removeStep, "Delete: the selected step"));
        editing.add(button("Up", KeyEvent.VK_U, () -> move(-1), "Alt+Up: move the selected step up"));
        editing.add(button("Down", KeyEvent.VK_D, () -> move(1), "Alt+Down: move the selected step down"));
        editing.add(new JLabel("Keys: Insert, Delete, Alt+Up/Down"));
        JPanel buttons = new JPanel();
        buttons.setLayout(new BoxLayout(buttons, BoxLayout.Y_AXIS));
        adding.setAlignmentX(LEFT_ALIGNMENT);
        editing.setAlignmentX(LEFT_ALIGNMENT);
        buttons.add(adding);
        buttons.add(editing);
        side.add(buttons, BorderLayout.SOUTH);
        side.setMinimumSize(new Dimension(420, 200));
        return side;
    }

    private JComponent formsSide() {
        forms.addTab("Step", new JScrollPane(stepHolder));
        forms.addTab("Protocol, cell and safety", new JScrollPane(protocolHolder));
        forms.setMnemonicAt(0, KeyEvent.VK_T);
        forms.setMnemonicAt(1, KeyEvent.VK_L);
        forms.setMinimumSize(new Dimension(420, 200));
        return forms;
    }

    // ---- the draft and its forms

    /** Shows the whole draft (after open, new, add, remove, move) and selects the step at {@code place}. */
    private void showDraft(List<Integer> place) {
        rows.show(draft);
        protocolForm = new FieldForm("The protocol", ProtocolFields.protocol(), draft.head(), (key, value) -> {
            draft = draft.with(key, value);
            edited();
        });
        protocolHolder.removeAll();
        protocolHolder.add(protocolForm, BorderLayout.NORTH);
        protocolHolder.revalidate();
        int index = rows.indexOf(place);
        if (index < 0 && rows.getRowCount() > 0) {
            index = Math.min(rows.getRowCount() - 1, Math.max(0, place.isEmpty() ? 0 : place.get(0) - 1));
        }
        if (index >= 0) {
            table.getSelectionModel().setSelectionInterval(index, index);
            table.scrollRectToVisible(table.getCellRect(index, 0, true));
        }
        showStepForm();
        updateFileLabel();
    }

    private void showStepForm() {
        stepHolder.removeAll();
        Optional<StepRowsModel.Row> row = selected();
        if (row.isPresent()) {
            StepDraft step = row.get().step();
            List<Integer> place = row.get().place();
            stepForm = new FieldForm("Step " + (place.size() == 1 ? place.get(0) : place.get(0) + "." + place.get(1)) + ": "
                    + ProtocolFields.title(step.kind()), ProtocolFields.of(step.kind()), step.fields(), (key, value) -> {
                        replace(place, current(place).with(key, value));
                        edited();
                    });
            stepHolder.add(stepForm, BorderLayout.NORTH);
        } else {
            stepForm = null;
            stepHolder.add(new JLabel("No step selected: add one with Add (Insert)."), BorderLayout.NORTH);
        }
        stepHolder.revalidate();
        stepHolder.repaint();
        check();
    }

    private Optional<StepRowsModel.Row> selected() {
        int index = table.getSelectedRow();
        return index < 0 || index >= rows.getRowCount() ? Optional.empty() : Optional.of(rows.row(index));
    }

    private void edited() {
        changed = true;
        rows.show(draft);
        check();
        updateFileLabel();
    }

    /** Runs the loader on the text that would be saved and puts its message at the field it names. */
    private void check() {
        checked = DraftCheck.check(draft, checkedAs(), context.site());
        Optional<DraftCheck.Problem> problem = checked.problem();
        if (stepForm != null) {
            stepForm.clearProblems();
        }
        if (protocolForm != null) {
            protocolForm.clearProblems();
        }
        if (problem.isEmpty()) {
            Plan plan = checked.plan().orElseThrow();
            rows.problem(null, "");
            status.setForeground(getForeground());
            status.setText(String.format(Locale.ROOT, "The loader reads it: %d step%s to run, %s%s.", plan.steps().size(),
                    plan.steps().size() == 1 ? "" : "s", durationText(plan.totalDuration()),
                    plan.warnings().isEmpty() ? "" : "; " + plan.warnings().size() + " warning(s), shown by plan"));
            return;
        }
        ProtocolWriter.FieldRef at = problem.get().field();
        String message = problem.get().message();
        status.setForeground(new java.awt.Color(0xB0, 0x00, 0x20));
        status.setText(message);
        status.setToolTipText(message);
        if (at.step().isEmpty()) {
            rows.problem(null, "");
            if (protocolForm != null) {
                protocolForm.showProblem(protocolForm.has(at.key()) ? Optional.of(at.key()) : Optional.empty(), message);
            }
        } else {
            rows.problem(at.step(), message);
            if (stepForm != null && selected().map(r -> r.place().equals(at.step())).orElse(false)) {
                stepForm.showProblem(stepForm.has(at.key()) ? Optional.of(at.key()) : Optional.empty(), message);
            }
        }
    }

    private static String durationText(java.time.Duration d) {
        long s = d.toSeconds();
        return s >= 3600 ? String.format(Locale.ROOT, "%d h %02d min", s / 3600, s % 3600 / 60)
                : String.format(Locale.ROOT, "%d min %02d s", s / 60, s % 60);
    }

    /** The file named in the loader's messages: the one it will be saved as. */
    private Path checkedAs() {
        return file.orElse(suggestion());
    }

    private Path suggestion() {
        String name = draft.field("name").toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
        return protocolsDir().resolve((name.isEmpty() ? "new-protocol" : name) + ".yaml");
    }

    private Path protocolsDir() {
        return context.site().home().resolve("protocols");
    }

    private StepDraft current(List<Integer> place) {
        StepDraft top = draft.steps().get(place.get(0) - 1);
        return place.size() == 1 ? top : top.inner().get(place.get(1) - 1);
    }

    private void replace(List<Integer> place, StepDraft step) {
        List<StepDraft> steps = new ArrayList<>(draft.steps());
        if (place.size() == 1) {
            steps.set(place.get(0) - 1, step);
        } else {
            StepDraft block = steps.get(place.get(0) - 1);
            List<StepDraft> inner = new ArrayList<>(block.inner());
            inner.set(place.get(1) - 1, step);
            steps.set(place.get(0) - 1, block.withInner(inner));
        }
        draft = draft.withSteps(steps);
    }

    // ---- add, remove, move

    /** Inserts a step of the chosen kind after the selected one, at its level (a repeat block is not nested). */
    void addStep() {
        String kind = (String) kindToAdd.getSelectedItem();
        Optional<StepRowsModel.Row> row = selected();
        List<StepDraft> steps = new ArrayList<>(draft.steps());
        List<Integer> place;
        if (row.isPresent() && row.get().place().size() == 2 && !kind.equals("repeat")) {
            int top = row.get().place().get(0);
            StepDraft block = steps.get(top - 1);
            List<StepDraft> inner = new ArrayList<>(block.inner());
            int at = row.get().place().get(1);
            inner.add(at, StepDraft.fresh(kind));
            steps.set(top - 1, block.withInner(inner));
            place = List.of(top, at + 1);
        } else {
            int at = row.map(r -> r.place().get(0)).orElse(steps.size());
            steps.add(at, StepDraft.fresh(kind));
            place = List.of(at + 1);
        }
        draft = draft.withSteps(steps);
        changed = true;
        showDraft(place);
        table.requestFocusInWindow();
    }

    void removeStep() {
        Optional<StepRowsModel.Row> row = selected();
        if (row.isEmpty()) {
            return;
        }
        List<Integer> place = row.get().place();
        List<StepDraft> steps = new ArrayList<>(draft.steps());
        if (place.size() == 1) {
            steps.remove(place.get(0) - 1);
        } else {
            StepDraft block = steps.get(place.get(0) - 1);
            List<StepDraft> inner = new ArrayList<>(block.inner());
            inner.remove(place.get(1) - 1);
            steps.set(place.get(0) - 1, block.withInner(inner));
        }
        draft = draft.withSteps(steps);
        changed = true;
        List<Integer> next = place.size() == 1 ? List.of(Math.max(1, Math.min(place.get(0), steps.size())))
                : List.of(place.get(0));
        showDraft(next);
        table.requestFocusInWindow();
    }

    /** Moves the selected step up ({@code -1}) or down ({@code +1}) among the steps of its level. */
    void move(int by) {
        Optional<StepRowsModel.Row> row = selected();
        if (row.isEmpty()) {
            return;
        }
        List<Integer> place = row.get().place();
        List<StepDraft> steps = new ArrayList<>(draft.steps());
        if (place.size() == 1) {
            int from = place.get(0) - 1;
            int to = from + by;
            if (to < 0 || to >= steps.size()) {
                return;
            }
            steps.add(to, steps.remove(from));
            draft = draft.withSteps(steps);
            place = List.of(to + 1);
        } else {
            StepDraft block = steps.get(place.get(0) - 1);
            List<StepDraft> inner = new ArrayList<>(block.inner());
            int from = place.get(1) - 1;
            int to = from + by;
            if (to < 0 || to >= inner.size()) {
                return;
            }
            inner.add(to, inner.remove(from));
            steps.set(place.get(0) - 1, block.withInner(inner));
            draft = draft.withSteps(steps);
            place = List.of(place.get(0), to + 1);
        }
        changed = true;
        showDraft(place);
        table.requestFocusInWindow();
    }

    // ---- files

    void newProtocol() {
        if (!discardChanges()) {
            return;
        }
        draft = ProtocolDraft.fresh();
        file = Optional.empty();
        editorWritten = true;
        changed = false;
        showDraft(List.of(1));
    }

    private void chooseAndOpen() {
        if (!discardChanges()) {
            return;
        }
        JFileChooser chooser = new JFileChooser(protocolsDir().toFile());
        chooser.setFileFilter(new FileNameExtensionFilter("Protocols (*.yaml)", "yaml", "yml"));
        if (chooser.showOpenDialog(this) == JFileChooser.APPROVE_OPTION) {
            open(chooser.getSelectedFile().toPath());
        }
    }

    /** Opens {@code path} into the editor; a file whose structure cannot be edited is refused with the reason. */
    void open(Path path) {
        try {
            String text = YamlFiles.readText(path);
            draft = ProtocolDraft.read(path, text);
            file = Optional.of(path);
            editorWritten = ProtocolWriter.isEditorWritten(text);
            changed = false;
            log.info("protocol {} opened in the editor ({})", path, editorWritten ? "written by the editor" : "hand-written");
            showDraft(List.of(1));
        } catch (ConfigException e) {
            log.warn("protocol {} cannot be opened in the editor: {}", path, e.getMessage());
            Background.showError(this, "Opening " + path.getFileName(), e);
        }
    }

    private boolean discardChanges() {
        if (!changed) {
            return true;
        }
        int answer = JOptionPane.showConfirmDialog(this, "The protocol has changes that are not saved. Discard them?",
                "Unsaved changes", JOptionPane.OK_CANCEL_OPTION, JOptionPane.WARNING_MESSAGE);
        return answer == JOptionPane.OK_OPTION;
    }

    /**
     * Saves to the file it came from; a hand-written file only when the operator chooses to overwrite it (its comments
     * would be lost), else to a new file.
     */
    void save() {
        if (refusedAsInvalid()) {
            return;
        }
        if (file.isEmpty()) {
            saveAs(suggestion());
            return;
        }
        Path path = file.get();
        if (!editorWritten) {
            Object[] options = {"Save as a new file…", "Overwrite " + path.getFileName(), "Cancel"};
            int answer = JOptionPane.showOptionDialog(this, Background.wrap(path.getFileName() + " was not written by the"
                            + " protocol editor. Saving rewrites it in the editor's layout, with the editor's comments:"
                            + " its own comments will not survive. Save to a new file (the original stays as it is), or"
                            + " overwrite it?"), SAVE_HAND_WRITTEN, JOptionPane.DEFAULT_OPTION, JOptionPane.WARNING_MESSAGE,
                    null, options, options[0]);
            if (answer == 0) {
                saveAs(editedName(path));
            } else if (answer == 1) {
                write(path);
            }
            return;
        }
        write(path);
    }

    /** foo.yaml → foo-edited.yaml (foo-edited-2.yaml, … when taken). */
    static Path editedName(Path path) {
        String base = path.getFileName().toString().replaceFirst("\\.ya?ml$", "");
        Path candidate = path.resolveSibling(base + "-edited.yaml");
        for (int n = 2; Files.exists(candidate); n++) {
            candidate = path.resolveSibling(base + "-edited-" + n + ".yaml");
        }
        return candidate;
    }

    private void saveAs(Path suggested) {
        if (refusedAsInvalid()) {
            return;
        }
        JFileChooser chooser = new JFileChooser(suggested.getParent() == null ? null : suggested.getParent().toFile());
        chooser.setFileFilter(new FileNameExtensionFilter("Protocols (*.yaml)", "yaml", "yml"));
        chooser.setSelectedFile(suggested.toFile());
        if (chooser.showSaveDialog(this) != JFileChooser.APPROVE_OPTION) {
            return;
        }
        Path chosen = chooser.getSelectedFile().toPath();
        if (!chosen.getFileName().toString().matches(".*\\.ya?ml")) {
            chosen = chosen.resolveSibling(chosen.getFileName() + ".yaml");
        }
        if (Files.exists(chosen) && !chosen.equals(file.orElse(null))) {
            int answer = JOptionPane.showConfirmDialog(this, chosen.getFileName() + " exists. Replace it?"
                    + (isHandWritten(chosen) ? " It was not written by the editor: its own comments will not survive." : ""),
                    "Replace a protocol", JOptionPane.OK_CANCEL_OPTION, JOptionPane.WARNING_MESSAGE);
            if (answer != JOptionPane.OK_OPTION) {
                return;
            }
        }
        write(chosen);
    }

    private static boolean isHandWritten(Path path) {
        try {
            return !ProtocolWriter.isEditorWritten(Files.readString(path, StandardCharsets.UTF_8));
        } catch (IOException e) {
            log.warn("cannot read {} to see who wrote it", path, e);
            return true;
        }
    }

    /** A draft the loader refuses is not saved: plan and run would refuse the file, with the same message. */
    private boolean refusedAsInvalid() {
        check();
        if (checked.problem().isEmpty()) {
            return false;
        }
        JOptionPane.showMessageDialog(this, Background.wrap("Not saved: norrlab plan would refuse the protocol. "
                + checked.problem().get().message()), "Save protocol", JOptionPane.WARNING_MESSAGE);
        return true;
    }

    private void write(Path path) {
        String text = ProtocolWriter.write(draft).text();
        try {
            Files.writeString(path, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            log.error("saving protocol {} failed", path, e);
            Background.showError(this, "Saving " + path.getFileName(), e);
            return;
        }
        log.info("protocol {} saved by the editor ({} steps)", path, draft.steps().size());
        file = Optional.of(path);
        editorWritten = true;
        changed = false;
        check();
        updateFileLabel();
    }

    private void updateFileLabel() {
        String where = file.map(p -> p.getFileName().toString()).orElse("a new protocol, not saved yet");
        String who = file.isEmpty() ? "" : editorWritten ? " (written by the editor)"
                : " (hand-written: saved to a new file unless you choose to overwrite it)";
        fileLabel.setText(where + who + (changed ? " — changed" : ""));
        fileLabel.setToolTipText(file.map(Path::toString).orElse(null));
    }

    // ---- small helpers

    private static JButton button(String text, int mnemonic, Runnable action) {
        return button(text, mnemonic, action, null);
    }

    private static JButton button(String text, int mnemonic, Runnable action, String tip) {
        JButton button = new JButton(action(action));
        button.setText(text);
        button.setMnemonic(mnemonic);
        button.setName(text);
        button.setToolTipText(tip);
        return button;
    }

    private static AbstractAction action(Runnable action) {
        return new AbstractAction() {
            @Override
            public void actionPerformed(ActionEvent e) {
                action.run();
            }
        };
    }

    private static void bind(JComponent on, KeyStroke key, String name, Runnable action) {
        on.getInputMap(WHEN_FOCUSED).put(key, name);
        on.getActionMap().put(name, action(action));
    }

    // for the tests
    ProtocolDraft draft() {
        return draft;
    }

    JTable table() {
        return table;
    }

    JComboBox<String> kindToAdd() {
        return kindToAdd;
    }

    Optional<Path> file() {
        return file;
    }

    JLabel status() {
        return status;
    }

    JTabbedPane forms() {
        return forms;
    }
}
