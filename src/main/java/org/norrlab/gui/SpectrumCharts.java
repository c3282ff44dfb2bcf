package org.norrlab.gui;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.DefaultXYDataset;
import org.norrlab.core.ImpedancePoint;
import org.norrlab.plan.PlannedStep;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.geom.Ellipse2D;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Arrays;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * An impedance spectrum as the window draws it: the Nyquist plot (Z' against −Z'', equal axes, so a semicircle looks
 * like one) live during an EIS step and for stored spectra, and the Bode plot (|Z| and −phase against frequency) for
 * stored spectra. Z'' is kept as measured everywhere else; only these plots turn it round (−Z'' up, the usual arc).
 * Frequencies the instrument sent no impedance for ({@code NO_IMPEDANCE}) are left out of the plots, not drawn as 0.
 */
final class SpectrumCharts {
    static final String REAL_AXIS = "Z' (Ω)";
    static final String IMAGINARY_AXIS = "−Z'' (Ω)";
    static final String FREQUENCY_AXIS = "f (Hz)";
    static final String MODULUS_AXIS = "|Z| (Ω)";
    static final String PHASE_AXIS = "−phase (°)";
    static final String SPECTRUM_SERIES = "spectrum";
    static final String MODULUS_SERIES = "|Z|";
    static final String PHASE_SERIES = "−phase";
    private static final Color POINTS = new Color(0x1f, 0x77, 0xb4);
    private static final Color PHASE = new Color(0xff, 0x7f, 0x0e);

    private SpectrumCharts() {
    }

    /** The measured points of a spectrum as the Nyquist plot draws them: Z' and −Z'' in ohms, in the order measured. */
    static double[][] nyquistPoints(List<ImpedancePoint> spectrum) {
        List<ImpedancePoint> measured = measured(spectrum);
        double[][] xy = new double[2][measured.size()];
        for (int i = 0; i < measured.size(); i++) {
            xy[0][i] = measured.get(i).realOhms();
            xy[1][i] = -measured.get(i).imaginaryOhms();
        }
        return xy;
    }

    private static List<ImpedancePoint> measured(List<ImpedancePoint> spectrum) {
        List<ImpedancePoint> measured = new ArrayList<>();
        for (ImpedancePoint p : spectrum) {
            if (p.hasImpedance()) {
                measured.add(p);
            }
        }
        return measured;
    }

    /** An empty Nyquist chart with equal axes, its points joined in the order measured. */
    static JFreeChart nyquist(String title) {
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
        renderer.setSeriesPaint(0, POINTS);
        renderer.setSeriesStroke(0, new BasicStroke(1.0f));
        renderer.setSeriesShape(0, new Ellipse2D.Double(-3, -3, 6, 6));
        NumberAxis x = new NumberAxis(REAL_AXIS);
        NumberAxis y = new NumberAxis(IMAGINARY_AXIS);
        return ChartLook.chart(title, new EqualAxes(new DefaultXYDataset(), x, y, renderer), false);
    }

    /** A Nyquist chart of a spectrum. */
    static JFreeChart nyquist(String title, List<ImpedancePoint> spectrum) {
        JFreeChart chart = nyquist(title);
        show(chart, spectrum);
        return chart;
    }

    /** Puts {@code spectrum} in a chart made by {@link #nyquist(String)}, replacing what it showed. */
    static void show(JFreeChart nyquist, List<ImpedancePoint> spectrum) {
        ((DefaultXYDataset) nyquist.getXYPlot().getDataset()).addSeries(SPECTRUM_SERIES, nyquistPoints(spectrum));
    }

    /**
     * The Bode plot: |Z| on a logarithmic axis (left) and −phase in degrees (right) against frequency on a logarithmic
     * axis, highest frequency on the right as usual.
     */
    static JFreeChart bode(String title, List<ImpedancePoint> spectrum) {
        List<ImpedancePoint> measured = measured(spectrum);
        double[][] modulus = new double[2][measured.size()];
        double[][] phase = new double[2][measured.size()];
        for (int i = 0; i < measured.size(); i++) {
            ImpedancePoint p = measured.get(i);
            modulus[0][i] = p.frequencyHz();
            modulus[1][i] = p.modulusOhms();
            phase[0][i] = p.frequencyHz();
            phase[1][i] = -p.phaseDegrees();
        }
        DefaultXYDataset modulusData = new DefaultXYDataset();
        modulusData.addSeries(MODULUS_SERIES, modulus);
        DefaultXYDataset phaseData = new DefaultXYDataset();
        phaseData.addSeries(PHASE_SERIES, phase);
        NumberAxis phaseAxis = new NumberAxis(PHASE_AXIS);
        phaseAxis.setAutoRangeIncludesZero(true);
        XYPlot plot = new XYPlot(modulusData, decades(FREQUENCY_AXIS), modulusAxis(modulus[1]), renderer(POINTS));
        plot.setRangeAxis(1, phaseAxis);
        plot.setDataset(1, phaseData);
        plot.mapDatasetToRangeAxis(1, 1);
        plot.setRenderer(1, renderer(PHASE));
        return ChartLook.chart(title, plot, true);
    }

    /** A logarithmic axis with a tick per decade, labelled as plain numbers (0.1, 1, 10, 1000). */
    private static LogAxis decades(String label) {
        LogAxis axis = new LogAxis(label);
        axis.setBase(10);
        axis.setTickUnit(new NumberTickUnit(1), false, false);
        axis.setAutoTickUnitSelection(false);
        axis.setNumberFormatOverride(new DecimalFormat("0.###", DecimalFormatSymbols.getInstance(Locale.ROOT)));
        return axis;
    }

    /**
     * |Z|'s axis: logarithmic by decades where |Z| spans one or more, else linear (a spectrum from 20 to 120 Ω would
     * get a single decade tick on a log axis).
     */
    private static ValueAxis modulusAxis(double[] moduli) {
        double lowest = Arrays.stream(moduli).min().orElse(1);
        double highest = Arrays.stream(moduli).max().orElse(1);
        if (lowest > 0 && highest / lowest >= 10) {
            return decades(MODULUS_AXIS);
        }
        NumberAxis axis = new NumberAxis(MODULUS_AXIS);
        axis.setAutoRangeIncludesZero(false);
        return axis;
    }

    private static XYLineAndShapeRenderer renderer(Color colour) {
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
        renderer.setSeriesPaint(0, colour);
        renderer.setSeriesStroke(0, new BasicStroke(1.0f));
        renderer.setSeriesShape(0, new Ellipse2D.Double(-3, -3, 6, 6));
        return renderer;
    }

    /** Ohms as an operator reads them: "12.34 Ω", "1.234 kΩ", "2.5 MΩ". */
    static String ohms(double ohms) {
        double size = Math.abs(ohms);
        if (size >= 1e6) {
            return String.format(Locale.ROOT, "%.4g MΩ", ohms / 1e6);
        }
        if (size >= 1e3) {
            return String.format(Locale.ROOT, "%.4g kΩ", ohms / 1e3);
        }
        return String.format(Locale.ROOT, "%.4g Ω", ohms);
    }

    /**
     * The status line's account of an EIS step in progress: how many of its frequencies are done and the latest
     * point's frequency and |Z| (or that the instrument sent none for it).
     */
    static String progress(PlannedStep.Impedance step, List<ImpedancePoint> spectrum) {
        String done = String.format(Locale.ROOT, "%d of %d frequencies", spectrum.size(), step.frequenciesHz().size());
        if (spectrum.isEmpty()) {
            return done + "; waiting for the first point at " + PlannedStep.frequencyText(step.frequenciesHz().get(0));
        }
        ImpedancePoint latest = spectrum.get(spectrum.size() - 1);
        return done + "; latest f = " + PlannedStep.frequencyText(latest.frequencyHz()) + ", " + (latest.hasImpedance()
                ? String.format(Locale.ROOT, "|Z| = %s, phase %.1f°", ohms(latest.modulusOhms()), latest.phaseDegrees())
                : "no impedance (the instrument sent NaN)");
    }
}
