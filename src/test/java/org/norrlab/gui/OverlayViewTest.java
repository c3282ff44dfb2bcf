package org.norrlab.gui;

import org.jfree.chart.JFreeChart;
import javax.swing.JButton;
import org.jfree.chart.title.TextTitle;
import org.jfree.data.xy.XYDataset;
import org.junit.jupiter.api.Test;
import org.norrlab.config.SiteConfig;
import org.norrlab.driver.Speed;
import org.norrlab.report.SessionSummaries;
import org.norrlab.report.StepSummary;
import org.norrlab.run.RunOutcome;
import org.norrlab.run.RunRequest;
import org.norrlab.run.RunService;
import org.norrlab.scheduler.RunListener;
import org.norrlab.store.CorrectionStore;
import org.norrlab.store.SessionStore;
import org.norrlab.testing.Fixtures;

import javax.swing.JOptionPane;
import javax.swing.JTable;
import java.awt.event.InputEvent;
import java.awt.event.KeyEvent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.norrlab.gui.GuiDriver.await;
import static org.norrlab.gui.GuiDriver.onDialog;
import static org.norrlab.gui.GuiDriver.onEdt;
import static org.norrlab.gui.GuiDriver.screenshot;

/**
 * A simulated demo sweep (5 min CA steps) and a shorter one (30 s steps) in the Sessions view (Xvfb): the steps table's |Q| is a magnitude (defect 4 of issue 22),
 * and Overlay draws the four CA steps of one run, then of both, in j with each session's own area (the second's
 * corrected to 0.5 cm²), steps kept across sessions, and refuses an OCP step by name. Screenshots go to
 * target/gui-screenshots/.
 */
class OverlayViewTest extends WithWindow {
    private static final String TITLE_OF_REFUSAL = "Drawing the overlay failed";

    private RunOutcome run(Path protocol, long seed) throws Exception {
        return new RunService(SiteConfig.load(Fixtures.HOME))
                .prepare(RunRequest.simulated(protocol, Speed.MAX).withSeed(seed).withDatabase(database))
                .execute(RunListener.NONE);
    }

    /** The demo sweep's steps at a tenth of its length (30 s per CA step): a shorter run that must line up with it. */
    private Path shortSweep() throws Exception {
        Path protocol = temp.resolve("short-sweep.yaml");
        Files.writeString(protocol, """
                name: short sweep
                steps:
                  - ocp:
                      duration: 2 s
                      interval: 1 s
                  - ca_series:
                      potentials: [-0.4 V vs RHE, -0.5 V vs RHE, -0.6 V vs RHE, -0.7 V vs RHE]
                      duration: 30 s
                      interval: 100 ms
                """);
        return protocol;
    }

    /** The smallest stored current of a step, in mA. */
    private double smallestMilliamps(long session, int step) throws Exception {
        double[] min = {Double.POSITIVE_INFINITY};
        try (SessionStore store = SessionStore.open(database)) {
            store.forEachSample(session, step, (seq, s) -> min[0] = Math.min(min[0], s.currentAmperes() * 1e3));
        }
        return min[0];
    }

    private void choose(SessionsPanel sessions, long... ids) throws Exception {
        onEdt(() -> {
            JTable table = sessions.sessionTable();
            table.clearSelection();
            for (long id : ids) {
                for (int row = 0; row < table.getRowCount(); row++) {
                    if (((Number) table.getValueAt(row, 0)).longValue() == id) {
                        table.addRowSelectionInterval(row, row);
                    }
                }
            }
        });
        long last = ids[ids.length - 1];
        try {
            await("session " + last + " shown", WAIT, () -> sessions.shownSession() == last
                    && sessions.stepModel().getRowCount() == 5);
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "; shown " + onEdt(sessions::shownSession) + " with "
                    + onEdt(() -> sessions.stepModel().getRowCount()) + " steps, rows selected "
                    + Arrays.toString(onEdt(() -> sessions.sessionTable().getSelectedRows())), e);
        }
    }

    private OverlayChart.Shown overlayAfter(SessionsPanel sessions, Runnable press) throws Exception {
        Optional<OverlayChart.Shown> before = onEdt(sessions::lastOverlay);
        onEdt(press);
        await("the overlay window", WAIT, () -> sessions.lastOverlay().isPresent() && !sessions.lastOverlay().equals(before));
        OverlayChart.Shown shown = onEdt(() -> sessions.lastOverlay().orElseThrow());
        onEdt(() -> shown.frame().setSize(1100, 700));
        Thread.sleep(100);
        // The chart tools sit around the overlay: Autoscale offered, and the CSV export holds every point drawn
        // (a header line, then one line per point of every series).
        assertThat(onEdt(() -> GuiDriver.findAll(shown.frame().getContentPane(), JButton.class).stream()
                .filter(b -> b.isShowing()).map(JButton::getText).toList()))
                .contains(ChartTools.AUTOSCALE, ChartTools.EXPORT_CSV);
        XYDataset drawn = shown.panel().getChart().getXYPlot().getDataset();
        int points = 0;
        for (int s = 0; s < drawn.getSeriesCount(); s++) {
            points += drawn.getItemCount(s);
        }
        assertThat(onEdt(() -> shown.tools().csv()).split("\n")).hasSize(1 + points);
        return shown;
    }

    private static List<String> keys(JFreeChart chart) {
        XYDataset data = chart.getXYPlot().getDataset();
        List<String> keys = new ArrayList<>();
        for (int s = 0; s < data.getSeriesCount(); s++) {
            keys.add(data.getSeriesKey(s).toString());
        }
        return keys;
    }

    private static List<String> subtitles(JFreeChart chart) {
        List<String> texts = new ArrayList<>();
        for (Object t : chart.getSubtitles()) {
            if (t instanceof TextTitle text) {
                texts.add(text.getText());
            }
        }
        return texts;
    }

    private static double smallestY(XYDataset data, int series) {
        double min = Double.POSITIVE_INFINITY;
        for (int i = 0; i < data.getItemCount(series); i++) {
            min = Math.min(min, data.getYValue(series, i));
        }
        return min;
    }

    @Test
    void overlayOfStepsAndSessionsInEachSessionsCurrentDensity() throws Exception {
        long first = run(Fixtures.HOME.resolve("protocols/demo-sweep.yaml"), 42).sessionId();
        long second = run(shortSweep(), 7).sessionId();
        try (SessionStore store = SessionStore.open(database)) {
            store.corrections().correctSession(second, List.of(new CorrectionStore.Change("electrode_area_cm2", "1", "0.5")),
                    "a smaller electrode than the site's", "tester");
        }
        onEdt(() -> window.tabs().setSelectedIndex(NorrlabWindow.SESSIONS_TAB));
        SessionsPanel sessions = window.sessionsPanel();
        // the tab reloads the list when shown (a second reload racing it would clear the selection)
        await("the session list", WAIT, () -> sessions.sessionTable().getRowCount() == 2);
        choose(sessions, first);

        // Defect 4: the |Q| column is the magnitude of each CA step's (cathodic, negative) charge; the sign stays in
        // the mean current beside it.
        List<StepSummary> summaries;
        try (SessionStore store = SessionStore.open(database)) {
            summaries = SessionSummaries.of(store, first);
        }
        for (int row = 1; row <= 4; row++) {
            int r = row;
            double coulombs = summaries.get(row).coulombs();
            assertThat(coulombs).as("a reduction's charge").isNegative();
            assertThat(onEdt(() -> sessions.stepModel().getValueAt(r, 7)))
                    .isEqualTo(String.format(Locale.ROOT, "%.5g", -coulombs));
            assertThat(onEdt(() -> sessions.stepModel().getValueAt(r, 6)).toString()).startsWith("-");
        }

        // Ctrl+Shift+O in the sessions list: the four CA steps of the session chosen, each from its own start, in
        // mA cm⁻² over the site's 1 cm².
        OverlayChart.Shown four = overlayAfter(sessions, () -> {
            JTable table = sessions.sessionTable();
            table.dispatchEvent(new KeyEvent(table, KeyEvent.KEY_PRESSED, System.currentTimeMillis(),
                    InputEvent.CTRL_DOWN_MASK | InputEvent.SHIFT_DOWN_MASK, KeyEvent.VK_O, KeyEvent.CHAR_UNDEFINED));
        });
        JFreeChart chart = four.panel().getChart();
        assertThat(keys(chart)).containsExactly(
                "session " + first + ", step 2 CA -0.400 V vs RHE",
                "session " + first + ", step 3 CA -0.500 V vs RHE",
                "session " + first + ", step 4 CA -0.600 V vs RHE",
                "session " + first + ", step 5 CA -0.700 V vs RHE");
        // 5 min steps: s; the first samples at 0.1 s from each step's start, the last at 300 s
        assertThat(chart.getXYPlot().getDomainAxis().getLabel()).isEqualTo("t from step start (s)");
        assertThat(chart.getXYPlot().getRangeAxis().getLabel()).isEqualTo("j (mA cm⁻²)");
        XYDataset data = chart.getXYPlot().getDataset();
        for (int s = 0; s < 4; s++) {
            assertThat(data.getXValue(s, 0)).isCloseTo(0.1, within(1e-6));
            assertThat(data.getXValue(s, data.getItemCount(s) - 1)).isCloseTo(300, within(1e-6));
            // 3000 samples in at most 2 × 1600 points; the extreme kept: j = I / 1 cm²
            assertThat(smallestY(data, s)).isCloseTo(smallestMilliamps(first, s + 2) / 1.0, within(1e-12));
        }
        assertThat(subtitles(chart)).containsExactly("j = I / A, A = 1 cm² (session " + first + ")");
        screenshot(four.frame().getRootPane(), "overlay-four-ca-steps");

        // Both sessions chosen in the list, Overlay pressed: eight series, the second session's over its corrected
        // 0.5 cm², so j = I / 0.5 cm² = 2 × I.
        choose(sessions, first, second);
        OverlayChart.Shown both = overlayAfter(sessions, () -> sessions.overlayButton().doClick());
        JFreeChart pair = both.panel().getChart();
        assertThat(keys(pair)).hasSize(8);
        assertThat(keys(pair).get(4)).isEqualTo("session " + second + ", step 2 CA -0.400 V vs RHE");
        assertThat(smallestY(pair.getXYPlot().getDataset(), 4)).isCloseTo(smallestMilliamps(second, 2) / 0.5, within(1e-12));
        // the shorter run's step lines up with the longer one's from its own start: 0.1 s to 30 s
        XYDataset pairData = pair.getXYPlot().getDataset();
        assertThat(pairData.getXValue(4, 0)).isCloseTo(0.1, within(1e-6));
        assertThat(pairData.getXValue(4, pairData.getItemCount(4) - 1)).isCloseTo(30, within(1e-6));
        assertThat(smallestY(pair.getXYPlot().getDataset(), 0)).isCloseTo(smallestMilliamps(first, 2) / 1.0, within(1e-12));
        assertThat(subtitles(pair)).containsExactly("j = I / A, A = 1 cm² (session " + first + "), 0.5 cm² corrected (session "
                + second + ")");
        assertThat(pair.getTitle().getText()).isEqualTo("Overlay of 8 CA steps of sessions " + first + ", " + second);
        screenshot(both.frame().getRootPane(), "overlay-two-sessions");

        // Steps of two sessions: steps 2 and 3 of the first kept, step 5 of the second chosen in the Steps tab.
        choose(sessions, first);
        onEdt(() -> sessions.stepTable().setRowSelectionInterval(1, 2));
        onEdt(() -> sessions.keepStepsButton().doClick());
        assertThat(onEdt(() -> sessions.keptText().getText())).isEqualTo("2 steps of 1 session kept");
        choose(sessions, second);
        onEdt(() -> sessions.stepTable().setRowSelectionInterval(4, 4));
        screenshot(window.frame().getRootPane(), "sessions-overlay-picks");
        OverlayChart.Shown three = overlayAfter(sessions, () -> sessions.overlayButton().doClick());
        assertThat(keys(three.panel().getChart())).containsExactly(
                "session " + first + ", step 2 CA -0.400 V vs RHE",
                "session " + first + ", step 3 CA -0.500 V vs RHE",
                "session " + second + ", step 5 CA -0.700 V vs RHE");

        // The OCP step chosen with them: refused by name, no window drawn.
        AtomicReference<String> refusal = new AtomicReference<>();
        onDialog(d -> d.getTitle().equals(TITLE_OF_REFUSAL), d -> {
            refusal.set(GuiDriver.findAll(d, JOptionPane.class).get(0).getMessage().toString());
            d.dispose();
        });
        onEdt(() -> sessions.stepTable().setRowSelectionInterval(0, 0));
        onEdt(() -> sessions.overlayButton().doClick());
        await("the refusal", WAIT, () -> refusal.get() != null);
        assertThat(refusal.get().replace('\n', ' ')).contains("Step 1 of session " + second + " is ocp: an overlay draws"
                + " current against time (CA) or against potential (LSV, CV).");
        assertThat(onEdt(() -> sessions.lastOverlay().orElseThrow())).isSameAs(three);
        for (OverlayChart.Shown shown : List.of(four, both, three)) {
            onEdt(() -> shown.frame().dispose());
        }
    }
}
