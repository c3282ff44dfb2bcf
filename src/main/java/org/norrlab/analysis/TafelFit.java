package org.norrlab.analysis;

import org.apache.commons.math3.stat.regression.SimpleRegression;
import org.norrlab.core.BadInputException;

import java.util.List;
import java.util.Locale;

/**
 * A Tafel slope: the straight line E = a + b·log10|I| through the points whose (iR-corrected) potential lies in a
 * window, with b in mV per decade, its standard error and R². The potentials must already be iR-corrected: over a
 * decade of current the iR drop grows tenfold and bends the line, which is why the fit takes corrected points only.
 * For a cathodic reaction b is negative (E falls as |I| grows); the usual "120 mV/dec" is its magnitude.
 *
 * @param slopeMillivoltsPerDecade b, dE/dlog10|I| in mV/dec
 * @param standardErrorMillivoltsPerDecade its standard error
 * @param interceptVolts           a, the potential where |I| would be 1 A
 * @param rSquared                 the fit's R²
 * @param pointsUsed               points inside the window
 * @param fromVolts                the window's lower end (as given, same scale as the points)
 * @param toVolts                  the window's upper end
 * @param source                   where the points came from, e.g. "LSV step 3" or "CA steps 2–6 (steady currents)"
 */
public record TafelFit(double slopeMillivoltsPerDecade, double standardErrorMillivoltsPerDecade, double interceptVolts,
                       double rSquared, int pointsUsed, double fromVolts, double toVolts, String source) {

    /** One point of a Tafel plot: an iR-corrected potential and its current. */
    public record Point(double correctedVolts, double currentAmperes) {
    }

    /** Fits the points inside [from, to]; refused with fewer than 3, or with currents of both signs there. */
    public static TafelFit fit(List<Point> points, double fromVolts, double toVolts, String source) {
        double low = Math.min(fromVolts, toVolts);
        double high = Math.max(fromVolts, toVolts);
        List<Point> inside = points.stream()
                .filter(p -> p.correctedVolts() >= low && p.correctedVolts() <= high && p.currentAmperes() != 0
                        && Double.isFinite(p.currentAmperes()))
                .toList();
        String window = String.format(Locale.ROOT, "%.3f..%.3f V", low, high);
        if (inside.size() < 3) {
            throw new BadInputException("a Tafel slope needs at least 3 points with a current in the window " + window
                    + " (iR-corrected); " + source + " has " + inside.size() + " there");
        }
        long cathodic = inside.stream().filter(p -> p.currentAmperes() < 0).count();
        if (cathodic != 0 && cathodic != inside.size()) {
            throw new BadInputException("the Tafel window " + window + " holds " + cathodic + " cathodic and "
                    + (inside.size() - cathodic) + " anodic currents in " + source + ": the current changes sign"
                    + " there, so log|I| is not a Tafel line; choose a window away from the onset");
        }
        SimpleRegression regression = new SimpleRegression(true);
        inside.forEach(p -> regression.addData(Math.log10(Math.abs(p.currentAmperes())), p.correctedVolts()));
        return new TafelFit(1000 * regression.getSlope(), 1000 * regression.getSlopeStdErr(), regression.getIntercept(),
                regression.getRSquare(), inside.size(), low, high, source);
    }

    /** E.g. {@code Tafel slope -119.8 ± 0.4 mV/dec (R² 0.99990, 25 points, -0.300..-0.100 V, LSV step 3)}. */
    public String summary() {
        return String.format(Locale.ROOT, "Tafel slope %.1f ± %.1f mV/dec (R² %.5f, %d points in %.3f..%.3f V vs RHE"
                        + " iR-corrected, from %s; total current: NORR and HER together, not NH3's partial current)",
                slopeMillivoltsPerDecade, standardErrorMillivoltsPerDecade, rSquared,
                pointsUsed, fromVolts, toVolts, source);
    }
}
