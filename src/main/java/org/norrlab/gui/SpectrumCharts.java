package org.norrlab.gui;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.DefaultXYDataset;
import org.norrlab.core.ImpedancePoint;
import org.norrlab.figures.ImpedanceFigure;
import org.norrlab.plan.PlannedStep;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * An impedance spectrum as the window draws it, with the report's figures ({@link ImpedanceFigure}): the Nyquist
 * plot (Z' against −Z'', equal axes at any size, so a semicircle looks like one) live during an EIS step and for
 * stored spectra, and the Bode plot for stored spectra. Frequencies the instrument sent no impedance for
 * ({@code NO_IMPEDANCE}) are left out of the plots, not drawn as 0; the status line says when the latest was one.
 */
final class SpectrumCharts {
    static final String MEASURED = "measured";

    private SpectrumCharts() {
    }

    /** The measured points of a spectrum in the order measured, as the figures take them. */
    static ImpedanceFigure.Spectrum figureSpectrum(List<ImpedancePoint> spectrum) {
        List<ImpedancePoint> measured = spectrum.stream().filter(ImpedancePoint::hasImpedance).toList();
        double[] f = new double[measured.size()];
        double[] re = new double[measured.size()];
        double[] im = new double[measured.size()];
        for (int i = 0; i < measured.size(); i++) {
            f[i] = measured.get(i).frequencyHz();
            re[i] = measured.get(i).realOhms();
            im[i] = measured.get(i).imaginaryOhms();
        }
        return new ImpedanceFigure.Spectrum(MEASURED, f, re, im);
    }

    /**
     * The Nyquist chart of a spectrum; before it has a point that sets a scale (none yet, or all at one place), an
     * empty chart with the same axes, titled, so the step panel says what it waits for.
     */
    static JFreeChart nyquist(String title, List<ImpedancePoint> spectrum) {
        return nyquist(title, spectrum, Optional.empty());
    }

    /** As {@link #nyquist(String, List)}, with a fitted circuit's curve drawn over the points. */
    static JFreeChart nyquist(String title, List<ImpedancePoint> spectrum, Optional<ImpedanceFigure.Spectrum> fit) {
        ImpedanceFigure.Spectrum measured = figureSpectrum(spectrum);
        if (!spansAScale(measured)) {
            return ChartLook.chart(title, ImpedanceFigure.REAL_AXIS, ImpedanceFigure.MINUS_IMAGINARY_AXIS,
                    new DefaultXYDataset(), new XYLineAndShapeRenderer(), false);
        }
        return ImpedanceFigure.nyquist(title, measured, fit);
    }

    /** Whether the points span some ohms (−Z'' measured from 0): an equal-axes plot needs a scale to draw at. */
    private static boolean spansAScale(ImpedanceFigure.Spectrum s) {
        double reLow = Double.POSITIVE_INFINITY;
        double reHigh = Double.NEGATIVE_INFINITY;
        double imLargest = 0;
        for (int i = 0; i < s.size(); i++) {
            reLow = Math.min(reLow, s.realOhms()[i]);
            reHigh = Math.max(reHigh, s.realOhms()[i]);
            imLargest = Math.max(imLargest, Math.abs(s.imaginaryOhms()[i]));
        }
        return s.size() > 0 && (reHigh > reLow || imLargest > 0);
    }

    /** The Bode chart of a stored spectrum. */
    static JFreeChart bode(String title, List<ImpedancePoint> spectrum) {
        ImpedanceFigure.Spectrum measured = figureSpectrum(spectrum);
        if (measured.size() == 0) {
            return ChartLook.chart(title, ImpedanceFigure.FREQUENCY_AXIS, ImpedanceFigure.MODULUS_AXIS,
                    new DefaultXYDataset(), new XYLineAndShapeRenderer(), false);
        }
        return ImpedanceFigure.bode(title, measured, Optional.empty());
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
