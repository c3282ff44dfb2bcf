package org.norrlab.analysis;

import org.norrlab.core.BadInputException;
import org.norrlab.core.Sample;

import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;

/**
 * The onset potential of a cathodic sweep: the most positive potential at which the cathodic current density
 * reaches a chosen threshold |j|, read between the two samples that bracket it by linear interpolation. A sweep whose
 * current never reaches the threshold, or is already past it where the sweep starts, has no onset within the sweep,
 * and says so: an onset outside the measured range would be an extrapolation.
 *
 * @param thresholdAmperesPerCm2 |j| of the definition, A/cm² (positive; the current it compares is cathodic negative)
 * @param voltsVsRhe             the onset, empty when there is none within the sweep
 * @param explanation            how it was found, or why there is none
 */
public record Onset(double thresholdAmperesPerCm2, OptionalDouble voltsVsRhe, String explanation) {

    public boolean found() {
        return voltsVsRhe.isPresent();
    }

    /** The onset of an LSV (its last scan if it has several), potentials on the RHE scale, j from the electrode area. */
    public static Onset of(Voltammogram lsv, double thresholdAmperesPerCm2) {
        List<Integer> cycles = lsv.cycles();
        if (cycles.isEmpty()) {
            throw new BadInputException(lsv.describe() + " has no sample with a current, so it has no onset");
        }
        List<Sample> scan = lsv.cycle(cycles.get(cycles.size() - 1));
        return of(lsv.voltsVsRhe(scan), lsv.amperesPerCm2(scan), thresholdAmperesPerCm2);
    }

    /**
     * The onset of a curve given in scan order: potentials (V vs RHE) and current densities (A/cm², cathodic negative).
     * The curve is read from its positive end towards its negative end, whichever way it was scanned.
     */
    public static Onset of(double[] voltsVsRhe, double[] amperesPerCm2, double thresholdAmperesPerCm2) {
        if (!(thresholdAmperesPerCm2 > 0) || Double.isInfinite(thresholdAmperesPerCm2)) {
            throw new BadInputException("the onset's current density must be a positive |j|, e.g. 1 mA/cm2; was "
                    + thresholdAmperesPerCm2 * 1e3 + " mA/cm²");
        }
        int n = voltsVsRhe.length;
        if (n != amperesPerCm2.length || n < 2) {
            throw new BadInputException("an onset needs a sweep of at least two points, had " + n);
        }
        // Read from the positive end: for a sweep scanned anodically that is its end.
        boolean anodic = voltsVsRhe[n - 1] > voltsVsRhe[0];
        double limit = -thresholdAmperesPerCm2;
        String threshold = SignificantFigures.of(thresholdAmperesPerCm2 * 1e3, 4) + " mA/cm²";
        int first = anodic ? n - 1 : 0;
        if (amperesPerCm2[first] <= limit) {
            return new Onset(thresholdAmperesPerCm2, OptionalDouble.empty(), String.format(Locale.ROOT,
                    "no onset within the sweep: the cathodic current density is already %s mA/cm² (past %s) at its most"
                            + " positive end, %.3f V vs RHE; the onset lies positive of the sweep",
                    SignificantFigures.of(amperesPerCm2[first] * 1e3, 4), threshold, voltsVsRhe[first]));
        }
        int largest = first;
        for (int k = 1; k < n; k++) {
            int i = anodic ? n - 1 - k : k;
            int previous = anodic ? i + 1 : i - 1;
            if (amperesPerCm2[i] < amperesPerCm2[largest]) {
                largest = i;
            }
            if (amperesPerCm2[i] <= limit) {
                double e0 = voltsVsRhe[previous];
                double j0 = amperesPerCm2[previous];
                double e1 = voltsVsRhe[i];
                double j1 = amperesPerCm2[i];
                double onset = e0 + (limit - j0) * (e1 - e0) / (j1 - j0);
                return new Onset(thresholdAmperesPerCm2, OptionalDouble.of(onset), String.format(Locale.ROOT,
                        "j reaches −%s between %.4f V (%s mA/cm²) and %.4f V (%s mA/cm²) vs RHE, interpolated linearly",
                        threshold, e0, SignificantFigures.of(j0 * 1e3, 4), e1, SignificantFigures.of(j1 * 1e3, 4)));
            }
        }
        return new Onset(thresholdAmperesPerCm2, OptionalDouble.empty(), String.format(Locale.ROOT,
                "no onset within the sweep: the cathodic current density never reaches %s (largest %s mA/cm² at %.3f V"
                        + " vs RHE)", threshold, SignificantFigures.of(amperesPerCm2[largest] * 1e3, 4), voltsVsRhe[largest]));
    }

    /** "−0.123 V vs RHE" or the reason there is none. */
    public String describe() {
        return voltsVsRhe.isPresent() ? String.format(Locale.ROOT, "%.3f V vs RHE", voltsVsRhe.getAsDouble()) : explanation;
    }
}
