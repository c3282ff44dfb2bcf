package org.norrlab.gui;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.norrlab.analysis.Calibration;
import org.norrlab.analysis.Product;
import org.norrlab.config.SiteConfig;
import org.norrlab.core.EventKind;
import org.norrlab.driver.Speed;
import org.norrlab.emulator.Emulators;
import org.norrlab.emulator.Faults;
import org.norrlab.labdata.StandardsFile;
import org.norrlab.run.RunOutcome;
import org.norrlab.run.RunRequest;
import org.norrlab.run.RunService;
import org.norrlab.scheduler.RunListener;
import org.norrlab.store.SessionStatus;
import org.norrlab.store.SessionStore;
import org.norrlab.store.StoredSession;
import org.norrlab.testing.Fixtures;
import org.norrlab.testing.PtyPair;

import javax.swing.JComboBox;
import javax.swing.JComponent;
import javax.swing.JRootPane;
import javax.swing.JTextField;
import javax.swing.SwingUtilities;
import java.awt.Container;
import java.awt.event.InputEvent;
import java.awt.event.KeyEvent;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.norrlab.gui.GuiDriver.answerFileChooser;
import static org.norrlab.gui.GuiDriver.answerForm;
import static org.norrlab.gui.GuiDriver.await;
import static org.norrlab.gui.GuiDriver.findAll;
import static org.norrlab.gui.GuiDriver.onEdt;
import static org.norrlab.gui.GuiDriver.screenshot;

/** The window's other ways in: a serial instrument, a replay, the keyboard, and the analysis dialogs. */
class GuiInteractionTest {
    private static final Duration WAIT = Duration.ofSeconds(60);

    @TempDir
    Path temp;
    private NorrlabWindow window;
    private Path database;

    private void openWindow() throws Exception {
        database = temp.resolve("gui.db");
        window = GuiDriver.openWindow(database);
    }

    @AfterEach
    void close() throws Exception {
        GuiDriver.closeWindow(window);
    }

    private void select(java.util.function.Predicate<InstrumentChoice> which) throws Exception {
        JComboBox<InstrumentChoice> box = window.runPanel().instruments();
        onEdt(() -> {
            for (int i = 0; i < box.getItemCount(); i++) {
                if (which.test(box.getItemAt(i))) {
                    box.setSelectedIndex(i);
                    return;
                }
            }
            throw new AssertionError("no such instrument entry");
        });
    }

    @Test
    void aSerialInstrumentOnAPtyThenAReplayOfItsSession() throws Exception {
        openWindow();
        RunPanel run = window.runPanel();
        try (PtyPair pty = new PtyPair(temp);
             Emulators.Running emulator = Emulators.start(Fixtures.HOME, "emstat4-hr", pty.device(), Fixtures.cellAtPh7(),
                     new Speed(600), Optional.of("NiNC"), 42, Faults.NONE)) {
            select(c -> c.kind() == InstrumentChoice.Kind.SERIAL && c.profile().equals("emstat4-hr") && c.port().isEmpty());
            onEdt(() -> {
                assertThat(run.speed().isEnabled()).as("a real instrument runs in real time").isFalse();
                findAll(run, JTextField.class).stream().filter(JComponent::isEnabled).findFirst().orElseThrow()
                        .setText(pty.host());
            });
            onEdt(run::start);
            await("the serial run's end", WAIT, () -> run.lastOutcome().isPresent() && !run.running());
            RunOutcome serial = run.lastOutcome().orElseThrow();
            assertThat(serial.status()).isEqualTo(SessionStatus.COMPLETED);
            assertThat(serial.counters().samplesDelivered()).isEqualTo(20 + 4 * 3000);
            assertThat(onEdt(() -> run.stateLabel().getText())).isEqualTo("Session 1 completed: all 5 steps completed; the cell is off");
        }

        // Replay the recorded serial session through the same driver, from the list.
        onEdt(run::loadChoices);
        await("the replay entry", WAIT, () -> {
            for (int i = 0; i < run.instruments().getItemCount(); i++) {
                if (run.instruments().getItemAt(i).replaySession().isPresent()) {
                    return true;
                }
            }
            return false;
        });
        select(c -> c.replaySession().equals(Optional.of(1L)));
        onEdt(() -> run.speed().setSelectedItem("max"));
        onEdt(run::start);
        await("the replay's end", WAIT, () -> run.lastOutcome().map(o -> o.sessionId() == 2).orElse(false) && !run.running());
        RunOutcome replay = run.lastOutcome().orElseThrow();
        assertThat(replay.status()).isEqualTo(SessionStatus.COMPLETED);
        assertThat(replay.counters().samplesDelivered()).isEqualTo(20 + 4 * 3000);
        try (SessionStore store = SessionStore.open(database)) {
            StoredSession second = store.session(2).orElseThrow();
            assertThat(second.replayOf()).contains(1L);
            assertThat(second.instrument().profile()).isEqualTo("emstat4-hr");
            assertThat(second.instrument().family()).isEqualTo("methodscript");
        }
    }

    @Test
    void keyboardStartsAndAbortsTheRunAndTheCellGoesOff() throws Exception {
        openWindow();
        RunPanel run = window.runPanel();
        select(c -> c.preset().equals(Optional.of("NiNC")));
        onEdt(() -> run.speed().setSelectedItem("60"));   // 20 min in 20 s: time to abort mid-run
        press(KeyEvent.VK_R, InputEvent.CTRL_DOWN_MASK);
        await("a running run with samples", WAIT, () -> run.activeRun().map(r -> r.statistics().snapshot().samples() > 200)
                .orElse(false));
        press(KeyEvent.VK_A, InputEvent.CTRL_DOWN_MASK | InputEvent.SHIFT_DOWN_MASK);
        await("the abort", WAIT, () -> !run.running() && run.lastOutcome().isPresent());
        RunOutcome outcome = run.lastOutcome().orElseThrow();
        assertThat(outcome.status()).isEqualTo(SessionStatus.ABORTED);
        assertThat(outcome.reason()).isEqualTo("operator abort (GUI)");
        assertThat(outcome.result().cellOffConfirmed()).isTrue();
        assertThat(outcome.result().stepsCompleted()).as("stopped before the last of the demo's 5 steps").isLessThan(5);
        // Ctrl+2 shows the sessions tab with the aborted session.
        press(KeyEvent.VK_2, InputEvent.CTRL_DOWN_MASK);
        await("the sessions tab", WAIT, () -> window.tabs().getSelectedIndex() == NorrlabWindow.SESSIONS_TAB
                && window.sessionsPanel().sessionTable().getRowCount() == 1);
        assertThat(onEdt(() -> window.sessionsPanel().sessionTable().getValueAt(0, 2))).isEqualTo("aborted");
    }

    @Test
    void calibrationAndAssaysEnteredThroughTheDialogsGiveTheReadmesFigures() throws Exception {
        // The README's second flow: the demo sweep without simulated assays, the example calibration and assays.
        GuiDriver.requireDisplay();
        database = temp.resolve("gui.db");
        RunOutcome demo = new RunService(SiteConfig.load(Fixtures.HOME))
                .prepare(RunRequest.simulated(Fixtures.HOME.resolve("protocols/demo-sweep.yaml"), Speed.MAX).withDatabase(database))
                .execute(RunListener.NONE);
        openWindow();
        onEdt(() -> window.analyse(demo.sessionId()));
        AnalysisPanel analysis = window.analysisPanel();
        await("the analysis", WAIT, () -> analysis.results().getRowCount() == 4);

        Path standards = Fixtures.HOME.resolve("config/examples/indophenol-standards.csv");
        answerFileChooser(standards);
        answerForm("Calibration from", pane -> { });   // the defaults are the example's: NH3, indophenol, 655 nm, µg/mL NH4+-N
        SwingUtilities.invokeLater(() -> clickButton(analysis, "Add calibration…"));
        Calibration expected = StandardsFile.read(standards, new StandardsFile.Method(Product.NH3, "indophenol", "655 nm",
                "µg/mL NH4+-N", "", "", false));
        await("the calibration row", WAIT, () -> calibrationRows(analysis) == 1);
        assertThat(onEdt(() -> analysis.getComponentCount())).isPositive();

        answerFileChooser(Fixtures.HOME.resolve("config/examples/demo-assays.csv"));
        SwingUtilities.invokeLater(() -> clickButton(analysis, "Import assays CSV…"));
        await("the imported assays", WAIT, () -> analysis.assays().getRowCount() == 4
                && !"—".equals(analysis.results().getValueAt(0, 5)));
        // The README's table for this flow (seed 42): FE 69.17, 86.49, 75.53, 34.38 %.
        assertThat(onEdt(() -> List.of(analysis.results().getValueAt(0, 5), analysis.results().getValueAt(1, 5),
                analysis.results().getValueAt(2, 5), analysis.results().getValueAt(3, 5))))
                .containsExactly("69.17 ± 0.77", "86.49 ± 0.99", "75.53 ± 0.87", "34.38 ± 0.40");
        assertThat(onEdt(() -> analysis.results().getValueAt(1, 7))).isEqualTo("93.402 ± 1.070");

        // One NH2OH result typed into the form: 0.05 mM in 35 mL = 1.75 µmol; FE = 3·F·n/Q.
        answerForm("Add an assay result", pane -> {
            List<JComboBox> boxes = findAll(pane, JComboBox.class);
            boxes.get(0).setSelectedItem(3);                 // step
            boxes.get(1).setSelectedItem("NH2OH");           // product
            boxes.get(2).setSelectedItem("concentration");   // kind
            findAll(pane, JTextField.class).get(0).setText("0.05 mM");
        });
        SwingUtilities.invokeLater(() -> clickButton(analysis, "Add assay…"));
        await("the NH2OH assay", WAIT, () -> analysis.assays().getRowCount() == 5);
        await("the new FE sum", WAIT, () -> !String.valueOf(analysis.results().getValueAt(1, 6))
                .equals(String.valueOf(analysis.results().getValueAt(1, 5))));
        double charge = Double.parseDouble((String) onEdt(() -> analysis.results().getValueAt(1, 3)));
        double feNh2oh = 3 * 96485 * 0.05e-3 * 35e-3 / charge * 100;
        double feSum = Double.parseDouble(((String) onEdt(() -> analysis.results().getValueAt(1, 6))).split(" ")[0]);
        assertThat(feSum).isCloseTo(86.49 + feNh2oh, within(0.02));
        assertThat(feNh2oh).isCloseTo(11.67, within(0.01));
        screenshot(window.frame().getRootPane(), "analysis-entered");

        try (SessionStore store = SessionStore.open(database)) {
            Calibration stored = store.assays().calibrations().get(0);
            assertThat(stored.fit().slope()).isEqualTo(expected.fit().slope());
            assertThat(store.assays().assays(demo.sessionId())).hasSize(5)
                    .anyMatch(a -> a.product() == Product.NH2OH && a.unit().equals("mM") && a.stepIndex() == 3);
            assertThat(store.events(demo.sessionId())).noneMatch(e -> e.event().kind() == EventKind.FAILURE);
        }
    }

    @Test
    void theLabViewRunsFourBenchesAndShowsEach() throws Exception {
        openWindow();
        Path labFile = temp.resolve("lab.yaml");
        StringBuilder lab = new StringBuilder("benches:\n");
        String[] catalysts = {"NiNC", "NiNC", "MnO2-x", "CoS1-x"};
        for (int i = 0; i < 4; i++) {
            lab.append("  - {name: H").append(i + 1).append(", instrument: sim, catalyst: ").append(catalysts[i])
                    .append(", seed: ").append(i + 1).append(", speed: 600, protocol: protocols/demo-sweep.yaml}\n");
        }
        java.nio.file.Files.writeString(labFile, lab);
        LabPanel panel = window.labPanel();
        press(KeyEvent.VK_4, InputEvent.CTRL_DOWN_MASK);
        onEdt(() -> {
            assertThat(window.tabs().getSelectedIndex()).isEqualTo(NorrlabWindow.LAB_TAB);
            panel.fileField().setText(labFile.toString());
            panel.start();
        });
        await("four benches under way", WAIT, () -> panel.views().size() == 4 && panel.running());
        await("the lab's end", WAIT, () -> !panel.running() && panel.outcomes().size() == 4);
        screenshot(window.frame().getRootPane(), "lab");
        for (LabPanel.BenchView view : onEdt(panel::views)) {
            var plot = view.charts.runChart().getXYPlot();
            assertThat(plot.getDomainMarkers(org.jfree.chart.ui.Layer.FOREGROUND)).as(view.name).hasSize(5);
            assertThat(plot.getDataset().getItemCount(0)).as(view.name).isGreaterThan(100);
            assertThat(onEdt(() -> view.status.getText())).as(view.name)
                    .matches("session \\d completed: all 5 steps completed; 12020 samples");
        }
        // The sessions view names each session's bench.
        press(KeyEvent.VK_2, InputEvent.CTRL_DOWN_MASK);
        await("the four lab sessions listed", WAIT, () -> window.sessionsPanel().sessionTable().getRowCount() == 4);
        assertThat(onEdt(() -> {
            List<Object> benches = new java.util.ArrayList<>();
            for (int row = 0; row < 4; row++) {
                benches.add(window.sessionsPanel().sessionTable().getValueAt(row, 6));
            }
            return benches;
        })).containsExactlyInAnyOrder("H1", "H2", "H3", "H4");
        try (SessionStore store = SessionStore.open(database)) {
            assertThat(store.sessions()).hasSize(4).allMatch(s -> s.status() == SessionStatus.COMPLETED)
                    .extracting(s -> s.runOptions().get("bench")).containsExactlyInAnyOrder("H1", "H2", "H3", "H4");
        }
    }

    private int calibrationRows(AnalysisPanel analysis) {
        return findAll(analysis, javax.swing.JTable.class).stream().filter(t -> "calibrations".equals(t.getName()))
                .findFirst().orElseThrow().getRowCount();
    }

    /** Sends a key stroke to the window as if typed with the focus anywhere in it. */
    private void press(int key, int modifiers) throws Exception {
        onEdt(() -> {
            JRootPane root = window.frame().getRootPane();
            KeyEvent event = new KeyEvent(root, KeyEvent.KEY_PRESSED, System.currentTimeMillis(), modifiers, key,
                    KeyEvent.CHAR_UNDEFINED);
            root.dispatchEvent(event);
        });
    }

    private static void clickButton(Container in, String text) {
        findAll(in, javax.swing.AbstractButton.class).stream().filter(b -> text.equals(b.getText())).findFirst()
                .orElseThrow(() -> new AssertionError("no button " + text)).doClick();
    }

}
