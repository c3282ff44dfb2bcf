package org.norrlab.gui;

import org.norrlab.core.BadInputException;
import org.norrlab.core.ImpedancePoint;
import org.norrlab.core.UncompensatedResistance;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;

/** R_u taken from one stored spectrum in the analysis view. */
final class RuFromSpectrum {
    private RuFromSpectrum() {
    }

    /**
     * The high-frequency intercept of the spectrum of step {@code step}: Z' where Z'' crosses 0 between two
     * neighbouring frequencies (interpolated linearly), else where the line through the two highest frequencies meets
     * Z'' = 0. Refuses a spectrum with fewer than two measured points or whose high end points away from the axis.
     */
    static UncompensatedResistance intercept(int step, List<ImpedancePoint> spectrum, double compensatedFraction,
                                             String note, Instant now) {
        List<ImpedancePoint> points = new ArrayList<>();
        spectrum.stream().filter(ImpedancePoint::hasImpedance).forEach(points::add);
        points.sort(Comparator.comparingDouble(ImpedancePoint::frequencyHz).reversed());
        if (points.size() < 2) {
            throw new BadInputException("the spectrum of step " + step + " has " + points.size()
                    + " measured point(s); the high-frequency intercept needs at least two");
        }
        for (int i = 0; i + 1 < points.size(); i++) {
            ImpedancePoint a = points.get(i);
            ImpedancePoint b = points.get(i + 1);
            if (a.imaginaryOhms() >= 0 && b.imaginaryOhms() < 0) {
                return record(step, between(a, b), compensatedFraction, note, now);
            }
        }
        ImpedancePoint a = points.get(0);
        ImpedancePoint b = points.get(1);
        double ohms = between(a, b);
        if (!(b.imaginaryOhms() < a.imaginaryOhms()) || !(ohms >= 0) || ohms > a.realOhms()) {
            throw new BadInputException(String.format(Locale.ROOT, "the spectrum of step %d does not approach Z'' = 0"
                    + " at its highest frequencies (%s: %.4g %+.4gj Ω, %s: %.4g %+.4gj Ω): no intercept to read; type"
                    + " R_u instead", step, a.frequencyHz() + " Hz", a.realOhms(), a.imaginaryOhms(),
                    b.frequencyHz() + " Hz", b.realOhms(), b.imaginaryOhms()));
        }
        return record(step, ohms, compensatedFraction, note, now);
    }

    /** Z' where the line through a and b has Z'' = 0. */
    private static double between(ImpedancePoint a, ImpedancePoint b) {
        double t = a.imaginaryOhms() / (a.imaginaryOhms() - b.imaginaryOhms());
        return a.realOhms() + t * (b.realOhms() - a.realOhms());
    }

    private static UncompensatedResistance record(int step, double ohms, double c, String note, Instant now) {
        return new UncompensatedResistance(ohms, Double.NaN, UncompensatedResistance.HIGH_FREQUENCY_INTERCEPT,
                OptionalInt.of(step), c, now, note);
    }
}
