package org.norrlab.gui;

import org.apache.commons.math3.complex.Complex;
import org.norrlab.analysis.CircuitFit;
import org.norrlab.analysis.HighFrequencyIntercept;
import org.norrlab.core.ImpedancePoint;
import org.norrlab.core.UncompensatedResistance;
import org.norrlab.figures.ImpedanceFigure;
import org.norrlab.plan.PlannedStep;

import java.time.Instant;
import java.util.List;
import java.util.OptionalInt;

/**
 * R_u taken from one stored spectrum in the analysis view, by the analysis package's two methods: the high-frequency
 * intercept (refused when the spectrum never reaches the real axis) and the best-fitting Randles circuit, whose R_u
 * comes with a standard error. The operator's reason, if any, comes first in the note; the fit's summary (circuit,
 * every parameter ± its standard error, R_ct among them, and χ²) follows, so the store keeps what the value rests on.
 */
final class RuFromSpectrum {
    /** Points on the drawn fit curve, log-spaced over the measured frequencies. */
    static final int CURVE_POINTS = 200;

    /** A fitted R_u with the fit it came from (to draw and to state). */
    record Fitted(UncompensatedResistance ru, CircuitFit fit) {
    }

    private RuFromSpectrum() {
    }

    static UncompensatedResistance intercept(int step, List<ImpedancePoint> spectrum, double compensatedFraction,
                                             String reason, Instant now) {
        HighFrequencyIntercept intercept = HighFrequencyIntercept.of(spectrum);
        return new UncompensatedResistance(intercept.ohms(), Double.NaN, UncompensatedResistance.HIGH_FREQUENCY_INTERCEPT,
                OptionalInt.of(step), compensatedFraction, now, note(reason, "Z'' crosses 0 between "
                + PlannedStep.frequencyText(intercept.aboveFrequencyHz()) + " and "
                + PlannedStep.frequencyText(intercept.belowFrequencyHz())));
    }

    static Fitted fit(int step, List<ImpedancePoint> spectrum, double compensatedFraction, String reason, Instant now) {
        CircuitFit fit = CircuitFit.best(spectrum);
        UncompensatedResistance ru = new UncompensatedResistance(fit.ru().value(), fit.ru().standardError(),
                UncompensatedResistance.RANDLES_FIT, OptionalInt.of(step), compensatedFraction, now,
                note(reason, fit.summary()));
        return new Fitted(ru, fit);
    }

    private static String note(String reason, String how) {
        return reason == null || reason.isBlank() ? how : reason.trim() + "; " + how;
    }

    /** The fitted circuit's impedance over the measured frequencies, as the figures draw a fit. */
    static ImpedanceFigure.Spectrum curve(CircuitFit fit, List<ImpedancePoint> spectrum) {
        double highest = spectrum.stream().mapToDouble(ImpedancePoint::frequencyHz).max().orElse(1);
        double lowest = spectrum.stream().mapToDouble(ImpedancePoint::frequencyHz).min().orElse(1);
        double[] f = new double[CURVE_POINTS];
        double[] re = new double[CURVE_POINTS];
        double[] im = new double[CURVE_POINTS];
        for (int i = 0; i < CURVE_POINTS; i++) {
            f[i] = highest * Math.pow(lowest / highest, i / (CURVE_POINTS - 1.0));
            Complex z = fit.impedance(2 * Math.PI * f[i]);
            re[i] = z.getReal();
            im[i] = z.getImaginary();
        }
        return new ImpedanceFigure.Spectrum("fit " + fit.circuit().notation(), f, re, im);
    }
}
