package org.norrlab.figures;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

import java.util.Locale;

/**
 * The Tafel plot: the iR-corrected potential against log10 |j|, the points and the line fitted over a window, its
 * slope (mV per decade) in the legend. The potential axis says which potential it is and with which R_u.
 */
public final class TafelFigure {
    public static final String LOG_CURRENT_AXIS = "log₁₀ (|j| / mA cm⁻²)";

    /**
     * The points of the plot: potential against log10 of |j| in mA cm⁻², one per step or sample.
     *
     * @param label the legend of the points, e.g. "CA steps (mean current)"
     */
    public record Points(String label, double[] log10MilliampsPerCm2, double[] volts) {
        public Points {
            if (log10MilliampsPerCm2.length != volts.length) {
                throw new IllegalArgumentException("a Tafel plot needs a potential for every current, had "
                        + log10MilliampsPerCm2.length + " currents and " + volts.length + " potentials");
            }
        }
    }

    /**
     * The fitted line E = intercept + slope·log10|j|, drawn over the window it was fitted in.
     *
     * @param slopeVoltsPerDecade dE/dlog10|j|, negative for a cathodic reaction
     * @param interceptVolts      E at |j| = 1 mA cm⁻²
     * @param fromLog10           the window's one end, in log10 (|j| / mA cm⁻²)
     * @param toLog10             its other end
     * @param quality             the fit's quality for the legend, e.g. "R² 0.998, 6 points"; may be empty
     */
    public record Line(double slopeVoltsPerDecade, double interceptVolts, double fromLog10, double toLog10,
                       String quality) {
        public double voltsAt(double log10) {
            return interceptVolts + slopeVoltsPerDecade * log10;
        }

        /** "Tafel slope −118 mV dec⁻¹ (R² 0.998)": the slope as the legend gives it. */
        public String legend() {
            return String.format(Locale.ROOT, "Tafel slope %.0f mV dec⁻¹", slopeVoltsPerDecade * 1e3)
                    + (quality.isEmpty() ? "" : " (" + quality + ")");
        }
    }

    private TafelFigure() {
    }

    /** @param potentialAxis what the y axis is, e.g. "E − iR_u (V vs RHE), R_u = 12.0 Ω" */
    public static JFreeChart chart(String title, String potentialAxis, Points points, Line line) {
        return chart(Style.SCREEN, title, potentialAxis, points, line);
    }

    public static JFreeChart chart(Style style, String title, String potentialAxis, Points points, Line line) {
        XYSeriesCollection data = new XYSeriesCollection();
        data.addSeries(Style.series(points.label(), points.log10MilliampsPerCm2(), points.volts()));
        XYSeries fitted = new XYSeries(line.legend(), false, true);
        fitted.add(line.fromLog10(), line.voltsAt(line.fromLog10()), false);
        fitted.add(line.toLog10(), line.voltsAt(line.toLog10()), false);
        data.addSeries(fitted);
        NumberAxis x = new NumberAxis(LOG_CURRENT_AXIS);
        x.setAutoRangeIncludesZero(false);
        // a point at exactly 1 mA cm⁻² (log 0) is not to sit cut in half on the axis
        x.setAutoRangeStickyZero(false);
        NumberAxis y = new NumberAxis(potentialAxis);
        y.setAutoRangeIncludesZero(false);
        y.setAutoRangeStickyZero(false);
        XYPlot plot = new XYPlot(data, x, y, style.pointsAndFittedLine());
        return style.chart(title, plot, true);
    }
}
