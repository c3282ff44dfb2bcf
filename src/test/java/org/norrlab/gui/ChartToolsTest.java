package org.norrlab.gui;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.plot.IntervalMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.ui.Layer;
import org.jfree.data.Range;
import org.jfree.data.general.DatasetUtils;
import org.jfree.data.xy.XYDataset;
import org.junit.jupiter.api.Test;
import org.norrlab.acquisition.AcquisitionRecord;
import org.norrlab.config.Location;
import org.norrlab.config.Potential;
import org.norrlab.core.CurrentRangeChoice;
import org.norrlab.core.InstrumentIdentity;
import org.norrlab.core.Sample;
import org.norrlab.core.SampleFlag;
import org.norrlab.electrochem.CellSettings;
import org.norrlab.electrochem.ReferenceElectrode;
import org.norrlab.plan.Plan;
import org.norrlab.plan.PlannedStep;
import org.norrlab.store.NewSession;
import org.norrlab.store.SessionStore;
import org.norrlab.store.StoreWriter;
import org.norrlab.trace.LiveRun;

import javax.swing.JButton;
import javax.swing.JCheckBox;
import javax.swing.JComboBox;
import javax.swing.SwingUtilities;
import java.awt.event.KeyEvent;
import java.awt.event.MouseEvent;
import java.awt.geom.Rectangle2D;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.norrlab.gui.GuiDriver.answerFileChooser;
import static org.norrlab.gui.GuiDriver.await;
import static org.norrlab.gui.GuiDriver.findAll;
import static org.norrlab.gui.GuiDriver.onEdt;
import static org.norrlab.gui.GuiDriver.screenshot;

/**
 * The chart toolkit on the run view and the Sessions view (Xvfb): a drag-zoom never hides the next run (defect 1),
 * overloaded samples are marked apart and counted, never drawn as data (defect 5), ticks are readable and live and
 * Sessions label the same session alike (defect 9; its ticks: {@link ChartTicksTest}); the I ↔ j, time unit and log switches, the crosshair readout and
 * the CSV export of what is drawn. Screenshots: target/gui-screenshots/charts-*.png.
 */
class ChartToolsTest extends WithWindow {
    /** 2 cm², so that j (mA/cm²) is half of I (mA) and the two cannot be mistaken for each other. */
    private static final CellSettings CELL = new CellSettings(ReferenceElectrode.known("Ag/AgCl (sat. KCl)").orElseThrow(),
            7.0, 25, 2.0, 0.5, 35);
    private static final PlannedStep.Chronoamperometry CA = new PlannedStep.Chronoamperometry(1, "CA at -0.5 V",
            new Potential(-0.5, Potential.Scale.RHE), -0.5, -1.111, Duration.ofMillis(500), Duration.ofSeconds(20),
            CurrentRangeChoice.AUTO, new Location(Path.of("overload.yaml"), 3, 5));

    /**
     * 40 samples, one every 0.5 s (t = 0.5 … 20 s): -4 mA on the 10 mA range, except samples 11–15 (t = 5.5 … 7.5 s),
     * overloaded and clipped at the full scale (-10 mA), and samples 31–32 (t = 15.5, 16 s), underloaded at -4 mA.
     */
    private static List<AcquisitionRecord> overloadRecords() {
        List<Sample> samples = new ArrayList<>();
        for (int k = 1; k <= 40; k++) {
            boolean over = k >= 11 && k <= 15;
            int flags = over ? SampleFlag.OVERLOAD.bit() : k == 31 || k == 32 ? SampleFlag.UNDERLOAD.bit() : 0;
            samples.add(new Sample(0.5 * k, -1.111, over ? -0.010 : -0.004, 0.010, flags));
        }
        return SimulatedSweeps.records(CA, samples, 0, 0);
    }

    private long storeOverloadSession() throws Exception {
        try (SessionStore store = SessionStore.open(database)) {
            long id = store.createSession(new NewSession("overload", "overload.yaml", "", CELL,
                    new InstrumentIdentity("sim", "sim", "m", "f", "s"), Map.of(), "test", Instant.now()));
            List<AcquisitionRecord> records = overloadRecords();
            try (StoreWriter writer = store.writer(id)) {
                for (int i = 0; i < records.size(); i++) {
                    writer.accept(records.get(i), i == records.size() - 1);
                }
            }
            return id;
        }
    }

    @Test
    void overloadedSamplesAreMarkedApartCountedAndExportedAndLiveAndSessionsAgree() throws Exception {
        long id = storeOverloadSession();
        onEdt(() -> window.tabs().setSelectedIndex(NorrlabWindow.SESSIONS_TAB));
        SessionsPanel sessions = window.sessionsPanel();
        onEdt(sessions::reload);
        await("the session list", WAIT, () -> sessions.sessionTable().getRowCount() == 1);
        onEdt(() -> sessions.sessionTable().setRowSelectionInterval(0, 0));
        ChartTools tools = sessions.currentTools();
        await("the session's I(t)", WAIT, () -> sessions.stepModel().getRowCount() == 1
                && tools.chart().getXYPlot().getDataset(0).getSeriesCount() == 1);
        XYPlot plot = tools.chart().getXYPlot();

        // Defaults: j, because the area is known; s, because the session lasts 20 s (up to 10 min: s).
        assertThat(plot.getDomainAxis().getLabel()).isEqualTo("t (s)");
        assertThat(plot.getRangeAxis().getLabel()).isEqualTo("j (mA/cm²)");
        // The curve: the 35 samples that are readings, at -4 mA / 2 cm² = -2 mA/cm²; none at the clipped value.
        XYDataset curve = plot.getDataset(0);
        assertThat(curve.getItemCount(0)).isEqualTo(35);
        assertThat(DatasetUtils.findRangeBounds(curve)).isEqualTo(new Range(-2, -2));
        // The 5 overloaded samples apart, as marks: -10 mA / 2 cm² = -5 mA/cm² at t = 5.5, 6, …, 7.5 s.
        XYDataset marks = plot.getDataset(1);
        assertThat(marks.getSeriesKey(0)).isEqualTo("5 overloaded samples (clipped, not data)");
        assertThat(marks.getItemCount(0)).isEqualTo(5);
        assertThat(marks.getXValue(0, 0)).isEqualTo(5.5);
        assertThat(marks.getXValue(0, 4)).isEqualTo(7.5);
        assertThat(marks.getYValue(0, 2)).isEqualTo(-5.0);
        assertThat(legendLabels(tools.chart())).contains("5 overloaded samples (clipped, not data)");
        // Bands: half the 0.5 s spacing past each end: overload 5.25 … 7.75 s, underload 15.25 … 16.25 s.
        List<IntervalMarker> bands = bands(plot);
        assertThat(bands).hasSize(2);
        assertThat(List.of(bands.get(0).getStartValue(), bands.get(0).getEndValue())).containsExactly(5.25, 7.75);
        assertThat(List.of(bands.get(1).getStartValue(), bands.get(1).getEndValue())).containsExactly(15.25, 16.25);
        assertThat(onEdt(tools::status)).isEqualTo("5 overloaded samples (✕) · 2 underloaded samples (orange)"
                + " · range ±10 mA");

        // The live view of the same session labels its whole-run chart the same way.
        LiveCharts live = onEdt(LiveCharts::new);
        LiveRun run = new LiveRun();
        overloadRecords().forEach(r -> run.accept(r, false));
        onEdt(() -> {
            live.reset(new Plan("overload", "", Path.of("overload.yaml"), "", CELL, List.of(CA)));
            live.show(run.view(800));
        });
        XYPlot liveRun = live.runChart().getXYPlot();
        assertThat(List.of(liveRun.getDomainAxis().getLabel(), liveRun.getRangeAxis().getLabel()))
                .containsExactly(plot.getDomainAxis().getLabel(), plot.getRangeAxis().getLabel());
        XYPlot liveStep = live.stepChart().getXYPlot();
        assertThat(liveStep.getRangeAxis().getLabel()).isEqualTo("j (mA/cm²)");
        assertThat(DatasetUtils.findRangeBounds(liveStep.getDataset(0))).as("no clipped value on the live curve")
                .isEqualTo(new Range(-2, -2));
        // The live envelope draws each column as min then max: 5 samples in 5 columns, 10 marks, all at -5 mA/cm².
        assertThat(DatasetUtils.findRangeBounds(liveStep.getDataset(1))).isEqualTo(new Range(-5, -5));
        assertThat(liveStep.getDataset(1).getItemCount(0)).isEqualTo(10);
        assertThat(live.stepTools().status()).startsWith("5 overloaded samples (✕) · 2 underloaded");

        // The crosshair follows the mouse: moved to where (10 s, -2 mA/cm²) is drawn, it reads those values back.
        onEdt(() -> sessions.detailTabs().setSelectedIndex(0));
        await("the chart drawn", WAIT, () -> sessions.chartPanel().getScreenDataArea().getWidth() > 100);
        onEdt(() -> {
            Rectangle2D area = sessions.chartPanel().getScreenDataArea();
            double px = plot.getDomainAxis().valueToJava2D(10, area, plot.getDomainAxisEdge());
            double py = plot.getRangeAxis().valueToJava2D(-2, area, plot.getRangeAxisEdge());
            sessions.chartPanel().dispatchEvent(new MouseEvent(sessions.chartPanel(), MouseEvent.MOUSE_MOVED,
                    System.currentTimeMillis(), 0, (int) Math.round(px), (int) Math.round(py), 0, false));
        });
        String readout = onEdt(tools::readout);
        assertThat(readout).matches("cursor at t = \\S+ s   j = \\S+ mA/cm²");
        // within one pixel: the x axis spans about 20 s over several hundred pixels, y a fraction of 1 mA/cm²
        assertThat(Double.parseDouble(readout.replaceAll(".*t = (\\S+) s .*", "$1"))).isCloseTo(10, within(0.1));
        assertThat(Double.parseDouble(readout.replaceAll(".*j = (\\S+) mA/cm²", "$1"))).isCloseTo(-2, within(0.05));
        assertThat(plot.isDomainCrosshairVisible()).isTrue();
        screenshot(window.frame().getRootPane(), "charts-sessions-overload");
        // Autoscale (as a new step does) takes the crosshair away: its numbers would describe what is no longer shown.
        onEdt(tools::autoscale);
        assertThat(onEdt(tools::readout)).isBlank();
        assertThat(plot.isDomainCrosshairVisible()).isFalse();

        // Export plotted data as CSV…: the units drawn in the header, one row per point drawn, with its flags.
        Path csv = temp.resolve("plotted.csv");
        answerFileChooser(csv);
        SwingUtilities.invokeLater(() -> button(sessions, ChartTools.EXPORT_CSV).doClick());
        await("the CSV written", WAIT, () -> Files.exists(csv) && tools.status().startsWith("Plotted data written"));
        List<String> lines = Files.readAllLines(csv);
        assertThat(lines.get(0)).isEqualTo("series,t (s),j (mA/cm²),flags");
        assertThat(lines).hasSize(1 + 40);
        assertThat(lines).contains("-0.50 V vs RHE,6,-5,OVERLOAD", "-0.50 V vs RHE,15.5,-2,UNDERLOAD",
                "-0.50 V vs RHE,20,-2,");

        // I instead of j: -10 mA for the marks; minutes: 6 s = 0.1 min; log |I|: the overloaded ones left out.
        JComboBox<?> quantity = findAll(tools.component(), JComboBox.class).get(0);
        JComboBox<?> time = findAll(tools.component(), JComboBox.class).get(1);
        onEdt(() -> quantity.setSelectedItem(ChartTools.CURRENT_AXIS));
        onEdt(() -> time.setSelectedItem(org.norrlab.figures.TimeScale.MINUTES));
        assertThat(plot.getRangeAxis().getLabel()).isEqualTo("I (mA)");
        assertThat(plot.getDomainAxis().getLabel()).isEqualTo("t (min)");
        assertThat(marks.getYValue(0, 1)).isEqualTo(-10.0);
        assertThat(marks.getXValue(0, 1)).isCloseTo(0.1, within(1e-12));
        JCheckBox log = findAll(tools.component(), JCheckBox.class).get(0);
        onEdt(() -> log.doClick());
        assertThat(plot.getRangeAxis()).isInstanceOf(LogAxis.class);
        assertThat(plot.getRangeAxis().getLabel()).isEqualTo("|I| (mA)");
        assertThat(DatasetUtils.findRangeBounds(plot.getDataset(0))).isEqualTo(new Range(4, 4));
        assertThat(plot.getDataset(1).getSeriesCount()).isZero();
        assertThat(onEdt(tools::status)).endsWith("log axis: left out 0 points at zero and 5 overloaded");
        onEdt(() -> log.doClick());

        // The run view's charts with their tools, the same data, shading and crosshair.
        onEdt(() -> window.tabs().setSelectedIndex(0));
        screenshot(window.frame().getRootPane(), "charts-sessions-units");
        drawOffscreen(live, "charts-live-overload");
    }

    @Test
    void aDragZoomDoesNotHideTheNextRunAndAutoscaleRestoresIt() throws Exception {
        RunPanel run = window.runPanel();
        LiveCharts charts = run.charts();
        Path protocol = temp.resolve("short.yaml");
        // A fixed 1 mA range under a CA that draws more: the simulator clips and flags the samples, as an instrument.
        Files.writeString(protocol, """
                name: short run
                steps:
                  - ocp:
                      duration: 2 s
                      interval: 100 ms
                  - ca:
                      potential: -0.6 V vs RHE
                      duration: 6 s
                      interval: 100 ms
                      current_range: 10 mA
                """);
        onEdt(() -> {
            run.protocols().addItem(protocol);
            run.protocols().setSelectedItem(protocol);
            run.speed().setSelectedItem("max");
        });
        await("the step chart laid out", WAIT, () -> charts.stepPanel().getScreenDataArea().getWidth() > 100);
        // What a drag from the top-left to the middle of the data area does: ChartPanel.zoom on that rectangle,
        // which fixes both axes at a range of the empty chart (0 … 1 by default, so 0 … 0.5 here).
        onEdt(() -> {
            Rectangle2D area = charts.stepPanel().getScreenDataArea();
            charts.stepPanel().zoom(new Rectangle2D.Double(area.getX(), area.getY(), area.getWidth() / 2, area.getHeight() / 2));
        });
        XYPlot zoomed = charts.stepChart().getXYPlot();
        assertThat(zoomed.getDomainAxis().isAutoRange()).as("the zoom fixed the axis").isFalse();
        assertThat(zoomed.getDomainAxis().getUpperBound()).isLessThan(1);

        onEdt(run::start);
        await("the run started", WAIT, () -> run.activeRun().isPresent());
        run.awaitRunEnd(WAIT);
        // 10 mA is too small a range for this CA (about 27 mA): every sample is overloaded, marked, and counted.
        assertThat(onEdt(() -> charts.stepTools().status())).startsWith("60 overloaded samples (✕)");
        await("the last step shown", WAIT, () -> charts.stepChart().getTitle().getText().startsWith("Step 2")
                && !run.running() && points(charts.stepChart().getXYPlot()) > 10);
        XYPlot step = charts.stepChart().getXYPlot();
        assertThat(contains(step)).as("the new run's step data in view").isTrue();
        assertThat(contains(charts.runChart().getXYPlot())).isTrue();
        screenshot(window.frame().getRootPane(), "charts-live-after-zoom");

        // Zoomed again by the operator, then Autoscale: both axes fit the data again.
        onEdt(() -> {
            Rectangle2D area = charts.stepPanel().getScreenDataArea();
            charts.stepPanel().zoom(new Rectangle2D.Double(area.getX(), area.getY(), area.getWidth() / 10, area.getHeight() / 10));
        });
        assertThat(contains(step)).isFalse();
        onEdt(() -> button(charts.stepView(), ChartTools.AUTOSCALE).doClick());
        assertThat(contains(step)).isTrue();
        assertThat(step.getDomainAxis().isAutoRange() && step.getRangeAxis().isAutoRange()).isTrue();

        // The key: Home while the chart has the focus. Focus is not dependable on a virtual display without a window
        // manager, so the binding the focused chart would use is looked up and fired as a key press would fire it.
        onEdt(() -> {
            Rectangle2D area = charts.stepPanel().getScreenDataArea();
            charts.stepPanel().zoom(new Rectangle2D.Double(area.getX(), area.getY(), area.getWidth() / 10, area.getHeight() / 10));
        });
        assertThat(contains(step)).isFalse();
        onEdt(() -> {
            javax.swing.JComponent view = charts.stepView();
            Object name = view.getInputMap(javax.swing.JComponent.WHEN_ANCESTOR_OF_FOCUSED_COMPONENT)
                    .get(javax.swing.KeyStroke.getKeyStroke(KeyEvent.VK_HOME, 0));
            assertThat(name).as("Home bound in the chart view").isNotNull();
            view.getActionMap().get(name).actionPerformed(new java.awt.event.ActionEvent(view,
                    java.awt.event.ActionEvent.ACTION_PERFORMED, "Home"));
        });
        assertThat(contains(step)).as("Home restored auto-range").isTrue();
    }

    // --- helpers -------------------------------------------------------------------------------------------

    /** Points drawn: the curve's and the overload marks'. */
    private static int points(XYPlot plot) {
        int n = 0;
        for (int d = 0; d < 2; d++) {
            for (int s = 0; s < plot.getDataset(d).getSeriesCount(); s++) {
                n += plot.getDataset(d).getItemCount(s);
            }
        }
        return n;
    }

    /** Whether the axes' ranges hold every point drawn, the curve's and the overload marks'. */
    private static boolean contains(XYPlot plot) {
        Range x = Range.combine(DatasetUtils.findDomainBounds(plot.getDataset(0)), DatasetUtils.findDomainBounds(plot.getDataset(1)));
        Range y = Range.combine(DatasetUtils.findRangeBounds(plot.getDataset(0)), DatasetUtils.findRangeBounds(plot.getDataset(1)));
        return x != null && y != null && plot.getDomainAxis().getRange().contains(x.getLowerBound())
                && plot.getDomainAxis().getRange().contains(x.getUpperBound())
                && plot.getRangeAxis().getRange().contains(y.getLowerBound())
                && plot.getRangeAxis().getRange().contains(y.getUpperBound());
    }

    private static void drawOffscreen(LiveCharts charts, String name) throws Exception {
        javax.swing.JFrame frame = onEdt(() -> {
            javax.swing.JFrame f = new javax.swing.JFrame(name);
            javax.swing.JSplitPane split = new javax.swing.JSplitPane(javax.swing.JSplitPane.VERTICAL_SPLIT,
                    charts.stepView(), charts.runView());
            split.setResizeWeight(0.5);
            f.setContentPane(split);
            f.setSize(1000, 700);
            f.setVisible(true);
            return f;
        });
        try {
            await("the live charts laid out", WAIT, () -> charts.stepPanel().getScreenDataArea().getWidth() > 100);
            onEdt(() -> {
                Rectangle2D area = charts.stepPanel().getScreenDataArea();
                charts.stepPanel().dispatchEvent(new MouseEvent(charts.stepPanel(), MouseEvent.MOUSE_MOVED,
                        System.currentTimeMillis(), 0, (int) area.getCenterX(), (int) area.getCenterY(), 0, false));
            });
            screenshot(frame.getRootPane(), name);
        } finally {
            onEdt(frame::dispose);
        }
    }

    private static List<IntervalMarker> bands(XYPlot plot) {
        Collection<?> markers = plot.getDomainMarkers(Layer.BACKGROUND);
        List<IntervalMarker> bands = new ArrayList<>();
        if (markers != null) {
            markers.forEach(m -> bands.add((IntervalMarker) m));
        }
        return bands;
    }

    private static List<String> legendLabels(JFreeChart chart) {
        List<String> labels = new ArrayList<>();
        var items = chart.getXYPlot().getLegendItems();
        for (int i = 0; i < items.getItemCount(); i++) {
            labels.add(items.get(i).getLabel());
        }
        return labels;
    }

    private static JButton button(java.awt.Container root, String text) {
        return findAll(root, JButton.class).stream().filter(b -> text.equals(b.getText()) && b.isShowing()).findFirst()
                .orElseThrow(() -> new AssertionError("no button " + text + " showing"));
    }
}
