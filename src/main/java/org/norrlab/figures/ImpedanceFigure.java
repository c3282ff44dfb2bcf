package org.norrlab.figures;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.Range;
import org.jfree.data.xy.XYSeriesCollection;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.DoubleBinaryOperator;

/**
 * Impedance spectra: the Nyquist plot (Z' against −Z'', equal axes, a few frequencies written at their points) and
 * the Bode plot (|Z| and phase against frequency), the measured points as markers and a fitted model as a line.
 *
 * <p>Spectra come in norrlab's one sign convention, Z'' as measured (Z = Z' + jZ'', capacitive negative); the
 * Nyquist plot is the only place where the sign is turned, so that a capacitive arc is drawn above the axis. The
 * phase is drawn as it is, negative for a capacitive cell.
 */
public final class ImpedanceFigure {
    public static final String REAL_AXIS = "Z' (Ω)";
    public static final String MINUS_IMAGINARY_AXIS = "−Z'' (Ω)";
    public static final String FREQUENCY_AXIS = "f (Hz)";
    public static final String MODULUS_AXIS = "|Z| (Ω)";
    public static final String PHASE_AXIS = "Phase (°)";
    /** At most this many frequencies are written on a Nyquist plot: one per decade, fewer on a wide spectrum. */
    static final int MOST_FREQUENCY_LABELS = 6;
    /** The room around the data of a Nyquist plot, as a fraction of its larger span. */
    private static final double PADDING = 0.05;

    /**
     * A spectrum in the order it was measured; points the instrument gave no impedance for are left out by the caller.
     *
     * @param imaginaryOhms Z'' as measured (capacitive negative), not −Z''
     */
    public record Spectrum(String label, double[] frequencyHz, double[] realOhms, double[] imaginaryOhms) {
        public Spectrum {
            if (frequencyHz.length != realOhms.length || frequencyHz.length != imaginaryOhms.length) {
                throw new IllegalArgumentException("a spectrum needs as many Z' and Z'' as frequencies, had "
                        + frequencyHz.length + " frequencies, " + realOhms.length + " Z' and " + imaginaryOhms.length
                        + " Z''");
            }
        }

        public int size() {
            return frequencyHz.length;
        }
    }

    private ImpedanceFigure() {
    }

    /** Z' on x, −Z'' on y with one ohm as long on both axes; the fit (when given) as a line over the points. */
    public static JFreeChart nyquist(String title, Spectrum measured, Optional<Spectrum> fit) {
        return nyquist(Style.SCREEN, title, measured, fit);
    }

    public static JFreeChart nyquist(Style style, String title, Spectrum measured, Optional<Spectrum> fit) {
        XYSeriesCollection data = new XYSeriesCollection();
        data.addSeries(Style.series(measured.label(), measured.realOhms(), negated(measured.imaginaryOhms())));
        fit.ifPresent(f -> data.addSeries(Style.series(f.label(), f.realOhms(), negated(f.imaginaryOhms()))));
        NumberAxis x = axis(style, REAL_AXIS);
        NumberAxis y = axis(style, MINUS_IMAGINARY_AXIS);
        List<Spectrum> all = new ArrayList<>(List.of(measured));
        fit.ifPresent(all::add);
        Range xData = bounds(all, (re, im) -> re, false);
        Range yData = bounds(all, (re, im) -> -im, true);
        double pad = PADDING * Math.max(xData.getLength(), yData.getLength());
        // more room on the right, where the lowest frequency's label is written beside the last point: "0.1 Hz" is
        // a fifth of the plot's width in a journal column
        EqualAxesPlot plot = new EqualAxesPlot(data, x, y, renderer(style, fit.isPresent()),
                new Range(xData.getLowerBound() - pad, xData.getUpperBound() + 4 * pad),
                new Range(yData.getLowerBound() - pad, yData.getUpperBound() + pad));
        for (int i : labelled(measured.frequencyHz())) {
            XYTextAnnotation label = new XYTextAnnotation("  " + frequencyText(measured.frequencyHz()[i]),
                    measured.realOhms()[i], -measured.imaginaryOhms()[i]);
            label.setFont(style.ticks);
            label.setTextAnchor(TextAnchor.BOTTOM_LEFT);
            plot.addAnnotation(label);
        }
        return style.chart(title, plot, true);
    }

    /** |Z| (log) above and the phase below, both against frequency (log), measured as markers and the fit as lines. */
    public static JFreeChart bode(String title, Spectrum measured, Optional<Spectrum> fit) {
        return bode(Style.SCREEN, title, measured, fit);
    }

    public static JFreeChart bode(Style style, String title, Spectrum measured, Optional<Spectrum> fit) {
        ValueAxis frequency = new PlainLogAxis(style, FREQUENCY_AXIS);
        ValueAxis modulusAxis = new PlainLogAxis(style, MODULUS_AXIS);
        NumberAxis phaseAxis = axis(style, PHASE_AXIS);
        CombinedDomainXYPlot plot = new CombinedDomainXYPlot(frequency);
        plot.setGap(style.ticks.getSize2D());
        plot.add(bodePanel(style, measured, fit, modulusAxis, (re, im) -> Math.hypot(re, im), true), 1);
        // atan2(Z'', Z'): the phase of Z itself, so a capacitive cell's is negative and a resistor's 0°
        plot.add(bodePanel(style, measured, fit, phaseAxis, (re, im) -> Math.toDegrees(Math.atan2(im, re)), false),
                1);
        return style.chart(title, plot, true);
    }

    /** One panel of the Bode plot; only the first names its series in the legend (the second has the same ones). */
    private static XYPlot bodePanel(Style style, Spectrum measured, Optional<Spectrum> fit, ValueAxis y,
                                    DoubleBinaryOperator value, boolean inLegend) {
        XYSeriesCollection data = new XYSeriesCollection();
        data.addSeries(Style.series(measured.label(), measured.frequencyHz(), values(measured, value)));
        fit.ifPresent(f -> data.addSeries(Style.series(f.label(), f.frequencyHz(), values(f, value))));
        XYLineAndShapeRenderer renderer = renderer(style, fit.isPresent());
        renderer.setDefaultSeriesVisibleInLegend(inLegend);
        XYPlot plot = new XYPlot(data, null, y, renderer);
        style.plot(plot);
        return plot;
    }

    /** The measured series as open circles in the first colour, the fit as a line in the second. */
    private static XYLineAndShapeRenderer renderer(Style style, boolean withFit) {
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer();
        renderer.setSeriesLinesVisible(0, false);
        renderer.setSeriesShapesVisible(0, true);
        renderer.setSeriesShapesFilled(0, false);
        renderer.setSeriesShape(0, style.marker(0));
        renderer.setSeriesPaint(0, Style.colour(0));
        // the open circles' rim: a data line, not a hairline
        renderer.setSeriesStroke(0, style.solidLine());
        if (withFit) {
            renderer.setSeriesLinesVisible(1, true);
            renderer.setSeriesShapesVisible(1, false);
            renderer.setSeriesPaint(1, Style.colour(1));
            renderer.setSeriesStroke(1, style.solidLine());
        }
        renderer.setUseOutlinePaint(false);
        return renderer;
    }

    /**
     * The points whose frequency is written on the Nyquist plot: the one nearest each power of ten (within a quarter
     * of a decade), every second or third decade on a wide spectrum so that at most {@link #MOST_FREQUENCY_LABELS}.
     */
    static List<Integer> labelled(double[] frequencyHz) {
        if (frequencyHz.length == 0) {
            return List.of();
        }
        double lowest = Double.POSITIVE_INFINITY;
        double highest = 0;
        for (double f : frequencyHz) {
            lowest = Math.min(lowest, f);
            highest = Math.max(highest, f);
        }
        int first = (int) Math.ceil(Math.log10(lowest) - 0.25);
        int last = (int) Math.floor(Math.log10(highest) + 0.25);
        int decades = last - first + 1;
        int every = Math.max(1, (decades + MOST_FREQUENCY_LABELS - 1) / MOST_FREQUENCY_LABELS);
        List<Integer> chosen = new ArrayList<>();
        for (int decade = last; decade >= first; decade -= every) {
            int nearest = -1;
            double distance = 0.25;
            for (int i = 0; i < frequencyHz.length; i++) {
                double d = Math.abs(Math.log10(frequencyHz[i]) - decade);
                if (d <= distance) {
                    nearest = i;
                    distance = d;
                }
            }
            if (nearest >= 0 && !chosen.contains(nearest)) {
                chosen.add(nearest);
            }
        }
        return chosen;
    }

    /** "100 kHz", "1 kHz", "10 Hz", "0.1 Hz": three significant digits at most, in Hz below a kilohertz. */
    public static String frequencyText(double hz) {
        if (hz >= 1e6) {
            return number(hz / 1e6) + " MHz";
        }
        if (hz >= 1e3) {
            return number(hz / 1e3) + " kHz";
        }
        return number(hz) + " Hz";
    }

    private static String number(double value) {
        return new BigDecimal(String.format(Locale.ROOT, "%.3g", value)).stripTrailingZeros().toPlainString();
    }

    private static Range bounds(List<Spectrum> spectra, DoubleBinaryOperator value, boolean includeZero) {
        double low = includeZero ? 0 : Double.POSITIVE_INFINITY;
        double high = includeZero ? 0 : Double.NEGATIVE_INFINITY;
        for (Spectrum s : spectra) {
            for (double v : values(s, value)) {
                if (Double.isFinite(v)) {
                    low = Math.min(low, v);
                    high = Math.max(high, v);
                }
            }
        }
        if (low > high) {
            return new Range(0, 1);
        }
        // one point, or all on one line: a span of 1 Ω (or 10 % of the value) so that the axis still has a scale
        return high > low ? new Range(low, high) : new Range(low - Math.max(0.5, Math.abs(low) * 0.05),
                high + Math.max(0.5, Math.abs(high) * 0.05));
    }

    private static double[] values(Spectrum s, DoubleBinaryOperator value) {
        double[] out = new double[s.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = value.applyAsDouble(s.realOhms()[i], s.imaginaryOhms()[i]);
        }
        return out;
    }

    private static double[] negated(double[] values) {
        double[] out = new double[values.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = -values[i];
        }
        return out;
    }

    private static NumberAxis axis(Style style, String label) {
        NumberAxis axis = new NumberAxis(label);
        axis.setAutoRangeIncludesZero(false);
        style.axis(axis);
        return axis;
    }
}
