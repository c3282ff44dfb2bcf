package org.norrlab.figures;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.SeriesRenderingOrder;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

import java.awt.Color;
import java.util.List;
import java.util.Optional;

/**
 * The figures of a sweep session, in the style of the FE figure: LSVs under Ar and NO with their difference below,
 * a CV with one colour per cycle, and the C_dl fit (Δj/2 against scan rate, the points and the fitted line).
 */
public final class SweepFigure {
    public static final String E_AXIS = "E (V vs RHE)";
    public static final String J_AXIS = "j (mA cm⁻²)";
    /** Short, since its panel is a third of the figure's height; the legend says which j minus which. */
    public static final String DIFFERENCE_AXIS = "Δj (mA cm⁻²)";
    public static final String RATE_AXIS = "Scan rate (mV s⁻¹)";
    public static final String HALF_DIFFERENCE_AXIS = "Δj/2 (µA cm⁻²)";

    /** One curve in drawing order: a sweep, a cycle of a CV, or the difference; potentials vs RHE. */
    public record Line(String label, double[] voltsVsRhe, double[] milliampsPerCm2) {
    }

    /** One CV of the C_dl series. */
    public record RatePoint(double millivoltsPerSecond, double microampsPerCm2) {
    }

    private SweepFigure() {
    }

    /** The LSVs overlaid (first colour Ar, second NO as the caller orders them) and, when given, Δj in a panel below. */
    public static JFreeChart lsv(String title, List<Line> sweeps, Optional<Line> difference) {
        return lsv(Style.SCREEN, title, sweeps, difference);
    }

    public static JFreeChart lsv(Style style, String title, List<Line> sweeps, Optional<Line> difference) {
        NumberAxis potential = axis(style, E_AXIS, false);
        XYPlot overlay = lines(style, sweeps, axis(style, J_AXIS, true), 0);
        if (difference.isEmpty()) {
            overlay.setDomainAxis(potential);
            return style.chart(title, overlay, true);
        }
        CombinedDomainXYPlot plot = new CombinedDomainXYPlot(potential);
        plot.setGap(style.ticks.getSize2D());
        plot.add(overlay, 2);
        plot.add(lines(style, List.of(difference.get()), axis(style, DIFFERENCE_AXIS, true), sweeps.size()), 1);
        return style.chart(title, plot, true);
    }

    /** A CV, one colour per cycle. */
    public static JFreeChart cv(String title, List<Line> cycles) {
        return cv(Style.SCREEN, title, cycles);
    }

    public static JFreeChart cv(Style style, String title, List<Line> cycles) {
        XYPlot plot = lines(style, cycles, axis(style, J_AXIS, false), 0);
        plot.setDomainAxis(axis(style, E_AXIS, false));
        return style.chart(title, plot, true);
    }

    /**
     * Δj/2 against scan rate with the least-squares line; the legend names the points and gives the line's slope.
     *
     * @param slopeMilliFaradsPerCm2 the slope in µA cm⁻² per mV s⁻¹, which is mF cm⁻²
     * @param interceptMicroampsPerCm2 the line's Δj/2 at zero scan rate
     */
    public static JFreeChart cdlFit(String title, String pointsLabel, List<RatePoint> points, String lineLabel,
                                    double slopeMilliFaradsPerCm2, double interceptMicroampsPerCm2) {
        return cdlFit(Style.SCREEN, title, pointsLabel, points, lineLabel, slopeMilliFaradsPerCm2,
                interceptMicroampsPerCm2);
    }

    public static JFreeChart cdlFit(Style style, String title, String pointsLabel, List<RatePoint> points,
                                    String lineLabel, double slopeMilliFaradsPerCm2, double interceptMicroampsPerCm2) {
        XYSeries measured = new XYSeries(pointsLabel, false, true);
        double fastest = 0;
        for (RatePoint p : points) {
            measured.add(p.millivoltsPerSecond(), p.microampsPerCm2(), false);
            fastest = Math.max(fastest, p.millivoltsPerSecond());
        }
        // The line from zero scan rate: its intercept shows how far the points are from pure charging.
        XYSeries line = new XYSeries(lineLabel, false, true);
        double end = fastest * 1.05;
        line.add(0, interceptMicroampsPerCm2, false);
        line.add(end, interceptMicroampsPerCm2 + slopeMilliFaradsPerCm2 * end, false);
        XYSeriesCollection data = new XYSeriesCollection();
        data.addSeries(measured);
        data.addSeries(line);
        XYPlot plot = new XYPlot(data, axis(style, RATE_AXIS, true), axis(style, HALF_DIFFERENCE_AXIS, true),
                style.pointsAndFittedLine());
        return style.chart(title, plot, true);
    }

    private static XYPlot lines(Style style, List<Line> lines, NumberAxis y, int firstColour) {
        XYSeriesCollection data = new XYSeriesCollection();
        for (Line line : lines) {
            data.addSeries(Style.series(line.label(), line.voltsVsRhe(), line.milliampsPerCm2()));
        }
        int count = lines.size() + firstColour;
        XYLineAndShapeRenderer renderer = style.lines(lines.size(), firstColour);
        if (count > Style.PALETTE.size()) {
            // a ramp of many cycles: their order reads from the colour, and every cycle keeps the plain line
            for (int i = 0; i < lines.size(); i++) {
                renderer.setSeriesPaint(i, colour(i + firstColour, count));
                renderer.setSeriesStroke(i, style.solidLine());
            }
        }
        XYPlot plot = new XYPlot(data, null, y, renderer);
        // Later cycles over earlier ones (JFreeChart draws the first series on top by default): the last, settled
        // cycle is the one C_dl reads and the one to see.
        plot.setSeriesRenderingOrder(SeriesRenderingOrder.FORWARD);
        style.plot(plot);
        return plot;
    }

    /**
     * The figures' colours while they last; beyond them (an activation CV of 20 cycles) a ramp from light blue to dark
     * red, so that the order of the cycles still reads from the colour.
     */
    static Color colour(int index, int count) {
        if (count <= Style.PALETTE.size()) {
            return Style.colour(index);
        }
        float f = count == 1 ? 0 : (float) index / (count - 1);
        Color from = new Color(0x9E, 0xCA, 0xE1);
        Color to = new Color(0x99, 0x00, 0x0D);
        return new Color(Math.round(from.getRed() + f * (to.getRed() - from.getRed())),
                Math.round(from.getGreen() + f * (to.getGreen() - from.getGreen())),
                Math.round(from.getBlue() + f * (to.getBlue() - from.getBlue())));
    }

    private static NumberAxis axis(Style style, String label, boolean includeZero) {
        NumberAxis axis = new NumberAxis(label);
        axis.setAutoRangeIncludesZero(includeZero);
        style.axis(axis);
        return axis;
    }
}
