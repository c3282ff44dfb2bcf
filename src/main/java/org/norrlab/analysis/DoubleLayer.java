package org.norrlab.analysis;

import org.apache.commons.math3.stat.regression.SimpleRegression;
import org.norrlab.core.BadInputException;
import org.norrlab.core.Sample;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.TreeSet;

/**
 * Double-layer capacitance from CVs at several scan rates in a window without faradaic current: at one potential
 * each CV's anodic and cathodic branches differ by twice the charging current, Δj/2 = (j_anodic − j_cathodic)/2 =
 * C_dl·v, so C_dl (F/cm² of geometric area) is the least-squares slope of Δj/2 against the scan rate v. The line
 * has an intercept, as the textbook fit does, so a constant offset of both branches does not bias the slope; its
 * standard error is the slope's, s/√Sxx with s² = SSE/(n − 2).
 *
 * <p>ECSA = C_dl / C_s × geometric area, with C_s the specific capacitance of a flat surface of the material. The
 * default C_s = 40 µF/cm² is the general value McCrory et al. used for their benchmark of electrocatalysts
 * (J. Am. Chem. Soc. 135 (2013) 16977, 0.040 mF/cm² in 1 M NaOH; 0.035 mF/cm² in 1 M H2SO4), inside the 20–60 µF/cm²
 * of smooth electrodes; it is a convention, not a property of the catalyst, so the user can set another. C_s and the
 * area are taken as exact: ECSA's standard error is C_dl's, scaled.
 *
 * <p>Each CV contributes its last scan (the first can still carry the start-up transient), each branch interpolated
 * at the potential between the two samples that bracket it.
 *
 * @param voltsVsRhe           the potential Δj/2 was read at
 * @param points               one per CV, in the order given
 * @param faradsPerCm2         C_dl with its standard error
 * @param interceptAmperesPerCm2 the fitted line's Δj/2 at v = 0
 * @param rSquared             R² of the line
 * @param specificFaradsPerCm2 C_s used for the ECSA
 * @param ecsaCm2              ECSA with its standard error
 * @param roughness            C_dl / C_s: ECSA per geometric cm²
 */
public record DoubleLayer(double voltsVsRhe, List<Point> points, Measure faradsPerCm2, double interceptAmperesPerCm2,
                          double rSquared, double specificFaradsPerCm2, double electrodeAreaCm2, Measure ecsaCm2,
                          Measure roughness) {
    public static final int MIN_SCAN_RATES = 3;
    /** 40 µF/cm², see the class comment. */
    public static final double DEFAULT_SPECIFIC_FARADS_PER_CM2 = 40e-6;

    /** One CV: its scan rate, both branches at the potential, and half their difference (A/cm²). */
    public record Point(String cv, ScanRate scanRate, double anodicAmperesPerCm2, double cathodicAmperesPerCm2) {
        public double halfDifference() {
            return (anodicAmperesPerCm2 - cathodicAmperesPerCm2) / 2;
        }
    }

    public DoubleLayer {
        points = List.copyOf(points);
    }

    /**
     * @param at                   the potential vs RHE; empty: the middle of the window all the CVs cover
     * @param specificFaradsPerCm2 C_s, e.g. {@link #DEFAULT_SPECIFIC_FARADS_PER_CM2}
     */
    public static DoubleLayer fit(List<Voltammogram> cvs, OptionalDouble at, double specificFaradsPerCm2) {
        if (!(specificFaradsPerCm2 > 0) || Double.isInfinite(specificFaradsPerCm2)) {
            throw new BadInputException("the specific capacitance must be positive, e.g. 40 µF/cm2; was "
                    + specificFaradsPerCm2 * 1e6 + " µF/cm²");
        }
        List<ScanRate> rates = cvs.stream().map(ScanRate::of).toList();
        TreeSet<Double> distinct = new TreeSet<>();
        rates.forEach(r -> distinct.add(r.voltsPerSecond()));
        if (distinct.size() < MIN_SCAN_RATES) {
            throw new BadInputException(String.format(Locale.ROOT, "C_dl needs CVs at %d or more scan rates for a slope"
                            + " and its standard error; %s", MIN_SCAN_RATES,
                    distinct.isEmpty() ? "there is no CV" : "the CVs have " + distinct.size() + " ("
                            + String.join(", ", distinct.stream().map(v -> SignificantFigures.of(v * 1e3, 4) + " mV/s")
                            .toList()) + ")"));
        }
        double area = cvs.get(0).electrodeAreaCm2();
        for (Voltammogram cv : cvs) {
            if (cv.electrodeAreaCm2() != area) {
                throw new BadInputException("the CVs of one C_dl series must share an electrode area; " + cv.describe()
                        + " has " + cv.electrodeAreaCm2() + " cm², " + cvs.get(0).describe() + " " + area + " cm²");
            }
        }
        List<Branches> branches = cvs.stream().map(DoubleLayer::branches).toList();
        double potential = at.isPresent() ? at.getAsDouble() : middleOfWindow(branches);
        List<Point> points = new ArrayList<>();
        SimpleRegression line = new SimpleRegression(true);
        for (int k = 0; k < cvs.size(); k++) {
            Branches b = branches.get(k);
            double anodic = b.anodic.at(potential);
            double cathodic = b.cathodic.at(potential);
            if (Double.isNaN(anodic) || Double.isNaN(cathodic)) {
                throw new BadInputException(String.format(Locale.ROOT, "%s does not reach %.3f V vs RHE on both branches"
                                + " of its last scan (anodic %.3f … %.3f V, cathodic %.3f … %.3f V); choose a potential"
                                + " inside every CV's window", b.cv.describe(), potential, b.anodic.lowest(),
                        b.anodic.highest(), b.cathodic.lowest(), b.cathodic.highest()));
            }
            Point point = new Point(b.cv.describe(), rates.get(k), anodic, cathodic);
            points.add(point);
            line.addData(point.scanRate().voltsPerSecond(), point.halfDifference());
        }
        Measure cdl = new Measure(line.getSlope(), line.getSlopeStdErr());
        return new DoubleLayer(potential, points, cdl, line.getIntercept(), line.getRSquare(), specificFaradsPerCm2,
                area, cdl.times(area / specificFaradsPerCm2), cdl.times(1 / specificFaradsPerCm2));
    }

    /** "C_dl = 1.23 ± 0.02 mF/cm² (R² 0.9998, 5 scan rates at 0.200 V vs RHE)". */
    public String describe() {
        return String.format(Locale.ROOT, "C_dl = %.4g ± %.2g mF/cm² (slope of Δj/2 against scan rate at %.3f V vs RHE,"
                        + " %d CVs, R² %.5f); ECSA = %.4g ± %.2g cm² (C_s %.4g µF/cm², geometric %.4g cm², roughness %.4g)",
                faradsPerCm2.value() * 1e3, faradsPerCm2.sigma() * 1e3, voltsVsRhe, points.size(), rSquared,
                ecsaCm2.value(), ecsaCm2.sigma(), specificFaradsPerCm2 * 1e6, electrodeAreaCm2, roughness.value());
    }

    private record Branches(Voltammogram cv, Curve anodic, Curve cathodic) {
    }

    /** The last scan's parts, sorted by the way each runs into the anodic and the cathodic branch. */
    private static Branches branches(Voltammogram cv) {
        List<Integer> cycles = cv.cycles();
        if (cycles.isEmpty()) {
            throw new BadInputException(cv.describe() + " has no sample with a current");
        }
        List<Double> anodicE = new ArrayList<>();
        List<Double> anodicJ = new ArrayList<>();
        List<Double> cathodicE = new ArrayList<>();
        List<Double> cathodicJ = new ArrayList<>();
        for (List<Sample> part : cv.parts(cycles.get(cycles.size() - 1))) {
            if (part.size() < 2) {
                continue;
            }
            ScanRate.requireLinear(cv, part);
            double slope = ScanRate.slope(part);
            List<Double> e = slope > 0 ? anodicE : cathodicE;
            List<Double> j = slope > 0 ? anodicJ : cathodicJ;
            for (Sample s : part) {
                e.add(cv.voltsVsRhe(s));
                j.add(cv.amperesPerCm2(s));
            }
        }
        return new Branches(cv, curve(anodicE, anodicJ), curve(cathodicE, cathodicJ));
    }

    private static Curve curve(List<Double> e, List<Double> j) {
        return Curve.of(e.stream().mapToDouble(Double::doubleValue).toArray(),
                j.stream().mapToDouble(Double::doubleValue).toArray());
    }

    /** The middle of the potentials every CV covers on both branches. */
    private static double middleOfWindow(List<Branches> branches) {
        double low = Double.NEGATIVE_INFINITY;
        double high = Double.POSITIVE_INFINITY;
        for (Branches b : branches) {
            low = Math.max(low, Math.max(b.anodic.lowest(), b.cathodic.lowest()));
            high = Math.min(high, Math.min(b.anodic.highest(), b.cathodic.highest()));
        }
        if (!(high > low)) {
            throw new BadInputException("the CVs' windows have no potential in common on both branches of their last"
                    + " scans, so there is no potential to read Δj/2 at");
        }
        return (low + high) / 2;
    }
}
