package org.norrlab.gui;

import org.jfree.chart.ChartPanel;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.DefaultXYDataset;
import org.norrlab.plan.PlannedStep;
import org.norrlab.trace.LiveRun;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.util.List;

/**
 * The two live charts of the run view: the step in progress (current, or potential at open circuit)
 * and the whole run so far with a marker where each step began. Both draw a min/max envelope of at
 * most one column per pixel, so a repaint costs the same after 5 minutes as after 24 hours.
 */
final class LiveCharts {
    static final String STEP_SERIES = "step";
    static final String RUN_SERIES = "run";
    static final String CURRENT_AXIS = "I (mA)";
    static final String POTENTIAL_AXIS = "E vs RE (V)";
    private static final Color TRACE = new Color(0x1f, 0x77, 0xb4);

    private final DefaultXYDataset stepData = new DefaultXYDataset();
    private final DefaultXYDataset runData = new DefaultXYDataset();
    private final JFreeChart stepChart;
    private final JFreeChart runChart;
    private final ChartPanel stepPanel;
    private final ChartPanel runPanel;
    private int markersShown;

    LiveCharts() {
        stepChart = chart("Step in progress", "t in step (s)", CURRENT_AXIS, stepData);
        runChart = chart("Whole run", "t (min)", CURRENT_AXIS, runData);
        stepPanel = panel(stepChart);
        runPanel = panel(runChart);
    }

    private static JFreeChart chart(String title, String xLabel, String yLabel, DefaultXYDataset data) {
        NumberAxis x = new NumberAxis(xLabel);
        x.setAutoRangeIncludesZero(false);
        NumberAxis y = new NumberAxis(yLabel);
        y.setAutoRangeIncludesZero(false);
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
        renderer.setSeriesPaint(0, TRACE);
        renderer.setSeriesStroke(0, new BasicStroke(1.0f));
        XYPlot plot = new XYPlot(data, x, y, renderer);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(new Color(0xdd, 0xdd, 0xdd));
        plot.setRangeGridlinePaint(new Color(0xdd, 0xdd, 0xdd));
        JFreeChart chart = new JFreeChart(title, new Font(Font.SANS_SERIF, Font.BOLD, 13), plot, false);
        chart.setBackgroundPaint(Color.WHITE);
        return chart;
    }

    private static ChartPanel panel(JFreeChart chart) {
        // The envelope already has one column per pixel; ChartPanel's off-screen buffer and zoom stay on.
        ChartPanel panel = new ChartPanel(chart, true);
        panel.setMouseWheelEnabled(true);
        panel.setMinimumDrawWidth(200);
        panel.setMinimumDrawHeight(120);
        panel.setMaximumDrawWidth(4000);
        panel.setMaximumDrawHeight(3000);
        return panel;
    }

    ChartPanel stepPanel() {
        return stepPanel;
    }

    ChartPanel runPanel() {
        return runPanel;
    }

    JFreeChart stepChart() {
        return stepChart;
    }

    JFreeChart runChart() {
        return runChart;
    }

    /** Columns to ask for: one per pixel of the wider chart (at least a sensible minimum before layout). */
    int columns() {
        return Math.max(400, Math.max(stepPanel.getWidth(), runPanel.getWidth()));
    }

    /** Shows a view; on the event thread. */
    void show(LiveRun.View view) {
        boolean potential = view.stepShowsPotential();
        stepChart.getXYPlot().getRangeAxis().setLabel(potential ? POTENTIAL_AXIS : CURRENT_AXIS);
        String stepTitle = view.step().map(LiveCharts::title).orElse("Step in progress");
        if (!stepTitle.equals(stepChart.getTitle().getText())) {
            stepChart.setTitle(stepTitle);
        }
        stepData.addSeries(STEP_SERIES, view.stepTrace().zigzag(potential ? 1 : 1e3));
        double[][] run = view.overview().zigzag(1e3);
        for (int i = 0; i < run[0].length; i++) {
            run[0][i] /= 60;
        }
        runData.addSeries(RUN_SERIES, run);
        addMarkers(view.markers());
    }

    private void addMarkers(List<LiveRun.Marker> markers) {
        XYPlot plot = runChart.getXYPlot();
        for (int i = markersShown; i < markers.size(); i++) {
            LiveRun.Marker m = markers.get(i);
            ValueMarker marker = new ValueMarker(m.sessionSeconds() / 60, new Color(0xd6, 0x27, 0x28), new BasicStroke(1.2f));
            marker.setLabel(String.valueOf(m.stepIndex()));
            marker.setLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
            marker.setLabelAnchor(RectangleAnchor.TOP_RIGHT);
            marker.setLabelTextAnchor(TextAnchor.TOP_LEFT);
            plot.addDomainMarker(marker, Layer.FOREGROUND);
        }
        markersShown = markers.size();
    }

    /** Clears both charts for a new run. */
    void reset() {
        stepData.removeSeries(STEP_SERIES);
        runData.removeSeries(RUN_SERIES);
        runChart.getXYPlot().clearDomainMarkers();
        markersShown = 0;
        stepChart.setTitle("Step in progress");
    }

    static String title(PlannedStep step) {
        return "Step " + step.index() + ": " + step.summary();
    }
}
