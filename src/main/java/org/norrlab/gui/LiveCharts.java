package org.norrlab.gui;

import org.jfree.chart.ChartPanel;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.xy.DefaultXYDataset;
import org.norrlab.core.Sample;
import org.norrlab.core.SampleFlag;
import org.norrlab.plan.Plan;
import org.norrlab.plan.PlannedStep;
import org.norrlab.trace.LiveRun;
import org.norrlab.trace.MinMaxTrace;
import org.norrlab.trace.SweepTrace;

import javax.swing.JComponent;
import java.awt.BasicStroke;
import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The two live charts of the run view: the step in progress (current, or potential at open circuit and under
 * constant current) and the whole run so far with a marker where each step began. Both draw a min/max envelope of
 * at most one column per pixel, so a repaint costs the same after 5 minutes as after 24 hours. During a sweep (LSV,
 * CV) the step chart is current against potential instead, one series and colour per cycle with a legend, from the
 * bounded {@link SweepTrace}. During an impedance step (EIS) the step panel shows a Nyquist plot with equal axes
 * instead, a point added as each frequency is measured. Both time charts carry {@link ChartTools} (crosshair, I ↔ j,
 * time unit, log, Autoscale, overload shading, CSV export); a new run and a new step give them auto-range back, so a
 * zoom the operator made never hides what comes next. Overloaded samples (clipped at full scale) are marked apart,
 * never joined to the curve.
 */
final class LiveCharts {
    static final String STEP_SERIES = "step";
    static final String RUN_SERIES = "run";
    static final String CURRENT_AXIS = ChartTools.CURRENT_AXIS;
    static final String POTENTIAL_AXIS = "E vs RE (V)";
    static final String TIME_AXIS = "t in step (s)";
    private static final Color TRACE = new Color(0x1f, 0x77, 0xb4);

    private final DefaultXYDataset sweepData = new DefaultXYDataset();
    /** The step panel's chart during a sweep (LSV, CV): I against E, a series per cycle. */
    private final JFreeChart sweepChart;
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
    /** Crosshair, units, Autoscale, overload shading and CSV export of the step chart and of the whole-run chart. */
    private final ChartTools stepTools;
    private final ChartTools runTools;
    /** The keys of the sweep chart's series now shown, one per cycle. */
    private final List<String> stepSeriesShown = new ArrayList<>();
    /** The run being shown, once known: its electrode area (for j) and planned lengths (for the time unit). */
    private Optional<Plan> plan = Optional.empty();
    /** The step whose data the step chart shows; a new one gets auto-range back (an old zoom would hide it). */
    private Optional<PlannedStep> stepShown = Optional.empty();

    LiveCharts() {
        stepPanel = panel();
        runPanel = panel();
        stepTools = ChartTools.install(stepPanel, "Step in progress");
        runTools = ChartTools.install(runPanel, "Whole run");
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
        renderer.setSeriesPaint(0, TRACE);
        renderer.setSeriesStroke(0, new BasicStroke(1.0f));
        sweepChart = ChartLook.chart("Step in progress", SweepChart.POTENTIAL_AXIS, SweepChart.CURRENT_AXIS, sweepData,
                renderer, true);
        sweepChart.getLegend().setPosition(RectangleEdge.RIGHT);
        sweepChart.getLegend().setVisible(false);
    }

    private static ChartPanel panel() {
        // The envelope already has one column per pixel; ChartPanel's off-screen buffer and zoom stay on.
        ChartPanel panel = new ChartPanel(null, true);
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

    /** The step panel with its tools (units, Autoscale, export) and readouts, as the run view lays it out. */
    JComponent stepView() {
        return stepTools.component();
    }

    /** The whole-run panel with its tools and readouts. */
    JComponent runView() {
        return runTools.component();
    }

    ChartTools stepTools() {
        return stepTools;
    }

    ChartTools runTools() {
        return runTools;
    }

    /** The step chart: I–E during a sweep, else current or potential against time (the Nyquist plot aside). */
    JFreeChart stepChart() {
        return stepShown.map(PlannedStep::isSweep).orElse(false) ? sweepChart : stepTools.chart();
    }

    /** The Nyquist plot the step panel shows during an EIS step (the latest made). */
    JFreeChart nyquistChart() {
        return nyquistChart;
    }

    JFreeChart runChart() {
        return runTools.chart();
    }

    /** Columns to ask for: one per pixel of the wider chart (at least a sensible minimum before layout). */
    int columns() {
        return Math.max(400, Math.max(stepPanel.getWidth(), runPanel.getWidth()));
    }

    /** Shows a view; on the event thread. */
    void show(LiveRun.View view) {
        if (!view.step().equals(stepShown)) {
            stepShown = view.step();
            if (!view.stepIsImpedance()) {
                chartOf(view).getXYPlot().getDomainAxis().setAutoRange(true);
                chartOf(view).getXYPlot().getRangeAxis().setAutoRange(true);
            }
        }
        String stepTitle = view.step().map(LiveCharts::title).orElse("Step in progress")
                + (view.sweepCyclesDropped() > 0 ? " (last " + view.sweep().size() + " cycles shown)" : "");
        if (view.stepIsImpedance() && (view.spectrum().size() != nyquistPoints || !stepTitle.equals(nyquistTitle))) {
            nyquistChart = SpectrumCharts.nyquist(stepTitle, view.spectrum());
            nyquistPoints = view.spectrum().size();
            nyquistTitle = stepTitle;
        }
        JFreeChart wanted = chartOf(view);
        if (!stepTitle.equals(wanted.getTitle().getText())) {
            wanted.setTitle(stepTitle);
        }
        if (stepPanel.getChart() != wanted) {
            stepPanel.setChart(wanted);
        }
        if (view.stepIsSweep()) {
            showSweep(view);
        } else if (!view.stepIsImpedance()) {
            boolean potential = view.stepShowsPotential();
            double planned = view.step().map(s -> s.duration().toNanos() / 1e9).orElse(view.stepSeconds());
            stepTools.show(new TimeTraces(potential ? TimeTraces.Quantity.POTENTIAL : TimeTraces.Quantity.CURRENT,
                    POTENTIAL_AXIS, "t in step", List.of(trace(STEP_SERIES, view.stepTrace(), view.stepFlagged())), area(),
                    Math.max(planned, view.stepSeconds()), view.stepFlagged().overloaded(),
                    view.stepFlagged().underloaded(), range(view), List.of()));
        }
        double plannedRun = plan.map(p -> p.totalDuration().toNanos() / 1e9).orElse(view.sessionSeconds());
        List<TimeTraces.Mark> marks = view.markers().stream()
                .map(m -> new TimeTraces.Mark(m.sessionSeconds(), String.valueOf(m.stepIndex()))).toList();
        runTools.show(new TimeTraces(TimeTraces.Quantity.CURRENT, POTENTIAL_AXIS, "t",
                List.of(trace(RUN_SERIES, view.overview(), view.runFlagged())), area(),
                Math.max(plannedRun, view.sessionSeconds()), view.runFlagged().overloaded(),
                view.runFlagged().underloaded(), range(view), marks));
    }

    private JFreeChart chartOf(LiveRun.View view) {
        return view.stepIsImpedance() ? nyquistChart : view.stepIsSweep() ? sweepChart : stepTools.chart();
    }

    private OptionalDouble area() {
        return plan.map(p -> OptionalDouble.of(p.cell().electrodeAreaCm2())).orElse(OptionalDouble.empty());
    }

    /** The current range of the latest sample, when the instrument says. */
    private static List<Double> range(LiveRun.View view) {
        return view.latest().map(Sample::rangeAmperes).filter(r -> Double.isFinite(r) && r > 0).map(List::of)
                .orElse(List.of());
    }

    /**
     * A trace of the envelope (unflagged) and the flagged samples' envelopes, in time order: the overloaded ones
     * are not in the envelope, so the toolkit marks them apart instead of joining them to the curve.
     */
    static TimeTraces.Trace trace(String key, MinMaxTrace.Envelope envelope, LiveRun.Flagged flagged) {
        return TimeTraces.Trace.merged(key, TRACE, List.of(envelope.zigzag(1), flagged.overloads().zigzag(1),
                flagged.underloads().zigzag(1)), new int[] {0, SampleFlag.OVERLOAD.bit(), SampleFlag.UNDERLOAD.bit()});
    }

    /** I (mA) against E vs RHE, a series and a colour per cycle: a CV's cycles stay apart as the catalyst changes. */
    private void showSweep(LiveRun.View view) {
        // The legend tells a CV's cycles apart; an LSV has one curve.
        boolean legend = view.step().map(PlannedStep::kind).filter("cv"::equals).isPresent();
        if (sweepChart.getLegend().isVisible() != legend) {
            sweepChart.getLegend().setVisible(legend);
        }
        List<String> keys = new ArrayList<>();
        List<double[][]> data = new ArrayList<>();
        List<Color> colours = new ArrayList<>();
        for (SweepTrace.Curve curve : view.sweep()) {
            keys.add(SweepChart.series(curve.cycle()));
            data.add(SweepChart.points(curve));
            colours.add(SweepChart.colour(curve.cycle()));
        }
        showSweepSeries(keys, data, colours);
    }

    /** Replaces the sweep chart's series with these, in order, each in its colour. */
    private void showSweepSeries(List<String> keys, List<double[][]> data, List<Color> colours) {
        for (String old : stepSeriesShown) {
            if (!keys.contains(old)) {
                sweepData.removeSeries(old);
            }
        }
        if (!stepSeriesShown.equals(keys)) {
            // Keep the dataset's order the list's order (the renderer's colours go by series index).
            for (String key : keys) {
                sweepData.removeSeries(key);
            }
        }
        XYLineAndShapeRenderer renderer = (XYLineAndShapeRenderer) sweepChart.getXYPlot().getRenderer();
        for (int i = 0; i < keys.size(); i++) {
            sweepData.addSeries(keys.get(i), data.get(i));
            renderer.setSeriesPaint(i, colours.get(i), false);
            renderer.setSeriesStroke(i, new BasicStroke(1.0f), false);
        }
        stepSeriesShown.clear();
        stepSeriesShown.addAll(keys);
    }

    /**
     * Clears both charts for a new run of {@code plan} (its electrode area gives j, its planned lengths the time
     * units) and gives both auto-range back: a zoom from the last run would otherwise hide all of this one.
     */
    void reset(Plan planned) {
        plan = Optional.of(planned);
        stepSeriesShown.forEach(sweepData::removeSeries);
        stepSeriesShown.clear();
        stepShown = Optional.empty();
        stepTools.show(TimeTraces.EMPTY);
        runTools.show(TimeTraces.EMPTY);
        stepTools.chart().setTitle("Step in progress");
        nyquistTitle = "";
        stepPanel.setChart(stepTools.chart());
        stepTools.autoscale();
        runTools.autoscale();
    }

    static String title(PlannedStep step) {
        return "Step " + step.index() + ": " + step.summary();
    }
}
