package org.norrlab.analysis;

import org.norrlab.core.BadInputException;
import org.norrlab.core.ImpedancePoint;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * R_u read where the spectrum meets the real axis at its high-frequency end: Z' where Z'' crosses zero, linearly
 * interpolated in Z'' between the two points that bracket the crossing. Above the crossing a real cell shows the
 * leads' inductance (Z'' > 0), below it the double layer (Z'' < 0). A spectrum whose highest frequency is still
 * capacitive never reached the axis, and extrapolating the arc would be a guess: it is refused.
 *
 * @param ohms              Z' at Z'' = 0
 * @param aboveFrequencyHz  the bracketing point at the higher frequency (Z'' >= 0)
 * @param belowFrequencyHz  the bracketing point at the lower frequency (Z'' < 0); equal to the other when a point
 *                          lies exactly on the axis
 * @param leftOut           points flagged NO_IMPEDANCE that were not used
 */
public record HighFrequencyIntercept(double ohms, double aboveFrequencyHz, double belowFrequencyHz, int leftOut) {

    /** The intercept, or a refusal that says why the spectrum does not give one. */
    public static HighFrequencyIntercept of(List<ImpedancePoint> spectrum) {
        UsableSpectrum usable = UsableSpectrum.of(spectrum, 1, "the high-frequency intercept");
        ImpedancePoint highest = usable.points().get(0);
        return crossing(usable).orElseThrow(() -> new BadInputException(highest.imaginaryOhms() < 0
                ? String.format(Locale.ROOT, "no high-frequency intercept: the highest frequency (%s Hz) still shows a"
                        + " capacitive Z'' (%.4g ohm at Z' = %.4g ohm); measure to higher frequency or use the fit",
                number(highest.frequencyHz()), highest.imaginaryOhms(), highest.realOhms())
                : String.format(Locale.ROOT, "no high-frequency intercept: Z'' stays >= 0 (inductive) down to the"
                        + " lowest frequency, %s Hz; the spectrum shows no capacitive part to cross into",
                number(usable.lowestFrequencyHz()))));
    }

    /** The intercept when the spectrum gives one; empty where {@link #of} would refuse. */
    public static Optional<HighFrequencyIntercept> find(List<ImpedancePoint> spectrum) {
        if (spectrum.stream().noneMatch(ImpedancePoint::hasImpedance)) {
            return Optional.empty();
        }
        return crossing(UsableSpectrum.of(spectrum, 1, "the high-frequency intercept"));
    }

    private static Optional<HighFrequencyIntercept> crossing(UsableSpectrum usable) {
        List<ImpedancePoint> points = usable.points();
        if (points.get(0).imaginaryOhms() < 0) {
            return Optional.empty();
        }
        for (int i = 0; i < points.size(); i++) {
            ImpedancePoint above = points.get(i);
            if (above.imaginaryOhms() == 0) {
                return Optional.of(new HighFrequencyIntercept(above.realOhms(), above.frequencyHz(),
                        above.frequencyHz(), usable.leftOut()));
            }
            if (i + 1 < points.size() && points.get(i + 1).imaginaryOhms() < 0) {
                ImpedancePoint below = points.get(i + 1);
                // Z' at Z'' = 0 on the straight line through the two points.
                double share = above.imaginaryOhms() / (above.imaginaryOhms() - below.imaginaryOhms());
                double ohms = above.realOhms() + share * (below.realOhms() - above.realOhms());
                return Optional.of(new HighFrequencyIntercept(ohms, above.frequencyHz(), below.frequencyHz(),
                        usable.leftOut()));
            }
        }
        return Optional.empty();
    }

    static String number(double value) {
        return String.format(Locale.ROOT, "%.4g", value);
    }
}
