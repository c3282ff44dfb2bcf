package org.norrlab.figures;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.CombinedDomainCategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.category.StatisticalBarRenderer;
import org.jfree.data.statistics.DefaultStatisticalCategoryDataset;

import java.awt.Color;
import java.util.List;
import java.util.Locale;

/**
 * The stability figure of a NORR paper: for each cycle of a repeat block, the NH3 faradaic efficiency (top panel,
 * %) and the NH3 yield (bottom panel, µmol h⁻¹ cm⁻²) as bars with one-sigma error bars, sharing the cycle axis.
 * A repeated sweep gives one bar colour per potential. Cycles without a value leave a gap, not a zero bar.
 */
public final class StabilityFigure {
    /** Short, as the FE figure's legend says it: two stacked panels leave each label half the figure's height. */
    public static final String FE_AXIS = "FE NH₃ (%)";
    public static final String YIELD_AXIS = "NH₃ yield (µmol h⁻¹ cm⁻²)";
    public static final String CYCLE_AXIS = "Cycle";

    /** One cycle at one potential; NaN where the value is not available. */
    public record Bar(double voltsVsRhe, int cycle, double fePercent, double feSigmaPercent, double yield,
                      double yieldSigma) {
    }

    private StabilityFigure() {
    }

    public static JFreeChart chart(String title, List<Bar> bars) {
        return chart(Style.SCREEN, title, bars);
    }

    public static JFreeChart chart(Style style, String title, List<Bar> bars) {
        DefaultStatisticalCategoryDataset fe = new DefaultStatisticalCategoryDataset();
        DefaultStatisticalCategoryDataset yield = new DefaultStatisticalCategoryDataset();
        for (Bar bar : bars) {
            String series = String.format(Locale.ROOT, "%.2f V vs RHE", bar.voltsVsRhe());
            String cycle = String.valueOf(bar.cycle());
            // null, not NaN: JFreeChart leaves a null cell empty, while a NaN bar can draw from the axis to nowhere
            fe.add(number(bar.fePercent()), number(bar.feSigmaPercent()), series, cycle);
            yield.add(number(bar.yield()), number(bar.yieldSigma()), series, cycle);
        }
        NumberAxis feAxis = new NumberAxis(FE_AXIS);
        feAxis.setRange(0, 100);
        NumberAxis yieldAxis = new NumberAxis(YIELD_AXIS);
        yieldAxis.setAutoRangeIncludesZero(true);
        // One potential: FE and yield in two colours, as papers draw them, and no legend; the potential is named by
        // the title or, without one, by the cycle axis. Several: one colour per potential in both panels, and one
        // legend for both.
        boolean onePotential = fe.getRowCount() == 1;
        CategoryAxis cycles = new CategoryAxis(onePotential && !style.titles()
                ? CYCLE_AXIS + " at " + fe.getRowKey(0) : CYCLE_AXIS);
        CombinedDomainCategoryPlot plot = new CombinedDomainCategoryPlot(cycles);
        plot.setGap(style.ticks.getSize2D());
        CategoryPlot fePanel = panel(style, fe, feAxis, 0);
        plot.add(fePanel, 1);
        plot.add(panel(style, yield, yieldAxis, onePotential ? 1 : 0), 1);
        plot.setOrientation(PlotOrientation.VERTICAL);
        plot.setFixedLegendItems(fePanel.getLegendItems());
        style.axis(cycles);
        return style.chart(title, plot, !onePotential);
    }

    private static CategoryPlot panel(Style style, DefaultStatisticalCategoryDataset data, NumberAxis axis,
                                      int firstColour) {
        StatisticalBarRenderer renderer = new StatisticalBarRenderer();
        renderer.setErrorIndicatorPaint(Color.BLACK);
        renderer.setErrorIndicatorStroke(style.thinLine());
        renderer.setDrawBarOutline(true);
        renderer.setDefaultOutlinePaint(Color.BLACK);
        renderer.setDefaultOutlineStroke(style.thinLine());
        renderer.setShadowVisible(false);
        renderer.setBarPainter(new StandardBarPainter());
        renderer.setItemMargin(0.05);
        // Five full-width bars read as a wall; papers draw them narrow with space between cycles.
        renderer.setMaximumBarWidth(0.09);
        for (int i = 0; i < data.getRowCount(); i++) {
            renderer.setSeriesPaint(i, Style.colour(i + firstColour));
        }
        CategoryPlot panel = new CategoryPlot(data, null, axis, renderer);
        style.plot(panel);
        style.axis(axis);
        return panel;
    }

    private static Double number(double value) {
        return Double.isNaN(value) ? null : value;
    }
}
