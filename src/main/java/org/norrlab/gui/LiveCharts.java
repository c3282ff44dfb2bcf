package org.norrlab.gui;

import org.jfree.chart.ChartPanel;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.DefaultXYDataset;
import org.norrlab.plan.PlannedStep;
import org.norrlab.trace.LiveRun;
import org.norrlab.trace.SweepTrace;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.util.ArrayList;
import java.util.List;

/**
 * The two live charts of the run view: the step in progress (current, or potential at open circuit and under
 * constant current) and the whole run so far with a marker where each step began. Both draw a min/max envelope of
 * at most one column per pixel, so a repaint costs the same after 5 minutes as after 24 hours. During a sweep (LSV,
 * CV) the step chart is current against potential instead, one series and colour per cycle with a legend, from the
 * bounded {@link SweepTrace}. During an impedance step (EIS) the step panel shows a Nyquist plot with equal axes
 * instead, a point added as each frequency is measured.
 */
final class LiveCharts {
    static final String STEP_SERIES = "step";
    static final String RUN_SERIES = "run";
    static final String CURRENT_AXIS = "I (mA)";
    static final String POTENTIAL_AXIS = "E vs RE (V)";
    static final String TIME_AXIS = "t in step (s)";
    private static final Color TRACE = new Color(0x1f, 0x77, 0xb4);

    private final DefaultXYDataset stepData = new DefaultXYDataset();
    private final DefaultXYDataset runData = new DefaultXYDataset();
    private final JFreeChart stepChart;
    private final JFreeChart runChart;
    /**
     * The step panel's chart during an EIS step ({@link #stepChart} at any other step), made anew when a point arrives:
     * the figure fits its equal axes to the points it is made with, and a spectrum has a few dozen of them.
     */
    private JFreeChart nyquistChart = SpectrumCharts.nyquist("Step in progress", List.of());
    /** The points and title {@link #nyquistChart} was made with. */
    private int nyquistPoints;
    private String nyquistTitle = "";
    private final ChartPanel stepPanel;
    private final ChartPanel runPanel;
    private int markersShown;
    /** The keys of the step chart's series now shown: {@link #STEP_SERIES}, or one per cycle of a sweep. */
    private final List<String> stepSeriesShown = new ArrayList<>();

    LiveCharts() {
        stepChart = chart("Step in progress", TIME_AXIS, CURRENT_AXIS, stepData);
        // The legend names the cycles of a sweep; a trace against time needs none.
        LegendTitle legend = new LegendTitle(stepChart.getXYPlot());
        legend.setPosition(RectangleEdge.RIGHT);
        legend.setVisible(false);
        stepChart.addLegend(legend);
        runChart = chart("Whole run", "t (min)", CURRENT_AXIS, runData);
        stepPanel = panel(stepChart);
        runPanel = panel(runChart);
    }

    private static JFreeChart chart(String title, String xLabel, String yLabel, DefaultXYDataset data) {
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
        renderer.setSeriesPaint(0, TRACE);
        renderer.setSeriesStroke(0, new BasicStroke(1.0f));
        return ChartLook.chart(title, xLabel, yLabel, data, renderer, false);
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

    /** The Nyquist plot the step panel shows during an EIS step (the latest made). */
    JFreeChart nyquistChart() {
        return nyquistChart;
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
        String stepTitle = view.step().map(LiveCharts::title).orElse("Step in progress")
                + (view.sweepCyclesDropped() > 0 ? " (last " + view.sweep().size() + " cycles shown)" : "");
        if (!stepTitle.equals(stepChart.getTitle().getText())) {
            stepChart.setTitle(stepTitle);
        }
        if (view.stepIsImpedance() && (view.spectrum().size() != nyquistPoints || !stepTitle.equals(nyquistTitle))) {
            nyquistChart = SpectrumCharts.nyquist(stepTitle, view.spectrum());
            nyquistPoints = view.spectrum().size();
            nyquistTitle = stepTitle;
        }
        JFreeChart wanted = view.stepIsImpedance() ? nyquistChart : stepChart;
        if (stepPanel.getChart() != wanted) {
            stepPanel.setChart(wanted);
        }
        if (view.stepIsSweep()) {
            showSweep(view);
        } else if (!view.stepIsImpedance()) {
            boolean potential = view.stepShowsPotential();
            axes(TIME_AXIS, potential ? POTENTIAL_AXIS : CURRENT_AXIS, false);
            List<double[][]> trace = new ArrayList<>();
            trace.add(view.stepTrace().zigzag(potential ? 1 : 1e3));
            showStepSeries(List.of(STEP_SERIES), trace, List.of(TRACE));
        }
        double[][] run = view.overview().zigzag(1e3);
        for (int i = 0; i < run[0].length; i++) {
            run[0][i] /= 60;
        }
        runData.addSeries(RUN_SERIES, run);
        addMarkers(view.markers());
    }

    /** I (mA) against E vs RHE, a series and a colour per cycle: a CV's cycles stay apart as the catalyst changes. */
    private void showSweep(LiveRun.View view) {
        // The legend tells a CV's cycles apart; an LSV has one curve.
        axes(SweepChart.POTENTIAL_AXIS, SweepChart.CURRENT_AXIS, view.step().map(PlannedStep::kind).filter("cv"::equals).isPresent());
        List<String> keys = new ArrayList<>();
        List<double[][]> data = new ArrayList<>();
        List<Color> colours = new ArrayList<>();
        for (SweepTrace.Curve curve : view.sweep()) {
            keys.add(SweepChart.series(curve.cycle()));
            data.add(SweepChart.points(curve));
            colours.add(SweepChart.colour(curve.cycle()));
        }
        showStepSeries(keys, data, colours);
    }

    private void axes(String x, String y, boolean legend) {
        XYPlot plot = stepChart.getXYPlot();
        if (!x.equals(plot.getDomainAxis().getLabel())) {
            plot.getDomainAxis().setLabel(x);
        }
        if (!y.equals(plot.getRangeAxis().getLabel())) {
            plot.getRangeAxis().setLabel(y);
        }
        if (stepChart.getLegend().isVisible() != legend) {
            stepChart.getLegend().setVisible(legend);
        }
    }

    /** Replaces the step chart's series with these, in order, each in its colour. */
    private void showStepSeries(List<String> keys, List<double[][]> data, List<Color> colours) {
        for (String old : stepSeriesShown) {
            if (!keys.contains(old)) {
                stepData.removeSeries(old);
            }
        }
        if (!stepSeriesShown.equals(keys)) {
            // Keep the dataset's order the list's order (the renderer's colours go by series index).
            for (String key : keys) {
                stepData.removeSeries(key);
            }
        }
        XYLineAndShapeRenderer renderer = (XYLineAndShapeRenderer) stepChart.getXYPlot().getRenderer();
        for (int i = 0; i < keys.size(); i++) {
            stepData.addSeries(keys.get(i), data.get(i));
            renderer.setSeriesPaint(i, colours.get(i), false);
            renderer.setSeriesStroke(i, new BasicStroke(1.0f), false);
        }
        stepSeriesShown.clear();
        stepSeriesShown.addAll(keys);
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
        stepSeriesShown.forEach(stepData::removeSeries);
        stepSeriesShown.clear();
        runData.removeSeries(RUN_SERIES);
        runChart.getXYPlot().clearDomainMarkers();
        markersShown = 0;
        stepChart.setTitle("Step in progress");
        nyquistTitle = "";
        stepPanel.setChart(stepChart);
    }

    static String title(PlannedStep step) {
        return "Step " + step.index() + ": " + step.summary();
    }
}
