package org.norrlab.analysis;

import org.apache.commons.math3.stat.descriptive.SummaryStatistics;
import org.apache.commons.math3.stat.regression.SimpleRegression;
import org.norrlab.core.BadInputException;

import java.util.List;

/**
 * Least-squares line absorbance = intercept + slope · concentration, with the figures a method
 * section reports. LOD = 3·σ/slope and LOQ = 10·σ/slope, with σ the standard deviation of blank
 * replicates when there are at least two, else the standard error of the intercept.
 */
public record CalibrationFit(double slope, double intercept, double slopeStandardError,
                             double interceptStandardError, double rSquared, double residualStandardDeviation,
                             int standards, double meanConcentration, double meanAbsorbance,
                             double sumSquaredDeviations, double minConcentration, double maxConcentration,
                             double sigmaBlank, SigmaSource sigmaSource, double lod, double loq) {

    public static final int MIN_STANDARDS = 4;
    public static final double MIN_R_SQUARED = 0.99;

    public enum SigmaSource {
        BLANK_REPLICATES("standard deviation of the blank replicates"),
        INTERCEPT_STANDARD_ERROR("standard error of the intercept (no blank replicates given)");

        private final String description;

        SigmaSource(String description) {
            this.description = description;
        }

        public String description() {
            return description;
        }
    }

    static CalibrationFit of(List<Standard> standards, List<Double> blanks) {
        SimpleRegression regression = new SimpleRegression(true);
        SummaryStatistics x = new SummaryStatistics();
        SummaryStatistics y = new SummaryStatistics();
        for (Standard standard : standards) {
            regression.addData(standard.concentration(), standard.absorbance());
            x.addValue(standard.concentration());
            y.addValue(standard.absorbance());
        }
        double slope = regression.getSlope();
        if (!(Math.abs(slope) > 0) || Double.isNaN(slope)) {
            throw new BadInputException("the standards give no slope: give standards of at least two different concentrations");
        }
        double interceptSe = regression.getInterceptStdErr();
        double sigma;
        SigmaSource source;
        if (blanks.size() >= 2) {
            SummaryStatistics b = new SummaryStatistics();
            blanks.forEach(b::addValue);
            sigma = b.getStandardDeviation();
            source = SigmaSource.BLANK_REPLICATES;
        } else {
            sigma = interceptSe;
            source = SigmaSource.INTERCEPT_STANDARD_ERROR;
        }
        return new CalibrationFit(slope, regression.getIntercept(), regression.getSlopeStdErr(), interceptSe,
                regression.getRSquare(), Math.sqrt(regression.getMeanSquareError()), standards.size(), x.getMean(),
                y.getMean(), regression.getXSumSquares(),
                x.getMin(), x.getMax(), sigma, source, 3 * sigma / slope, 10 * sigma / slope);
    }

    /** The acceptance rule: at least {@value #MIN_STANDARDS} standards and R² ≥ {@value #MIN_R_SQUARED}. */
    public boolean acceptable() {
        return standards >= MIN_STANDARDS && rSquared >= MIN_R_SQUARED;
    }

    public String acceptanceProblem() {
        if (standards < MIN_STANDARDS) {
            return "only " + standards + " standards (at least " + MIN_STANDARDS + " are required)";
        }
        if (rSquared < MIN_R_SQUARED) {
            return String.format(java.util.Locale.ROOT, "R² = %.4f is below %.2f", rSquared, MIN_R_SQUARED);
        }
        return "";
    }

    /**
     * Concentration of a sample read once, with the standard error of the inverse prediction
     * (s/b)·√(1 + 1/n + (A − Ā)² / (b²·Σ(x − x̄)²)).
     */
    public Measure concentrationFor(double absorbance) {
        double c = (absorbance - intercept) / slope;
        double n = standards;
        double sigma = residualStandardDeviation / Math.abs(slope) * Math.sqrt(1 + 1 / n
                + Math.pow(absorbance - meanAbsorbance, 2) / (slope * slope * sumSquaredDeviations));
        return new Measure(c, Double.isFinite(sigma) ? sigma : 0);
    }
}
