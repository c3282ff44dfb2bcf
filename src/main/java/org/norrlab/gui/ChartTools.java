package org.norrlab.gui;

import org.jfree.chart.ChartMouseEvent;
import org.jfree.chart.ChartMouseListener;
import org.jfree.chart.ChartPanel;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.IntervalMarker;
import org.jfree.chart.plot.Marker;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.chart.util.ShapeUtils;
import org.jfree.data.xy.DefaultXYDataset;
import org.jfree.data.xy.XYDataset;
import org.norrlab.core.SampleFlag;
import org.norrlab.core.Units;
import org.norrlab.figures.TimeScale;

import javax.swing.AbstractAction;
import javax.swing.BorderFactory;
import javax.swing.JButton;
import javax.swing.JCheckBox;
import javax.swing.JComboBox;
import javax.swing.JComponent;
import javax.swing.JFileChooser;
import javax.swing.JLabel;
import javax.swing.JList;
import javax.swing.DefaultListCellRenderer;
import javax.swing.JPanel;
import javax.swing.KeyStroke;
import java.awt.BasicStroke;
import java.awt.BorderLayout;
import java.awt.Color;
import java.awt.FlowLayout;
import java.awt.Font;
import java.awt.Component;
import java.awt.event.ActionEvent;
import java.awt.event.MouseAdapter;
import java.awt.event.MouseEvent;
import java.awt.geom.Point2D;
import java.awt.geom.Rectangle2D;
import java.io.File;
import java.math.BigDecimal;
import java.math.MathContext;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.StringJoiner;
import java.util.stream.Collectors;

/**
 * The tools a chart of current (or potential) against time gets, whatever its data came from: a crosshair that
 * follows the mouse with the value under it, I ↔ j (j from the electrode area, mA/cm²), the time unit (s, min, h;
 * by default the one {@link TimeScale#forSpan} picks for the planned or known length, as the report does), log |I|
 * or |j| (zero and overloaded points left out, and the readout says how many), an Autoscale button (also the Home
 * key while the chart has the focus) that restores auto-range on both axes, shading of overloaded and underloaded
 * samples with a legend entry and a readout of how many there were and of the current range(s) in force, and
 * "Export plotted data as CSV…" (exactly the points drawn, in the units drawn) besides "Save PNG…".
 *
 * <p>Use: {@code ChartTools tools = ChartTools.install(panel, "title")} puts the toolkit's chart in the panel;
 * lay out {@link #component()} (the panel with its tool bar and readout) instead of the panel; hand it data with
 * {@link #show(TimeTraces)} as often as it changes (series in SI units, their {@link SampleFlag} bits, the area and
 * the span: {@link TimeTraces} says what each is). Call {@link #autoscale()} when what is shown starts anew (a new
 * step or run), so an earlier zoom never hides new data. When the panel is given another chart for a while (a
 * sweep's I–E, a Nyquist plot), the crosshair, Autoscale and CSV export work on that chart too, from its axes and
 * datasets; the unit switches apply to the toolkit's own chart only.
 *
 * <p>An overloaded sample's current is the range's full scale, not a measurement: it is never joined to the curve
 * (that drew fake charging spikes) but marked with a red ✕ on a red band; underloaded samples stay on the curve
 * (they are readings, only coarse) on an orange band.
 */
final class ChartTools {
    static final String CURRENT_AXIS = "I (mA)";
    static final String DENSITY_AXIS = "j (mA/cm²)";
    static final String AUTOSCALE = "Autoscale";
    /** The readout's first words: the values are the pointer's position, not a reading taken from the curve. */
    static final String CURSOR = "cursor at ";
    static final String EXPORT_CSV = "Export plotted data as CSV…";
    static final String SAVE_PNG = "Save PNG…";
    static final Color OVERLOAD = new Color(0xd6, 0x27, 0x28);
    static final Color OVERLOAD_BAND = new Color(0xd6, 0x27, 0x28, 48);
    static final Color MARK = new Color(0xd6, 0x27, 0x28);
    static final Color UNDERLOAD_BAND = new Color(0xff, 0x7f, 0x0e, 40);
    /** Bands drawn at most: beyond this the ✕ marks and the count still say it. */
    static final int MAX_BANDS = 300;
    private static final int QUANTITY_CURRENT = 0;
    private static final int QUANTITY_DENSITY = 1;

    /** One drawn point as the CSV export writes it. */
    record Row(String series, double x, double y, String flags) {
    }

    private final ChartPanel panel;
    private final JFreeChart chart;
    private final DefaultXYDataset lines = new DefaultXYDataset();
    private final DefaultXYDataset overloads = new DefaultXYDataset();
    private final XYLineAndShapeRenderer lineRenderer = new XYLineAndShapeRenderer(true, false);
    private final NumberAxis linearY = readableAxis(CURRENT_AXIS);
    private final LogAxis logY = new LogAxis(CURRENT_AXIS);
    private final JComboBox<String> quantity = new JComboBox<>(new String[] {CURRENT_AXIS, DENSITY_AXIS});
    private final JComboBox<TimeScale> timeUnit = new JComboBox<>(TimeScale.values());
    private final JCheckBox logScale = new JCheckBox("log |j|");
    private final JButton autoscale = new JButton(AUTOSCALE);
    private final JButton exportCsv = new JButton(EXPORT_CSV);
    private final JButton savePng = new JButton(SAVE_PNG);
    private final JLabel readout = new JLabel(" ");
    private final JLabel status = new JLabel(" ");
    private final JPanel component = new JPanel(new BorderLayout());
    private final List<Marker> bands = new ArrayList<>();
    private final List<Marker> marks = new ArrayList<>();
    private TimeTraces data = TimeTraces.EMPTY;
    /** What the operator picked; empty while the default rules. */
    private Optional<Boolean> densityChosen = Optional.empty();
    private Optional<TimeScale> timeChosen = Optional.empty();
    /** Set while the toolkit itself sets its controls, so that only the operator's changes count as a choice. */
    private boolean updating;
    private List<Row> drawn = List.of();

    private ChartTools(ChartPanel panel, String title) {
        this.panel = panel;
        chart = ChartLook.chart(title, "t (s)", CURRENT_AXIS, lines, lineRenderer, true);
        XYPlot plot = chart.getXYPlot();
        plot.setRangeAxis(linearY);
        NumberAxis time = (NumberAxis) plot.getDomainAxis();
        time.setStandardTickUnits(new ReadableTicks());
        // JFreeChart picks the tick spacing from an estimate of the label width: a margin keeps "10.5" off "11.0".
        time.setTickLabelInsets(new RectangleInsets(2, 8, 2, 8));
        XYLineAndShapeRenderer marks = new XYLineAndShapeRenderer(false, true);
        marks.setSeriesPaint(0, OVERLOAD);
        marks.setSeriesShape(0, ShapeUtils.createDiagonalCross(3, 0.6f));
        plot.setDataset(1, overloads);
        plot.setRenderer(1, marks);
        logY.setSmallestValue(1e-9);
        chart.getLegend().setPosition(RectangleEdge.BOTTOM);
        chart.getLegend().setVisible(false);
        panel.setChart(chart);
        panel.setMouseWheelEnabled(true);
        panel.setFocusable(true);
        panel.addMouseListener(new MouseAdapter() {
            @Override
            public void mousePressed(MouseEvent e) {
                panel.requestFocusInWindow();
            }
        });
        panel.addChartMouseListener(new ChartMouseListener() {
            @Override
            public void chartMouseClicked(ChartMouseEvent event) {
            }

            @Override
            public void chartMouseMoved(ChartMouseEvent event) {
                follow(event.getTrigger().getPoint());
            }
        });
        quantity.setToolTipText("Current I, or current density j over the electrode area");
        timeUnit.setToolTipText("Unit of the time axis");
        timeUnit.setRenderer(new DefaultListCellRenderer() {
            @Override
            public Component getListCellRendererComponent(JList<?> list, Object value, int index, boolean selected,
                                                          boolean focused) {
                Object shown = value instanceof TimeScale scale ? "time in " + scale.unit() : value;
                return super.getListCellRendererComponent(list, shown, index, selected, focused);
            }
        });
        logScale.setToolTipText("|I| or |j| on a log axis; points at zero and overloaded samples are left out");
        autoscale.setToolTipText("Fit both axes to the data again (Home key while the chart has the focus)");
        exportCsv.setToolTipText("Write the points drawn, in the units drawn, with their flags");
        quantity.addActionListener(e -> {
            if (!updating) {
                densityChosen = Optional.of(quantity.getSelectedIndex() == QUANTITY_DENSITY);
                forgetCrosshair();
                render();
            }
        });
        timeUnit.addActionListener(e -> {
            if (!updating) {
                timeChosen = Optional.of((TimeScale) timeUnit.getSelectedItem());
                forgetCrosshair();
                render();
            }
        });
        logScale.addActionListener(e -> {
            forgetCrosshair();
            render();
        });
        autoscale.addActionListener(e -> autoscale());
        exportCsv.addActionListener(e -> chooseCsv());
        savePng.addActionListener(e -> savePng());
        JPanel tools = new JPanel(new WrapLayout(FlowLayout.LEFT));   // a second row in a narrow window, never cut off
        tools.add(quantity);
        tools.add(timeUnit);
        tools.add(logScale);
        tools.add(autoscale);
        tools.add(exportCsv);
        tools.add(savePng);
        JPanel readouts = new JPanel(new BorderLayout(12, 0));
        readout.setName("crosshair readout");
        status.setName("chart status");
        status.setToolTipText("Overloaded samples are clipped at the range's full scale: marked ✕ on a red band, never"
                + " joined to the curve. Underloaded samples are coarse readings: on the curve, on an orange band.");
        readouts.add(readout, BorderLayout.WEST);
        readouts.add(status, BorderLayout.EAST);
        readouts.setBorder(BorderFactory.createEmptyBorder(0, 6, 2, 6));
        component.add(tools, BorderLayout.NORTH);
        component.add(panel, BorderLayout.CENTER);
        component.add(readouts, BorderLayout.SOUTH);
        component.getInputMap(JComponent.WHEN_ANCESTOR_OF_FOCUSED_COMPONENT).put(KeyStroke.getKeyStroke("HOME"), AUTOSCALE);
        component.getActionMap().put(AUTOSCALE, new AbstractAction(AUTOSCALE) {
            @Override
            public void actionPerformed(ActionEvent e) {
                autoscale();
            }
        });
        render();
    }

    /** Gives {@code panel} the toolkit's chart, titled {@code title}, and the tools around it. */
    static ChartTools install(ChartPanel panel, String title) {
        return new ChartTools(panel, title);
    }

    /**
     * For a chart drawn elsewhere in units of its own (an overlay converts each session's current with that session's
     * area): the panel keeps that chart, and only the crosshair, Autoscale and the exports are offered, since the unit
     * switches act on the toolkit's own chart.
     */
    static ChartTools around(ChartPanel panel, JFreeChart chart) {
        ChartTools tools = new ChartTools(panel, chart.getTitle() == null ? "chart" : chart.getTitle().getText());
        tools.quantity.setVisible(false);
        tools.timeUnit.setVisible(false);
        tools.logScale.setVisible(false);
        panel.setChart(chart);
        return tools;
    }

    /** The panel with its tool bar above and readouts below: lay this out instead of the panel. */
    JComponent component() {
        return component;
    }

    /** The toolkit's own chart (the panel may show another for a while). */
    JFreeChart chart() {
        return chart;
    }

    ChartPanel panel() {
        return panel;
    }

    /** Shows new data, keeping the operator's choices of units (defaults follow the data where none was made). */
    void show(TimeTraces traces) {
        data = traces;
        render();
    }

    /** Auto-range on both axes of whatever chart the panel shows, as after a fresh start. */
    void autoscale() {
        forgetCrosshair();
        if (panel.getChart() != null && panel.getChart().getPlot() instanceof XYPlot plot) {
            plot.getDomainAxis().setAutoRange(true);
            plot.getRangeAxis().setAutoRange(true);
        }
    }

    /** The points drawn now, as the CSV export writes them. */
    List<Row> drawn() {
        return drawn;
    }

    String readout() {
        return readout.getText();
    }

    String status() {
        return status.getText();
    }

    private void render() {
        boolean current = data.quantity() == TimeTraces.Quantity.CURRENT;
        boolean density = current && data.areaCm2().isPresent() && densityChosen.orElse(true);
        boolean log = current && logScale.isSelected();
        TimeScale scale = timeChosen.orElse(TimeScale.forSpan(data.spanSeconds()));
        double factor = !current ? 1 : density ? 1e3 / data.areaCm2().getAsDouble() : 1e3;
        String name = density ? "j" : "I";
        String yLabel = !current ? data.potentialAxis()
                : (log ? "|" + name + "|" : name) + (density ? " (mA/cm²)" : " (mA)");
        updating = true;
        quantity.setEnabled(current && data.areaCm2().isPresent());
        quantity.setSelectedIndex(density ? QUANTITY_DENSITY : QUANTITY_CURRENT);
        timeUnit.setSelectedItem(scale);
        logScale.setEnabled(current);
        logScale.setText("log |" + name + "|");
        updating = false;

        XYPlot plot = chart.getXYPlot();
        ValueAxis y = log ? logY : linearY;
        if (plot.getRangeAxis() != y) {
            plot.setRangeAxis(y);
        }
        setLabel(y, yLabel);
        // A flat trace (a constant current, a clipped step) would otherwise get an axis 1e-8 wide, ticked
        // "-9.999999995": at least 1e-4 of its size for a current, 1 µV for a potential (an OCP's wander shows).
        linearY.setAutoRangeMinimumSize(current ? Math.max(1e-9, 1e-4 * largest(data) * factor) : 1e-6);
        setLabel(plot.getDomainAxis(), data.timeWord() + " (" + scale.unit() + ")");

        for (Object key : seriesKeys(lines)) {
            lines.removeSeries((Comparable<?>) key);
        }
        for (Object key : seriesKeys(overloads)) {
            overloads.removeSeries((Comparable<?>) key);
        }
        bands.forEach(b -> plot.removeDomainMarker(0, b, Layer.BACKGROUND, false));
        bands.clear();
        marks.forEach(m -> plot.removeDomainMarker(0, m, Layer.FOREGROUND, false));
        marks.clear();
        for (TimeTraces.Mark mark : data.marks()) {
            ValueMarker line = new ValueMarker(scale.fromSeconds(mark.seconds()), MARK, new BasicStroke(1.2f));
            line.setLabel(mark.label());
            line.setLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
            line.setLabelAnchor(RectangleAnchor.TOP_RIGHT);
            line.setLabelTextAnchor(TextAnchor.TOP_LEFT);
            marks.add(line);
            plot.addDomainMarker(0, line, Layer.FOREGROUND, false);
        }
        List<Row> rows = new ArrayList<>();
        List<double[]> overloadPoints = new ArrayList<>();
        int zerosLeftOut = 0;
        int overloadsLeftOut = 0;
        for (int i = 0; i < data.traces().size(); i++) {
            TimeTraces.Trace trace = data.traces().get(i);
            int n = trace.seconds().length;
            double[] xs = new double[n];
            double[] ys = new double[n];
            int kept = 0;
            for (int k = 0; k < n; k++) {
                double x = scale.fromSeconds(trace.seconds()[k]);
                double value = trace.values()[k] * factor;
                int flags = trace.flags()[k];
                if (SampleFlag.OVERLOAD.isSetIn(flags)) {
                    if (log) {
                        overloadsLeftOut++;
                    } else {
                        overloadPoints.add(new double[] {x, value});
                        rows.add(new Row(trace.key(), x, value, flagNames(flags)));
                    }
                    continue;
                }
                if (log && value == 0) {
                    zerosLeftOut++;
                    continue;
                }
                xs[kept] = x;
                ys[kept] = log ? Math.abs(value) : value;
                rows.add(new Row(trace.key(), x, ys[kept], flagNames(flags)));
                kept++;
            }
            lines.addSeries(trace.key(), new double[][] {Arrays.copyOf(xs, kept), Arrays.copyOf(ys, kept)});
            lineRenderer.setSeriesPaint(i, trace.colour(), false);
            lineRenderer.setSeriesStroke(i, new BasicStroke(1.0f), false);
            addBands(plot, trace, scale);
        }
        String overloadKey = overloadLegend(data.overloaded());
        if (!overloadPoints.isEmpty()) {
            double[][] points = new double[2][overloadPoints.size()];
            for (int k = 0; k < overloadPoints.size(); k++) {
                points[0][k] = overloadPoints.get(k)[0];
                points[1][k] = overloadPoints.get(k)[1];
            }
            overloads.addSeries(overloadKey, points);
        }
        boolean legend = data.traces().size() > 1 || !overloadPoints.isEmpty();
        if (chart.getLegend().isVisible() != legend) {
            chart.getLegend().setVisible(legend);
        }
        drawn = List.copyOf(rows);
        status.setText(statusText(data, current, log, zerosLeftOut, overloadsLeftOut));
    }

    /** The largest |value| of the data (A or V); 0 when there is none. */
    private static double largest(TimeTraces data) {
        double most = 0;
        for (TimeTraces.Trace trace : data.traces()) {
            for (double value : trace.values()) {
                most = Math.max(most, Math.abs(value));
            }
        }
        return most;
    }

    /** The legend entry of the overload marks: how many samples were overloaded. */
    static String overloadLegend(long overloaded) {
        return overloaded + " overloaded sample" + (overloaded == 1 ? "" : "s") + " (clipped, not data)";
    }

    private static String statusText(TimeTraces data, boolean current, boolean log, int zeros, int overloadsLeftOut) {
        StringJoiner text = new StringJoiner(" · ");
        if (data.overloaded() > 0) {
            text.add(data.overloaded() + " overloaded sample" + (data.overloaded() == 1 ? "" : "s") + " (✕)");
        }
        if (data.underloaded() > 0) {
            text.add(data.underloaded() + " underloaded sample" + (data.underloaded() == 1 ? "" : "s") + " (orange)");
        }
        if (current && !data.rangesAmperes().isEmpty()) {
            text.add((data.rangesAmperes().size() == 1 ? "range " : "ranges ") + data.rangesAmperes().stream()
                    .map(r -> "±" + Units.formatCurrent(r).replaceFirst("\\.0+ ", " ").replaceFirst("(\\.\\d*[1-9])0+ ", "$1 ")).collect(Collectors.joining(", ")));
        }
        if (log && zeros + overloadsLeftOut > 0) {
            text.add("log axis: left out " + zeros + " point" + (zeros == 1 ? "" : "s") + " at zero and "
                    + overloadsLeftOut + " overloaded");
        }
        return text.length() == 0 ? " " : text.toString();
    }

    /**
     * Shades the stretches of flagged points of a trace: neighbouring flagged points (no more than three typical
     * spacings apart) share a band that reaches half a spacing past each end.
     */
    private void addBands(XYPlot plot, TimeTraces.Trace trace, TimeScale scale) {
        double spacing = typicalSpacing(trace.seconds());
        for (SampleFlag flag : List.of(SampleFlag.OVERLOAD, SampleFlag.UNDERLOAD)) {
            double[] xs = flagged(trace, flag);
            int k = 0;
            while (k < xs.length && bands.size() < MAX_BANDS) {
                int first = k;
                while (k + 1 < xs.length && xs[k + 1] - xs[k] <= 3 * spacing) {
                    k++;
                }
                IntervalMarker band = new IntervalMarker(scale.fromSeconds(xs[first] - spacing / 2),
                        scale.fromSeconds(xs[k] + spacing / 2), flag == SampleFlag.OVERLOAD ? OVERLOAD_BAND : UNDERLOAD_BAND);
                bands.add(band);
                plot.addDomainMarker(0, band, Layer.BACKGROUND, false);
                k++;
            }
        }
    }

    private static double[] flagged(TimeTraces.Trace trace, SampleFlag flag) {
        double[] xs = new double[trace.seconds().length];
        int n = 0;
        for (int k = 0; k < xs.length; k++) {
            if (flag.isSetIn(trace.flags()[k])) {
                xs[n++] = trace.seconds()[k];
            }
        }
        double[] sorted = Arrays.copyOf(xs, n);
        Arrays.sort(sorted);
        return sorted;
    }

    /** The median gap between distinct times (seconds); 0 for fewer than two. */
    private static double typicalSpacing(double[] seconds) {
        double[] sorted = seconds.clone();
        Arrays.sort(sorted);
        double[] gaps = new double[Math.max(0, sorted.length - 1)];
        int n = 0;
        for (int k = 1; k < sorted.length; k++) {
            if (sorted[k] > sorted[k - 1]) {
                gaps[n++] = sorted[k] - sorted[k - 1];
            }
        }
        if (n == 0) {
            return 0;
        }
        Arrays.sort(gaps, 0, n);
        return gaps[n / 2];
    }

    static String flagNames(int flags) {
        return SampleFlag.decode(flags).stream().map(Enum::name).collect(Collectors.joining("|"));
    }

    private static List<Comparable<?>> seriesKeys(XYDataset dataset) {
        List<Comparable<?>> keys = new ArrayList<>();
        for (int s = 0; s < dataset.getSeriesCount(); s++) {
            keys.add(dataset.getSeriesKey(s));
        }
        return keys;
    }

    private static void setLabel(ValueAxis axis, String label) {
        if (!label.equals(axis.getLabel())) {
            axis.setLabel(label);
        }
    }

    /** A value axis that need not include zero, with {@link ReadableTicks}. */
    static NumberAxis readableAxis(String label) {
        NumberAxis axis = new NumberAxis(label);
        axis.setAutoRangeIncludesZero(false);
        axis.setStandardTickUnits(new ReadableTicks());
        return axis;
    }

    // --- crosshair -----------------------------------------------------------------------------------------

    /** Moves the crosshair to the mouse and writes the values under it, in the axes' units. */
    private void follow(Point2D mouse) {
        JFreeChart shown = panel.getChart();
        Rectangle2D area = panel.getScreenDataArea();
        if (shown == null || !(shown.getPlot() instanceof XYPlot plot) || area == null || area.isEmpty()
                || !area.contains(mouse)) {
            readout.setText(" ");
            return;
        }
        double x = plot.getDomainAxis().java2DToValue(mouse.getX(), area, plot.getDomainAxisEdge());
        double y = plot.getRangeAxis().java2DToValue(mouse.getY(), area, plot.getRangeAxisEdge());
        plot.setDomainCrosshairVisible(true);
        plot.setRangeCrosshairVisible(true);
        plot.setDomainCrosshairLockedOnData(false);
        plot.setRangeCrosshairLockedOnData(false);
        plot.setDomainCrosshairValue(x);
        plot.setRangeCrosshairValue(y);
        // where the pointer is, in the axes' units: not a reading of the curve, and said so
        readout.setText(CURSOR + valueText(plot.getDomainAxis().getLabel(), x) + "   "
                + valueText(plot.getRangeAxis().getLabel(), y));
    }

    /**
     * Takes the crosshair and its readout away: after a unit switch its numbers would be in the old unit, and after a
     * new step or run they would describe a chart no longer shown.
     */
    private void forgetCrosshair() {
        readout.setText(" ");
        if (panel.getChart() != null && panel.getChart().getPlot() instanceof XYPlot plot) {
            plot.setDomainCrosshairVisible(false);
            plot.setRangeCrosshairVisible(false);
        }
    }

    /** "t = 12.35 min" from the axis label "t (min)" and 12.3456. */
    static String valueText(String axisLabel, double value) {
        String label = axisLabel == null ? "" : axisLabel;
        int open = label.lastIndexOf(" (");
        String name = open < 0 ? label : label.substring(0, open);
        String unit = open < 0 || !label.endsWith(")") ? "" : " " + label.substring(open + 2, label.length() - 1);
        return name + " = " + String.format(Locale.ROOT, "%.4g", value) + unit;
    }

    // --- export --------------------------------------------------------------------------------------------

    private void chooseCsv() {
        JFileChooser chooser = new JFileChooser();
        chooser.setSelectedFile(new File(fileName(panel.getChart()) + ".csv"));
        if (chooser.showSaveDialog(component) != JFileChooser.APPROVE_OPTION) {
            return;
        }
        Path target = chooser.getSelectedFile().toPath();
        String csv = csv();
        Background.run(component, "Writing " + target.getFileName(), () -> Files.writeString(target, csv,
                StandardCharsets.UTF_8), written -> status.setText("Plotted data written to " + written.getFileName()));
    }

    private void savePng() {
        try {
            panel.doSaveAs();
        } catch (IOException e) {
            Background.showError(component, "Saving the chart as PNG", e);
        }
    }

    private static String fileName(JFreeChart shown) {
        String title = shown == null || shown.getTitle() == null ? "chart" : shown.getTitle().getText();
        String name = title.replaceAll("[^A-Za-z0-9.-]+", "-").replaceAll("^-+|-+$", "");
        return name.isEmpty() ? "chart" : name;
    }

    /**
     * The plotted data as CSV: a header naming the axes with their units, then one row per point drawn
     * (series, x, y, flags). For the toolkit's own chart the rows are {@link #drawn()}; for another chart the panel
     * shows, every point of its datasets (no flags known).
     */
    String csv() {
        JFreeChart shown = panel.getChart();
        if (shown == null || !(shown.getPlot() instanceof XYPlot plot)) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        out.append("series,").append(quote(plot.getDomainAxis().getLabel())).append(',')
                .append(quote(plot.getRangeAxis().getLabel())).append(",flags\n");
        if (shown == chart) {
            for (Row row : drawn) {
                out.append(quote(row.series())).append(',').append(number(row.x())).append(',').append(number(row.y()))
                        .append(',').append(row.flags()).append('\n');
            }
            return out.toString();
        }
        for (int d = 0; d < plot.getDatasetCount(); d++) {
            XYDataset dataset = plot.getDataset(d);
            for (int s = 0; dataset != null && s < dataset.getSeriesCount(); s++) {
                for (int i = 0; i < dataset.getItemCount(s); i++) {
                    out.append(quote(String.valueOf(dataset.getSeriesKey(s)))).append(',')
                            .append(number(dataset.getXValue(s, i))).append(',').append(number(dataset.getYValue(s, i)))
                            .append(",\n");
                }
            }
        }
        return out.toString();
    }

    private static String number(double value) {
        return Double.isNaN(value) ? "" : new BigDecimal(value, new MathContext(9)).stripTrailingZeros().toPlainString();
    }

    private static String quote(String text) {
        return text.contains(",") || text.contains("\"") ? '"' + text.replace("\"", "\"\"") + '"' : text;
    }
}
