package org.norrlab.gui;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.norrlab.cli.CliRunnerAccess;
import org.norrlab.config.ConfigException;
import org.norrlab.config.SiteConfig;
import org.norrlab.plan.Plan;
import org.norrlab.plan.PlannedStep;
import org.norrlab.plan.ProtocolLoader;
import org.norrlab.plan.ProtocolWriter;
import org.norrlab.testing.Fixtures;

import javax.swing.JButton;
import javax.swing.JComboBox;
import javax.swing.JComponent;
import javax.swing.JFileChooser;
import javax.swing.JLabel;
import javax.swing.JOptionPane;
import javax.swing.JTable;
import javax.swing.JTextField;
import javax.swing.SwingUtilities;
import java.awt.Container;
import java.awt.event.InputEvent;
import java.awt.event.KeyEvent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.within;
import static org.norrlab.gui.GuiDriver.await;
import static org.norrlab.gui.GuiDriver.findAll;
import static org.norrlab.gui.GuiDriver.onDialog;
import static org.norrlab.gui.GuiDriver.onEdt;
import static org.norrlab.gui.GuiDriver.screenshot;

/**
 * The Protocols tab as an operator uses it, in one window at 1366 × 768: a three-step protocol built with the buttons
 * and keys and saved, then read by {@code norrlab plan}; a mistyped field showing the loader's own message at that
 * field; and a hand-written protocol saved to a new file (or overwritten only when chosen).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ProtocolEditorTest {
    private Path temp;
    private NorrlabWindow window;
    private ProtocolEditorPanel editor;

    @BeforeAll
    void open() throws Exception {
        temp = Files.createTempDirectory("protocol-editor");
        window = GuiDriver.openWindow(temp.resolve("gui.db"));
        editor = window.protocolEditor();
        onEdt(() -> {
            window.frame().setSize(1366, 768);
            window.frame().validate();
        });
    }

    @AfterAll
    void close() throws Exception {
        GuiDriver.closeWindow(window);
        try (var files = Files.walk(temp)) {
            for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    @BeforeEach
    void toTheTab() throws Exception {
        // Ctrl+5, as the View menu says
        onEdt(() -> press(window.frame().getRootPane(), KeyEvent.VK_5, InputEvent.CTRL_DOWN_MASK));
        assertThat(onEdt(() -> window.tabs().getSelectedIndex())).isEqualTo(NorrlabWindow.PROTOCOLS_TAB);
    }

    @Test
    @Order(1)
    void aThreeStepProtocolBuiltInTheEditorIsWhatPlanReads() throws Exception {
        onEdt(() -> {
            click("New");
            type(form(1), "field:name", "Editor three steps");
            select(0);
            type(form(0), "field:duration", "30 s");
            editor.kindToAdd().setSelectedItem("ca");
            click("Add");
        });
        assertThat(onEdt(() -> editor.table().getRowCount())).isEqualTo(2);
        onEdt(() -> {
            type(form(0), "value:potential", "-0.5 V");
            ((JComboBox<?>) named(form(0), "scale:potential")).setSelectedItem(FieldForm.RHE);
            type(form(0), "field:duration", "1 min");
            editor.kindToAdd().setSelectedItem("eis");
            // Insert in the table adds the chosen kind after the selected step
            press(editor.table(), KeyEvent.VK_INSERT, 0);
        });
        assertThat(onEdt(() -> kinds())).containsExactly("ocp", "ca", "eis");
        // Alt+Up and Alt+Down reorder; Delete removes (a fourth step, added and removed again)
        onEdt(() -> press(editor.table(), KeyEvent.VK_UP, InputEvent.ALT_DOWN_MASK));
        assertThat(onEdt(() -> kinds())).containsExactly("ocp", "eis", "ca");
        onEdt(() -> press(editor.table(), KeyEvent.VK_DOWN, InputEvent.ALT_DOWN_MASK));
        assertThat(onEdt(() -> kinds())).containsExactly("ocp", "ca", "eis");
        onEdt(() -> {
            editor.kindToAdd().setSelectedItem("hold");
            press(editor.table(), KeyEvent.VK_INSERT, 0);
        });
        assertThat(onEdt(() -> kinds())).containsExactly("ocp", "ca", "eis", "hold");
        onEdt(() -> press(editor.table(), KeyEvent.VK_DELETE, 0));
        assertThat(onEdt(() -> kinds())).containsExactly("ocp", "ca", "eis");
        assertThat(onEdt(() -> editor.status().getText())).startsWith("The loader reads it: 3 steps");
        onEdt(() -> select(1));
        screenshot(window.frame().getRootPane(), "protocol-editor-three-steps");

        Path saved = temp.resolve("three-steps.yaml");
        GuiDriver.answerFileChooser(saved);
        SwingUtilities.invokeLater(() -> click("Save"));
        await("the saved protocol", WithWindow.WAIT, () -> Files.exists(saved) && editor.file().isPresent());
        String text = Files.readString(saved);
        assertThat(text).startsWith(ProtocolWriter.MARK).contains("potential: -0.5 V vs RHE");

        CliRunnerAccess.Result plan = CliRunnerAccess.norrlab("plan", saved.toString(), "--home", Fixtures.HOME.toString(),
                "--db", temp.resolve("plan.db").toString());
        assertThat(plan.exitCode()).as(plan.err()).isZero();
        // OCP 30 s at 1 s: 30 samples; CA 60 s at 100 ms: 600; EIS 100 kHz .. 0.1 Hz at 10 per decade: 6 decades × 10
        // + 1 = 61 points; 30 + 600 + 61 = 691
        assertThat(plan.out()).contains("Protocol Editor three steps").contains("Total: 3 steps").contains("691 samples");
        Plan read = ProtocolLoader.load(saved, SiteConfig.load(Fixtures.HOME));
        assertThat(read.steps()).extracting(PlannedStep::kind).containsExactly("ocp", "ca", "eis");
        PlannedStep.Chronoamperometry ca = read.steps().get(1).asChronoamperometry().orElseThrow();
        assertThat(ca.voltsVsRhe()).isCloseTo(-0.5, within(1e-12));
        assertThat(ca.duration().toSeconds()).isEqualTo(60);
        assertThat(read.steps().get(0).duration().toSeconds()).isEqualTo(30);
    }

    @Test
    @Order(2)
    void aMistypedFieldShowsTheLoadersMessageAtThatField() throws Exception {
        onEdt(() -> {
            click("New");
            editor.kindToAdd().setSelectedItem("ca");
            click("Add");
            type(form(0), "field:duration", "ten min");
        });
        JLabel error = onEdt(() -> (JLabel) named(form(0), "error:duration"));
        assertThat(onEdt(() -> error.isShowing())).isTrue();
        // the loader's own message for the text the editor would save
        Path as = Fixtures.HOME.resolve("protocols/new-protocol.yaml");
        String text = onEdt(() -> ProtocolWriter.write(editor.draft()).text());
        ConfigException loader = catchThrowableOfType(() -> ProtocolLoader.parse(as, text, SiteConfig.load(Fixtures.HOME)),
                ConfigException.class);
        assertThat(loader.field()).isEqualTo("steps[2].ca.duration");
        assertThat(onEdt(() -> error.getToolTipText())).isEqualTo(loader.getMessage()).contains("'ten min'");
        assertThat(onEdt(() -> editor.table().getValueAt(1, 5))).isEqualTo(loader.getMessage());
        assertThat(onEdt(() -> editor.status().getText())).isEqualTo(loader.getMessage());
        // no other field carries it
        assertThat(onEdt(() -> findAll(form(0), JLabel.class).stream()
                .filter(l -> l.getName() != null && l.getName().startsWith("error:") && l.isVisible()).count())).isEqualTo(1);
        screenshot(window.frame().getRootPane(), "protocol-editor-invalid-field");

        // a potential without its number: the message lands at the potential
        onEdt(() -> {
            type(form(0), "field:duration", "1 min");
            type(form(0), "value:potential", "minus half a volt");
        });
        assertThat(onEdt(() -> named(form(0), "error:duration").isVisible())).isFalse();
        assertThat(onEdt(() -> ((JLabel) named(form(0), "error:potential")).getToolTipText()))
                .contains("steps[2].ca.potential");
        onEdt(() -> type(form(0), "value:potential", "-0.5 V"));
        assertThat(onEdt(() -> editor.status().getText())).startsWith("The loader reads it: 2 steps");
    }

    @Test
    @Order(3)
    void aHandWrittenProtocolIsSavedToANewFileUnlessOverwriteIsChosen() throws Exception {
        Path hand = temp.resolve("demo-sweep.yaml");
        Files.copy(Fixtures.HOME.resolve("protocols/demo-sweep.yaml"), hand);
        byte[] original = Files.readAllBytes(hand);
        onEdt((Runnable) () -> editor.open(hand));
        assertThat(onEdt(() -> kinds())).containsExactly("ocp", "ca_series");
        onEdt(() -> {
            select(1);
            type(form(0), "field:duration", "2 min");
        });
        assertThat(onEdt(() -> editor.status().getText())).startsWith("The loader reads it: 5 steps");
        screenshot(window.frame().getRootPane(), "protocol-editor-ca-series");
        onEdt(() -> form(1));
        screenshot(window.frame().getRootPane(), "protocol-editor-cell-and-safety");
        onEdt(() -> form(0));

        AtomicReference<String> asked = new AtomicReference<>();
        AtomicReference<String> suggested = new AtomicReference<>();
        answer(asked, 0);
        onDialog(d -> !findAll(d, JFileChooser.class).isEmpty(), d -> {
            JFileChooser chooser = findAll(d, JFileChooser.class).get(0);
            suggested.set(chooser.getSelectedFile().getName());
            chooser.approveSelection();
        });
        SwingUtilities.invokeLater(() -> click("Save"));
        Path edited = temp.resolve("demo-sweep-edited.yaml");
        await("the new file", WithWindow.WAIT, () -> Files.exists(edited) && editor.file().equals(java.util.Optional.of(edited)));
        assertThat(asked.get()).contains("demo-sweep.yaml was not written by the protocol editor")
                .contains("its own comments will not survive");
        assertThat(suggested.get()).isEqualTo("demo-sweep-edited.yaml");
        assertThat(Files.readAllBytes(hand)).as("the hand-written original").isEqualTo(original);
        assertThat(Files.readString(edited)).startsWith(ProtocolWriter.MARK).contains("duration: 2 min");

        // the same file again, and this time Overwrite is chosen
        onEdt((Runnable) () -> editor.open(hand));
        AtomicReference<String> again = new AtomicReference<>();
        answer(again, 1);
        SwingUtilities.invokeLater(() -> click("Save"));
        await("the overwritten original", WithWindow.WAIT, () -> Files.readString(hand).startsWith(ProtocolWriter.MARK));
        assertThat(again.get()).contains("was not written by the protocol editor");
        Plan before = ProtocolLoader.load(Fixtures.HOME.resolve("protocols/demo-sweep.yaml"), SiteConfig.load(Fixtures.HOME));
        Plan after = ProtocolLoader.load(hand, SiteConfig.load(Fixtures.HOME));
        assertThat(after.steps()).hasSameSizeAs(before.steps());
        assertThat(after.totalDuration()).isEqualTo(before.totalDuration());
    }

    /** Answers the hand-written file's question with option {@code option}, keeping its text. */
    private static void answer(AtomicReference<String> asked, int option) {
        onDialog(d -> d.getTitle().equals(ProtocolEditorPanel.SAVE_HAND_WRITTEN), d -> {
            JOptionPane pane = findAll(d, JOptionPane.class).get(0);
            asked.set(String.valueOf(pane.getMessage()).replace('\n', ' '));
            paint(d.getRootPane(), "protocol-editor-hand-written-question");
            pane.setValue(pane.getOptions()[option]);
        });
    }

    /** A screenshot taken on the event thread (GuiDriver.screenshot waits for it, so cannot be called on it). */
    private static void paint(JComponent component, String name) {
        java.awt.image.BufferedImage image = new java.awt.image.BufferedImage(component.getWidth(), component.getHeight(),
                java.awt.image.BufferedImage.TYPE_INT_RGB);
        var g = image.createGraphics();
        component.printAll(g);
        g.dispose();
        try {
            Files.createDirectories(GuiDriver.SCREENSHOTS);
            javax.imageio.ImageIO.write(image, "png", GuiDriver.SCREENSHOTS.resolve(name + ".png").toFile());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    // ---- driving the tab, on the event thread

    private List<String> kinds() {
        List<String> kinds = new ArrayList<>();
        JTable table = editor.table();
        for (int i = 0; i < table.getRowCount(); i++) {
            kinds.add(String.valueOf(table.getValueAt(i, 1)));
        }
        return kinds;
    }

    private void select(int row) {
        editor.table().getSelectionModel().setSelectionInterval(row, row);
    }

    /** The form on tab {@code index} of the editor's right side (0: the step, 1: the protocol). */
    private Container form(int index) {
        editor.forms().setSelectedIndex(index);
        return (Container) editor.forms().getComponentAt(index);
    }

    private void click(String button) {
        findAll(editor, JButton.class).stream().filter(b -> button.equals(b.getName())).findFirst().orElseThrow().doClick();
    }

    private static JComponent named(Container root, String name) {
        return findAll(root, JComponent.class).stream().filter(c -> name.equals(c.getName())).findFirst()
                .orElseThrow(() -> new AssertionError("no component " + name));
    }

    private static void type(Container root, String name, String text) {
        ((JTextField) named(root, name)).setText(text);
    }

    private static void press(JComponent on, int key, int modifiers) {
        on.dispatchEvent(new KeyEvent(on, KeyEvent.KEY_PRESSED, System.currentTimeMillis(), modifiers, key,
                KeyEvent.CHAR_UNDEFINED));
    }
}
