package org.norrlab.figures;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.DatasetRenderingOrder;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.category.StatisticalBarRenderer;
import org.jfree.chart.renderer.category.StatisticalLineAndShapeRenderer;
import org.jfree.data.statistics.DefaultStatisticalCategoryDataset;

import java.awt.Color;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The figure of a NORR paper: faradaic efficiency of each product as bars (left axis, %) and the NH3
 * yield as points (right axis, µmol h⁻¹ cm⁻²) at each potential vs RHE, with one-sigma error bars.
 */
public final class FaradaicFigure {
    public static final String FE_AXIS = "Faradaic efficiency (%)";
    public static final String YIELD_AXIS = "NH₃ yield (µmol h⁻¹ cm⁻²)";
    public static final String YIELD_SERIES = "NH₃ yield";

    /**
     * One potential: FE per product in % (with sigma), and the NH3 yield with sigma (NaN when not measured).
     *
     * @param cycle the cycle of a repeat block the step ran in (0 outside one): a potential run in every cycle is one
     *              category per cycle, "-0.60 (2)", where one category per potential would keep only the last cycle
     */
    public record Point(double voltsVsRhe, List<Bar> bars, double yield, double yieldSigma, int cycle) {
        public Point(double voltsVsRhe, List<Bar> bars, double yield, double yieldSigma) {
            this(voltsVsRhe, bars, yield, yieldSigma, 0);
        }
    }

    public record Bar(String product, double fePercent, double sigmaPercent) {
    }

    private FaradaicFigure() {
    }

    public static final String POTENTIAL_AXIS = "E (V vs RHE)";

    public static JFreeChart chart(String title, List<Point> points) {
        return chart(Style.SCREEN, title, points, POTENTIAL_AXIS);
    }

    public static JFreeChart chart(String title, List<Point> points, String potentialAxis) {
        return chart(Style.SCREEN, title, points, potentialAxis);
    }

    /**
     * The figure against another potential than the set one: the points' {@code voltsVsRhe} are then, e.g., the
     * iR-corrected potentials, and {@code potentialAxis} says so (with the R_u they were corrected with).
     */
    public static JFreeChart chart(Style style, String title, List<Point> points, String potentialAxis) {
        DefaultStatisticalCategoryDataset fe = new DefaultStatisticalCategoryDataset();
        DefaultStatisticalCategoryDataset yield = new DefaultStatisticalCategoryDataset();
        Set<String> used = new HashSet<>();
        for (Point p : points) {
            String written = String.format(Locale.ROOT, "%.2f", p.voltsVsRhe()) + (p.cycle() > 0 ? " (" + p.cycle() + ")" : "");
            // Two steps at one written potential (iR-corrected potentials can meet) would share a category, and the
            // second's bars would replace the first's without a word: the second is numbered instead.
            String category = written;
            for (int n = 2; !used.add(category); n++) {
                category = written + " [" + n + "]";
            }
            for (Bar bar : p.bars()) {
                fe.add(bar.fePercent(), bar.sigmaPercent(), "FE " + bar.product(), category);
            }
            if (!Double.isNaN(p.yield())) {
                yield.add(p.yield(), p.yieldSigma(), YIELD_SERIES, category);
            }
        }
        boolean cycles = points.stream().anyMatch(p -> p.cycle() > 0);
        CategoryAxis potential = new CategoryAxis(cycles ? potentialAxis + " (cycle)" : potentialAxis);
        NumberAxis feAxis = new NumberAxis(FE_AXIS);
        feAxis.setRange(0, 100);
        StatisticalBarRenderer bars = new StatisticalBarRenderer();
        bars.setErrorIndicatorPaint(Color.BLACK);
        bars.setErrorIndicatorStroke(style.thinLine());
        // a thin black edge, so that a light bar (orange, sky blue) still has its shape on white and in greyscale
        bars.setDrawBarOutline(true);
        bars.setDefaultOutlinePaint(Color.BLACK);
        bars.setDefaultOutlineStroke(style.thinLine());
        bars.setShadowVisible(false);
        bars.setBarPainter(new StandardBarPainter());
        for (int i = 0; i < fe.getRowCount(); i++) {
            bars.setSeriesPaint(i, Style.colour(i));
        }
        CategoryPlot plot = new CategoryPlot(fe, potential, feAxis, bars);

        NumberAxis yieldAxis = new NumberAxis(YIELD_AXIS);
        yieldAxis.setAutoRangeIncludesZero(true);
        StatisticalLineAndShapeRenderer dots = new StatisticalLineAndShapeRenderer(true, true);
        dots.setSeriesPaint(0, Color.BLACK);
        dots.setSeriesShape(0, style.marker(0));
        dots.setSeriesStroke(0, style.line(2));
        dots.setErrorIndicatorPaint(Color.BLACK);
        dots.setErrorIndicatorStroke(style.thinLine());
        plot.setDataset(1, yield);
        plot.setRangeAxis(1, yieldAxis);
        plot.mapDatasetToRangeAxis(1, 1);
        plot.setRenderer(1, dots);
        plot.setDatasetRenderingOrder(DatasetRenderingOrder.FORWARD);
        style.axis(potential);
        style.axis(feAxis);
        style.axis(yieldAxis);
        return style.chart(title, plot, true);
    }
}
