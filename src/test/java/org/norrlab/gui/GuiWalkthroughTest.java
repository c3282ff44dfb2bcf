package org.norrlab.gui;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.norrlab.config.SiteConfig;
import org.norrlab.plan.ProtocolLoader;
import org.norrlab.plan.ProtocolWriter;
import org.norrlab.run.RunOutcome;
import org.norrlab.testing.Fixtures;
import org.norrlab.scheduler.RunState;
import org.norrlab.store.SessionStatus;
import org.norrlab.store.StoreLocation;

import javax.swing.AbstractButton;
import javax.swing.JButton;
import javax.swing.JFileChooser;
import javax.swing.JOptionPane;
import javax.swing.JTextField;
import javax.swing.JComponent;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.norrlab.gui.GuiDriver.await;
import static org.norrlab.gui.GuiDriver.onEdt;

/**
 * The scripted walk-through: the window driven as an operator drives it, one method per stage in order, each
 * pressing the buttons the operator would, asserting what the stage shows and saving a numbered screenshot
 * target/gui-screenshots/walkthrough-NN-name.png. The window (1366 × 728, a laptop screen less its taskbar) and the
 * session it records are shared by the stages.
 * <p>
 * To add a stage (overlay, assay edit, protocol editor): a method with an {@code @Order} between its neighbours'
 * (they go in tens), that drives the window through {@link #press}, waits with {@code await}, calls {@link #shot}
 * and asserts what the operator sees.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class GuiWalkthroughTest {
    private static final Duration WAIT = Duration.ofSeconds(60);

    @TempDir
    static Path temp;
    private NorrlabWindow window;
    private final AtomicInteger stage = new AtomicInteger();
    /** The session the run stages record; the later stages open it. */
    private long sessionId = -1;

    @BeforeAll
    void open() throws Exception {
        window = GuiDriver.openWindow(StoreLocation.file(temp.resolve("walkthrough.db")));
        onEdt(() -> window.frame().setSize(WindowLookTest.SMALL_WIDTH, WindowLookTest.SMALL_HEIGHT));
    }

    @AfterAll
    void close() throws Exception {
        GuiDriver.closeWindow(window);
    }

    /** Saves the window as walkthrough-NN-name.png, NN counting the screenshots of the walk-through. */
    private BufferedImage shot(String name) throws Exception {
        Thread.sleep(RunPanel.REFRESH_MILLIS + 50);   // the live charts and labels refresh on a timer
        return GuiDriver.screenshot(window.frame().getRootPane(),
                String.format(Locale.ROOT, "walkthrough-%02d-%s", stage.incrementAndGet(), name));
    }

    /** Presses (as a click does) the showing button labelled {@code text} in the tab shown. */
    private void press(String text) throws Exception {
        onEdt(() -> {
            AbstractButton button = GuiDriver.findAll((JComponent) window.tabs().getSelectedComponent(), AbstractButton.class)
                    .stream().filter(b -> text.equals(b.getText()) && b.isShowing()).findFirst()
                    .orElseThrow(() -> new AssertionError("no button \"" + text + "\" in the tab shown"));
            assertThat(button.isEnabled()).as(text + " enabled").isTrue();
            button.doClick();
        });
    }

    @Test
    @Order(10)
    void runFastPausedBetweenSteps() throws Exception {
        RunPanel run = window.runPanel();
        onEdt(() -> {
            for (int i = 0; i < run.instruments().getItemCount(); i++) {
                if (run.instruments().getItemAt(i).preset().filter("NiNC"::equals).isPresent()) {
                    run.instruments().setSelectedIndex(i);
                }
            }
            // 600×: each 5 min CA step takes 0.5 s, time enough for the pause pressed during step 1 or 2 to come
            // before the last step; at "max" the whole run can end between two looks of the test.
            run.speed().setSelectedItem("600");
        });
        press("Start");
        // Pause asked for once step 1 (the 20 s OCP) runs: the run stops after that step or, on a busy machine,
        // after one of the next; not at the end, as the press comes before the last step begins.
        await("step 1 under way", WAIT, () -> run.activeRun().map(r -> r.statistics().snapshot().stepIndex() >= 1)
                .orElse(false));
        press("Pause between steps");
        await("the pause", WAIT, () -> run.activeRun().map(r -> r.state() == RunState.PAUSED).orElse(false)
                && run.stateLabel().getText().startsWith("Paused"));
        assertThat(onEdt(() -> run.stateLabel().getText())).matches("Paused after step [1-4] of 5");
        shot("run-paused");
    }

    @Test
    @Order(20)
    void resumedTheRunEndsCompleted() throws Exception {
        RunPanel run = window.runPanel();
        press("Pause between steps");   // pressed again: go on
        await("the end of the run", WAIT, () -> !run.running() && run.lastOutcome().isPresent());
        RunOutcome outcome = run.lastOutcome().orElseThrow();
        assertThat(outcome.status()).isEqualTo(SessionStatus.COMPLETED);
        // 20 s OCP at 1 s, then four 5 min CA steps at 100 ms: 20 + 4 × 3000 samples.
        assertThat(outcome.counters().samplesDelivered()).isEqualTo(20 + 4 * 3000);
        assertThat(onEdt(() -> List.of(run.eventLines().toArray()))).anyMatch(l -> l.toString().contains("resumed after a pause"));
        sessionId = outcome.sessionId();
        shot("run-completed");
    }

    @Test
    @Order(30)
    void theSessionIsListedWithItsStepsInSessions() throws Exception {
        onEdt(() -> window.tabs().setSelectedIndex(NorrlabWindow.SESSIONS_TAB));
        SessionsPanel sessions = window.sessionsPanel();
        await("the session list", WAIT, () -> sessions.sessionTable().getRowCount() == 1);
        assertThat(onEdt(() -> sessions.sessionTable().getValueAt(0, 0))).isEqualTo(sessionId);
        assertThat(onEdt(() -> sessions.sessionTable().getValueAt(0, 2))).isEqualTo("completed");
        onEdt(() -> sessions.sessionTable().setRowSelectionInterval(0, 0));
        await("the session's steps and I(t)", WAIT, () -> sessions.stepModel().getRowCount() == 5
                && sessions.chartPanel().getChart() != null);
        assertThat(sessions.chartPanel().getChart().getXYPlot().getDataset().getSeriesCount()).as("the four CA steps")
                .isEqualTo(4);
        shot("sessions");
    }

    @Test
    @Order(40)
    void theFourCaStepsOverlaidInOneChart() throws Exception {
        SessionsPanel sessions = window.sessionsPanel();
        press("Overlay…");
        await("the overlay window", WAIT, () -> sessions.lastOverlay().isPresent());
        OverlayChart.Shown shown = onEdt(() -> sessions.lastOverlay().orElseThrow());
        // the session chosen, no steps picked: its four CA steps, a line each, in j over the session's 1 cm²
        assertThat(onEdt(() -> shown.panel().getChart().getXYPlot().getDataset().getSeriesCount())).isEqualTo(4);
        assertThat(onEdt(() -> shown.panel().getChart().getXYPlot().getRangeAxis().getLabel())).contains("mA cm");
        Thread.sleep(RunPanel.REFRESH_MILLIS);
        GuiDriver.screenshot(shown.frame().getRootPane(), String.format(Locale.ROOT, "walkthrough-%02d-%s",
                stage.incrementAndGet(), "overlay"));
        // Esc closes the overlay window
        onEdt(() -> shown.frame().getRootPane().dispatchEvent(new java.awt.event.KeyEvent(shown.frame().getRootPane(),
                java.awt.event.KeyEvent.KEY_PRESSED, System.currentTimeMillis(), 0, java.awt.event.KeyEvent.VK_ESCAPE,
                java.awt.event.KeyEvent.CHAR_UNDEFINED)));
        await("the overlay closed by Esc", WAIT, () -> !shown.frame().isDisplayable());
    }

    @Test
    @Order(50)
    void simulatedAssaysGiveTheFaradaicEfficiencies() throws Exception {
        press("Analyse…");
        AnalysisPanel analysis = window.analysisPanel();
        await("the Analysis tab on the session", WAIT, () -> window.tabs().getSelectedIndex() == NorrlabWindow.ANALYSIS_TAB
                && analysis.shown().map(r -> r.session().id() == sessionId).orElse(false));
        press("Simulate assays");
        await("the assays stored", WAIT, () -> analysis.assays().getRowCount() > 0);
        assertThat(onEdt(() -> analysis.results().getRowCount())).as("one row per CA step").isGreaterThanOrEqualTo(4);
        await("the FE of step 2 with its uncertainty", WAIT, () -> String.valueOf(analysis.results().getValueAt(1, 5))
                .contains("±"));
        shot("analysis-assays");
    }

    @Test
    @Order(60)
    void anAssayCorrectedWithAReasonIsInTheHistory() throws Exception {
        AnalysisPanel analysis = window.analysisPanel();
        int before = onEdt(() -> analysis.assays().getRowCount());
        onEdt(() -> analysis.assayTable().setRowSelectionInterval(0, 0));
        GuiDriver.answerForm(AnalysisPanel.EDIT_TITLE, pane -> {
            named(pane, "reason").setText("aliquot re-read on the second spectrophotometer");
            named(pane, "operator").setText("walkthrough");
            // the value read again 5 % higher, in the unit the form shows it in ("0.123" or "29.0 µg/mL NH3")
            JTextField value = named(pane, "value");
            String[] parts = value.getText().trim().split(" ", 2);
            value.setText(String.format(Locale.ROOT, "%.4g", Double.parseDouble(parts[0]) * 1.05)
                    + (parts.length > 1 ? " " + parts[1] : ""));
        });
        javax.swing.SwingUtilities.invokeLater(() -> GuiDriver.findAll(analysis, AbstractButton.class).stream()
                .filter(b -> "Edit assay…".equals(b.getText())).findFirst().orElseThrow().doClick());
        await("the correction stored", WAIT, () -> analysis.history().getRowCount() >= 1
                && analysis.assays().getRowCount() == before + 1);
        assertThat(onEdt(() -> analysis.history().getValueAt(0, analysis.history().getColumnCount() - 1)))
                .isEqualTo("aliquot re-read on the second spectrophotometer");
        assertThat(onEdt(() -> analysis.assays().getValueAt(0, AnalysisPanel.STATE_COLUMN)).toString())
                .startsWith("superseded by");
        shot("assay-corrected");
    }

    @Test
    @Order(70)
    void aProtocolEditedAndSavedAsANewFile() throws Exception {
        onEdt(() -> window.tabs().setSelectedIndex(NorrlabWindow.PROTOCOLS_TAB));
        ProtocolEditorPanel editor = window.protocolEditor();
        Path hand = temp.resolve("demo-sweep.yaml");
        Files.copy(Fixtures.HOME.resolve("protocols/demo-sweep.yaml"), hand);
        onEdt((Runnable) () -> editor.open(hand));
        onEdt(() -> {
            editor.table().getSelectionModel().setSelectionInterval(1, 1);
            editor.forms().setSelectedIndex(0);
            ((JTextField) named((java.awt.Container) editor.forms().getComponentAt(0), "field:duration")).setText("2 min");
        });
        assertThat(onEdt(() -> editor.status().getText())).startsWith("The loader reads it");
        GuiDriver.onDialog(d -> d.getTitle().equals(ProtocolEditorPanel.SAVE_HAND_WRITTEN), d -> {
            JOptionPane pane = GuiDriver.findAll(d, JOptionPane.class).get(0);
            pane.setValue(pane.getOptions()[0]);   // a new file: the hand-written one is kept as it is
        });
        GuiDriver.onDialog(d -> !GuiDriver.findAll(d, JFileChooser.class).isEmpty(),
                d -> GuiDriver.findAll(d, JFileChooser.class).get(0).approveSelection());
        javax.swing.SwingUtilities.invokeLater(() -> GuiDriver.findAll(editor, JButton.class).stream()
                .filter(b -> "Save".equals(b.getName())).findFirst().orElseThrow().doClick());
        Path edited = temp.resolve("demo-sweep-edited.yaml");
        await("the edited protocol saved", WAIT, () -> Files.exists(edited));
        assertThat(Files.readString(edited)).startsWith(ProtocolWriter.MARK).contains("duration: 2 min");
        assertThat(ProtocolLoader.load(edited, SiteConfig.load(Fixtures.HOME)).steps()).isNotEmpty();
        shot("protocol-edited");
    }

    private static JTextField named(java.awt.Container root, String name) {
        return GuiDriver.findAll(root, JTextField.class).stream().filter(f -> name.equals(f.getName())).findFirst()
                .orElseThrow(() -> new AssertionError("no field " + name));
    }

    @Test
    @Order(80)
    void theReportIsWrittenToTheFolderChosen() throws Exception {
        onEdt(() -> window.tabs().setSelectedIndex(NorrlabWindow.ANALYSIS_TAB));
        Path folder = temp.resolve("report");
        Files.createDirectories(folder);
        GuiDriver.answerFileChooser(folder);
        press("Save report…");
        AnalysisPanel analysis = window.analysisPanel();
        await("the report written", WAIT, () -> analysis.statusText().startsWith("Report written:"));
        long files;
        try (Stream<Path> list = Files.list(folder)) {
            files = list.count();
        }
        assertThat(onEdt(analysis::statusText)).isEqualTo("Report written: " + files + " files in " + folder);
        assertThat(files).isGreaterThanOrEqualTo(3);
        shot("report-written");
    }
}
