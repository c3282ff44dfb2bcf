package org.norrlab.analysis;

import org.norrlab.core.BadInputException;
import org.norrlab.core.Sample;

import java.util.List;
import java.util.Locale;

/**
 * LSV(NO) − LSV(Ar): the NO-reduction current with the double-layer charging and the hydrogen evolution of the same
 * electrode taken away. Both sweeps are interpolated linearly onto one potential grid (vs RHE) over the range both
 * cover, no wider, with the spacing of the coarser sweep so the difference claims no finer resolution than its data.
 * Sweeps scanned in opposite directions or at different scan rates are refused: their capacitive currents (C_dl·v,
 * signed by the direction) do not cancel, and the difference would carry them as if they were NO reduction.
 *
 * @param voltsVsRhe     the grid, in the sweeps' scan direction
 * @param underNo        j of the NO sweep on the grid, A/cm² (cathodic negative)
 * @param underAr        j of the Ar sweep on the grid
 * @param difference     {@code underNo − underAr}
 * @param gridStepVolts  the grid's spacing
 * @param scanRate       the common scan rate
 */
public record SweepDifference(String noSweep, String arSweep, double[] voltsVsRhe, double[] underNo, double[] underAr,
                              double[] difference, double gridStepVolts, ScanRate scanRate) {

    /** Scan rates further apart than this (relative) are different rates; measured ones scatter by less. */
    static final double SAME_RATE = 0.02;

    public static SweepDifference of(Voltammogram underNo, Voltammogram underAr) {
        ScanRate noRate = ScanRate.of(underNo);
        ScanRate arRate = ScanRate.of(underAr);
        if (Math.abs(noRate.voltsPerSecond() - arRate.voltsPerSecond())
                > SAME_RATE * Math.max(noRate.voltsPerSecond(), arRate.voltsPerSecond())) {
            throw new BadInputException(String.format(Locale.ROOT, "cannot subtract %s from %s: they were scanned at"
                            + " different rates (%s and %s) and the charging current C_dl·v differs with the rate; run both"
                            + " LSVs at one scan rate", underAr.describe(), underNo.describe(), arRate.describe(),
                    noRate.describe()));
        }
        List<Sample> no = lastScan(underNo);
        List<Sample> ar = lastScan(underAr);
        double[] noE = underNo.voltsVsRhe(no);
        double[] arE = underAr.voltsVsRhe(ar);
        int noDirection = direction(noE);
        int arDirection = direction(arE);
        if (noDirection != arDirection || noDirection == 0) {
            throw new BadInputException("cannot subtract " + underAr.describe() + " from " + underNo.describe() + ": "
                    + underAr.describe() + " scans " + directionText(arE) + " and " + underNo.describe() + " "
                    + directionText(noE) + "; the charging current changes sign with the direction, so the difference"
                    + " would hold it twice; run both LSVs in the same direction");
        }
        Curve noCurve = Curve.of(noE, underNo.amperesPerCm2(no));
        Curve arCurve = Curve.of(arE, underAr.amperesPerCm2(ar));
        double low = Math.max(noCurve.lowest(), arCurve.lowest());
        double high = Math.min(noCurve.highest(), arCurve.highest());
        double step = Math.max(spacing(noE), spacing(arE));
        if (!(high - low >= step)) {
            throw new BadInputException(String.format(Locale.ROOT, "cannot subtract %s from %s: their potentials do not"
                            + " overlap (%.3f … %.3f V and %.3f … %.3f V vs RHE)", underAr.describe(), underNo.describe(),
                    arCurve.lowest(), arCurve.highest(), noCurve.lowest(), noCurve.highest()));
        }
        // A grid point a rounding error past the overlap's end still belongs to it.
        int points = (int) Math.floor((high - low) / step + 1e-9) + 1;
        double[] grid = new double[points];
        double[] j1 = new double[points];
        double[] j2 = new double[points];
        double[] dj = new double[points];
        for (int k = 0; k < points; k++) {
            // Grid from the end the sweeps start at, so the arrays read in scan order.
            double e = noDirection < 0 ? high - k * step : low + k * step;
            e = Math.min(high, Math.max(low, e));
            grid[k] = e;
            j1[k] = noCurve.at(e);
            j2[k] = arCurve.at(e);
            dj[k] = j1[k] - j2[k];
        }
        return new SweepDifference(underNo.describe(), underAr.describe(), grid, j1, j2, dj, step, noRate);
    }

    /** The index of the most cathodic (most negative) difference. */
    public int mostCathodic() {
        int best = 0;
        for (int k = 1; k < difference.length; k++) {
            if (difference[k] < difference[best]) {
                best = k;
            }
        }
        return best;
    }

    /** One line: range, grid, and the largest NO-reduction current density. */
    public String summary() {
        int k = mostCathodic();
        return String.format(Locale.ROOT, "Δj = j(NO) − j(Ar), %s − %s, at %s over %.3f … %.3f V vs RHE (the range both"
                        + " cover), %d points %.1f mV apart; most cathodic Δj %s mA/cm² at %.3f V vs RHE",
                noSweep, arSweep, scanRate.describe(), Math.min(voltsVsRhe[0], voltsVsRhe[voltsVsRhe.length - 1]),
                Math.max(voltsVsRhe[0], voltsVsRhe[voltsVsRhe.length - 1]),
                voltsVsRhe.length, gridStepVolts * 1e3, SignificantFigures.of(difference[k] * 1e3, 4), voltsVsRhe[k]);
    }

    private static List<Sample> lastScan(Voltammogram sweep) {
        List<Integer> cycles = sweep.cycles();
        if (cycles.isEmpty()) {
            throw new BadInputException(sweep.describe() + " has no sample with a current");
        }
        return sweep.cycle(cycles.get(cycles.size() - 1));
    }

    private static int direction(double[] volts) {
        double change = volts[volts.length - 1] - volts[0];
        return change > 0 ? 1 : change < 0 ? -1 : 0;
    }

    private static String directionText(double[] volts) {
        return String.format(Locale.ROOT, "%s (%.3f → %.3f V vs RHE)",
                direction(volts) < 0 ? "cathodic" : direction(volts) > 0 ? "anodic" : "nowhere", volts[0],
                volts[volts.length - 1]);
    }

    /** The mean potential spacing between samples. */
    private static double spacing(double[] volts) {
        return Math.abs(volts[volts.length - 1] - volts[0]) / Math.max(1, volts.length - 1);
    }
}
