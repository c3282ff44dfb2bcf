package org.norrlab.gui;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.Marker;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.ui.Layer;
import org.jfree.data.general.DatasetUtils;
import javax.swing.JOptionPane;
import org.junit.jupiter.api.Test;
import org.norrlab.analysis.Product;
import org.norrlab.analysis.ProductResult;
import org.norrlab.config.SiteConfig;
import org.norrlab.core.EventKind;
import org.norrlab.core.SampleFlag;
import org.norrlab.driver.sim.ProductTally;
import org.norrlab.report.SessionAnalysis;
import org.norrlab.report.StepAnalysis;
import org.norrlab.run.RunOutcome;
import org.norrlab.scheduler.RunState;
import org.norrlab.store.SessionStatus;
import org.norrlab.store.SessionStore;
import org.norrlab.store.StoreLocation;
import org.norrlab.store.StoredEvent;
import org.norrlab.testing.Fixtures;
import org.norrlab.trace.LiveRun;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.norrlab.gui.GuiDriver.await;
import static org.norrlab.gui.GuiDriver.onEdt;
import static org.norrlab.gui.GuiDriver.screenshot;

/**
 * The Quick-start flow in the window, under a real (Xvfb) display: run the simulated sweep and watch
 * it, pause between steps, read the session, add assays, read FE and yield. Screenshots go to
 * target/gui-screenshots/.
 */
class GuiTest extends WithWindow {
    private void choose(String preset, String speed) throws Exception {
        RunPanel run = window.runPanel();
        onEdt(() -> {
            for (int i = 0; i < run.instruments().getItemCount(); i++) {
                if (run.instruments().getItemAt(i).preset().filter(preset::equals).isPresent()) {
                    run.instruments().setSelectedIndex(i);
                }
            }
            run.speed().setSelectedItem(speed);
        });
    }

    @Test
    void quickStartFlowWithoutTheTerminal() throws Exception {
        RunPanel run = window.runPanel();
        // The plan preview: the demo's five steps, on both potential scales.
        assertThat(onEdt(() -> List.of(run.planModel().getValueAt(1, 2), run.planModel().getValueAt(1, 3),
                run.planModel().getValueAt(4, 4)))).containsExactly("-0.400", "-1.011", "5 min");
        assertThat(onEdt(() -> run.instruments().getItemCount())).as("6 presets + serial profiles").isGreaterThanOrEqualTo(6);

        choose("NiNC", "600");
        onEdt(run::start);
        JFreeChart runChart = run.charts().runChart();
        // Asked for while step 2 runs (read from the run, not from the charts, which refresh on a timer and may lag
        // behind by more than the three steps left on a busy machine), the pause comes after step 2, 3 or 4.
        await("step 2 under way", WAIT, () -> run.activeRun().map(r -> r.statistics().snapshot().stepIndex() >= 2)
                .orElse(false));
        onEdt(run::togglePause);
        await("the pause", WAIT, () -> run.activeRun().map(r -> r.state() == RunState.PAUSED).orElse(false)
                && run.eventLines().size() > 0 && run.eventLines().lastElement().contains("PAUSE"));
        String pauseLine = onEdt(() -> run.eventLines().lastElement());
        int pausedAfter = Integer.parseInt(pauseLine.replaceAll(".*paused after step (\\d+).*", "$1"));
        // The charts refresh on a timer: wait for them to catch up with the pause, however late it fires.
        await("the charts at the pause", WAIT, () -> markerLabels(runChart).equals(range(1, pausedAfter)));
        BufferedImage paused = screenshot(window.frame().getRootPane(), "run-paused");
        assertThat(paused.getWidth()).isGreaterThan(1000);
        assertThat(onEdt(() -> run.stateLabel().getText())).isEqualTo("Paused after step " + pausedAfter + " of 5");
        assertThat(onEdt(() -> markerLabels(runChart))).as("one marker per step started")
                .containsExactlyElementsOf(range(1, pausedAfter));

        onEdt(run::togglePause);
        await("the end of the run", WAIT, () -> !run.running());
        RunOutcome outcome = run.lastOutcome().orElseThrow();
        assertThat(outcome.status()).isEqualTo(SessionStatus.COMPLETED);
        assertThat(outcome.counters().samplesDelivered()).isEqualTo(20 + 4 * 3000);
        Thread.sleep(100);
        screenshot(window.frame().getRootPane(), "run-completed");

        // The overview: one series, at most two points per column, five step markers at the step starts,
        // and its envelope spans exactly the stored currents that are readings (min/max decimation keeps the extremes).
        XYPlot overview = runChart.getXYPlot();
        await("the charts at the end", WAIT, () -> markerLabels(runChart).size() == 5);
        assertThat(overview.getDataset().getSeriesCount()).isEqualTo(1);
        assertThat(overview.getDataset().getSeriesKey(0)).isEqualTo(LiveCharts.RUN_SERIES);
        assertThat(overview.getDataset().getItemCount(0)).isBetween(400, 2 * LiveRun.BUCKETS);
        assertThat(markerLabels(runChart)).containsExactly("1", "2", "3", "4", "5");
        double[] storedRange = storedCurrentRangeMilliamps(outcome.sessionId());
        assertThat(DatasetUtils.findMinimumRangeValue(overview.getDataset()).doubleValue()).isEqualTo(storedRange[0]);
        assertThat(DatasetUtils.findMaximumRangeValue(overview.getDataset()).doubleValue()).isEqualTo(storedRange[1]);
        List<Double> starts = new ArrayList<>();
        for (Marker m : markers(runChart)) {
            starts.add(((ValueMarker) m).getValue());
        }
        // OCP 20 s, then 5 min steps: 0, 1/3, 5 1/3, 10 1/3, 15 1/3 min.
        assertThat(starts.get(0)).isZero();
        assertThat(starts.get(2)).isCloseTo(20.0 / 60 + 5, within(1e-9));
        assertThat(starts.get(4)).isCloseTo(20.0 / 60 + 15, within(1e-9));
        // The step chart shows the last step's current density (the cell's area is known), in mA/cm².
        XYPlot step = run.charts().stepChart().getXYPlot();
        assertThat(step.getRangeAxis().getLabel()).isEqualTo(ChartTools.DENSITY_AXIS);
        assertThat(run.charts().stepChart().getTitle().getText()).isEqualTo("Step 5: CA at -0.700 V vs RHE");
        assertThat(step.getDataset().getItemCount(0)).isGreaterThan(100);
        assertThat(onEdt(() -> run.eventLines().lastElement())).contains("step 5 completed: 3000 samples, 300.0 s");
        assertThat(onEdt(() -> List.of(run.eventLines().toArray()))).anyMatch(l -> l.toString().contains("resumed after a pause"));

        // Sessions view: the run is listed; opening it shows its steps and I(t) of the four CA steps.
        onEdt(() -> window.tabs().setSelectedIndex(NorrlabWindow.SESSIONS_TAB));
        SessionsPanel sessions = window.sessionsPanel();
        await("the session list", WAIT, () -> sessions.sessionTable().getRowCount() == 1);
        assertThat(onEdt(() -> sessions.sessionTable().getValueAt(0, 2))).isEqualTo("completed");
        onEdt(() -> sessions.sessionTable().setRowSelectionInterval(0, 0));
        await("the session's steps", WAIT, () -> sessions.stepModel().getRowCount() == 5 && sessions.chartPanel().getChart() != null);
        assertThat(onEdt(() -> List.of(sessions.stepModel().getValueAt(2, 2), sessions.stepModel().getValueAt(2, 5),
                sessions.stepModel().getValueAt(2, 8)))).containsExactly("-0.500", 3000L, "completed");
        assertThat(sessions.chartPanel().getChart().getXYPlot().getDataset().getSeriesCount()).isEqualTo(4);
        assertThat(onEdt(() -> sessions.eventText().getText())).contains("PAUSE").contains("SIMULATOR_TRUTH");
        onEdt(() -> sessions.filter().setText("no such protocol"));
        assertThat(onEdt(() -> sessions.sessionTable().getRowCount())).isZero();
        onEdt(() -> sessions.filter().setText("demo"));
        assertThat(onEdt(() -> sessions.sessionTable().getRowCount())).isEqualTo(1);
        screenshot(window.frame().getRootPane(), "sessions");
        Path csv = temp.resolve("export.csv");
        SessionsPanel.exportTo(new GuiContext(SiteConfig.load(Fixtures.HOME), StoreLocation.file(database)), outcome.sessionId(), csv, false);
        assertThat(Files.readAllLines(csv).stream().filter(l -> !l.startsWith("#"))).hasSize(1 + 20 + 4 * 3000);

        // Analysis view: no assays yet, then simulated assays; the table shows what the analysis computes.
        onEdt(() -> window.analyse(outcome.sessionId()));
        AnalysisPanel analysis = window.analysisPanel();
        await("the analysis without assays", WAIT, () -> analysis.results().getRowCount() == 4);
        assertThat(onEdt(() -> analysis.results().getValueAt(0, 5))).isEqualTo("—");
        onEdt(analysis::simulateAssays);
        await("FE in the table", WAIT, () -> analysis.results().getRowCount() == 4
                && !"—".equals(analysis.results().getValueAt(0, 5)) && analysis.assays().getRowCount() == 4);
        Thread.sleep(100);
        screenshot(window.frame().getRootPane(), "analysis");
        try (SessionStore store = SessionStore.open(database)) {
            SessionAnalysis.Result result = SessionAnalysis.analyze(store, outcome.sessionId(), SessionAnalysis.Options.DEFAULT);
            List<StoredEvent> truths = store.events(outcome.sessionId()).stream()
                    .filter(e -> e.event().kind() == EventKind.SIMULATOR_TRUTH).toList();
            for (int row = 0; row < 4; row++) {
                StepAnalysis expected = result.steps().get(row);
                Object[] cells = AnalysisPanel.resultRow(expected);
                for (int column = 0; column < cells.length; column++) {
                    final int r = row;
                    final int c = column;
                    assertThat(onEdt(() -> analysis.results().getValueAt(r, c))).isEqualTo(cells[column]);
                }
                ProductResult nh3 = expected.outcome().products().get(Product.NH3);
                double shownFe = Double.parseDouble(((String) cells[5]).split(" ")[0]);
                double trueFe = ProductTally.fromValues(truths.get(row).event().values()).nh3FaradaicEfficiency() * 100;
                assertThat(shownFe).isCloseTo(nh3.faradaicEfficiency().value() * 100, within(0.005));
                assertThat(shownFe).as("step %d FE against the simulator's truth", row + 2).isCloseTo(trueFe, within(trueFe * 0.04));
            }
        }
        JFreeChart figure = analysis.figure().getChart();
        CategoryPlot fe = figure.getCategoryPlot();
        assertThat(fe.getDataset().getColumnCount()).as("four potentials").isEqualTo(4);
        assertThat(fe.getDataset().getValue(0, 1).doubleValue())
                .isCloseTo(Double.parseDouble(((String) onEdt(() -> analysis.results().getValueAt(1, 5))).split(" ")[0]), within(0.01));
        Path report = temp.resolve("report");
        assertThat(AnalysisPanel.writeReport(new GuiContext(SiteConfig.load(Fixtures.HOME), StoreLocation.file(database)),
                analysis.shown().orElseThrow(), report)).allMatch(Files::isRegularFile);
    }

    @Test
    void aFrozenWindowDoesNotSlowAcquisition() throws Exception {
        Path protocol = temp.resolve("two-minutes.yaml");
        Files.writeString(protocol, """
                name: freeze test
                steps:
                  - ca: {potential: -0.5 V vs RHE, duration: 60 s, interval: 10 ms}
                  - ca: {potential: -0.6 V vs RHE, duration: 60 s, interval: 10 ms}
                """);
        RunPanel run = window.runPanel();
        onEdt(() -> {
            run.protocols().addItem(protocol);
            run.protocols().setSelectedItem(protocol);
        });
        await("the plan", WAIT, () -> run.planModel().getRowCount() == 2);
        choose("NiNC", "30");   // 120 s of instrument time in 4 s
        onEdt(run::start);
        await("the run", WAIT, () -> run.running() && run.activeRun().isPresent());
        var active = run.activeRun().orElseThrow();
        // Freeze the event thread, as a stuck repaint or a modal hang would, until the test lets it go.
        java.util.concurrent.CountDownLatch frozen = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch thaw = new java.util.concurrent.CountDownLatch(1);
        javax.swing.SwingUtilities.invokeLater(() -> {
            frozen.countDown();
            try {
                thaw.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        try {
            assertThat(frozen.await(WAIT.toSeconds(), java.util.concurrent.TimeUnit.SECONDS)).as("the window froze").isTrue();
            long before = active.statistics().snapshot().samples();
            // Acquisition goes on while the window is frozen: 2000 more samples (or the run's end) arrive. If it
            // waited for the window, they never would, however long the machine took.
            long target = Math.min(before + 2000, 12_000);
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (active.statistics().snapshot().samples() < target && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertThat(active.statistics().snapshot().samples()).as("samples acquired while the window was frozen")
                    .isGreaterThanOrEqualTo(target);
        } finally {
            thaw.countDown();
        }
        // Closing the window asks; "keep running" closes it and the run goes on to its end.
        GuiDriver.onDialog(d -> d.getTitle().equals("Close norrlab"), d -> {
            JOptionPane pane = GuiDriver.findAll(d, JOptionPane.class).get(0);
            pane.setValue(pane.getOptions()[1]);
        });
        onEdt(window::close);
        assertThat(onEdt(() -> window.frame().isDisplayable())).as("the window is gone").isFalse();
        window.runPanel().awaitRunEnd(WAIT);
        await("the run's end on the event thread", WAIT, () -> !run.running());
        RunOutcome outcome = run.lastOutcome().orElseThrow();
        assertThat(outcome.status()).isEqualTo(SessionStatus.COMPLETED);
        assertThat(outcome.counters().samplesDelivered()).isEqualTo(12_000);
    }

    private static List<Marker> markers(JFreeChart chart) {
        Collection<?> markers = chart.getXYPlot().getDomainMarkers(Layer.FOREGROUND);
        List<Marker> list = new ArrayList<>();
        if (markers != null) {
            markers.forEach(m -> list.add((Marker) m));
        }
        return list;
    }

    private static List<String> markerLabels(JFreeChart chart) {
        return markers(chart).stream().map(Marker::getLabel).toList();
    }

    private static List<String> range(int from, int to) {
        List<String> labels = new ArrayList<>();
        for (int i = from; i <= to; i++) {
            labels.add(String.valueOf(i));
        }
        return labels;
    }

    private double[] storedCurrentRangeMilliamps(long sessionId) throws Exception {
        double[] range = {Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};
        try (SessionStore store = SessionStore.open(database)) {
            for (var step : store.steps(sessionId)) {
                store.forEachSample(sessionId, step.index(), (seq, s) -> {
                    // an overloaded sample is the range's full scale, not a reading: the chart marks it apart
                    if (s.hasCurrent() && !s.has(SampleFlag.OVERLOAD)) {
                        range[0] = Math.min(range[0], s.currentAmperes() * 1e3);
                        range[1] = Math.max(range[1], s.currentAmperes() * 1e3);
                    }
                });
            }
        }
        return range;
    }
}
