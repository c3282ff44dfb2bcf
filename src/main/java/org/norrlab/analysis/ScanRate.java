package org.norrlab.analysis;

import org.apache.commons.math3.stat.regression.SimpleRegression;
import org.norrlab.core.BadInputException;
import org.norrlab.core.Sample;

import java.util.List;
import java.util.Locale;

/**
 * The scan rate of a sweep: the one the protocol or the file stated, or, where neither gave one (an imported file
 * that does not say), |dE/dt| measured from the data by least squares over each linear part (segment) and averaged
 * weighted by the parts' sample counts. Never assumed: a sweep whose rate is unknown and cannot be measured is refused.
 *
 * @param measured whether it was measured from the data rather than stated
 */
public record ScanRate(double voltsPerSecond, boolean measured) {
    /** Fewer points than this cannot show a slope and its scatter. */
    static final int MIN_POINTS_PER_PART = 3;
    /**
     * A linear part's E(t) is a line; one that is not (R² below this) holds a turn, e.g. a whole CV whose file did not
     * mark its segments, and its fitted slope would be a silently wrong scan rate.
     */
    static final double MIN_LINEARITY = 0.99;

    public ScanRate {
        if (!(voltsPerSecond > 0) || Double.isInfinite(voltsPerSecond)) {
            throw new IllegalArgumentException("a scan rate must be positive and finite, was " + voltsPerSecond + " V/s");
        }
    }

    public static ScanRate of(Voltammogram sweep) {
        if (!Double.isNaN(sweep.statedScanRate())) {
            return new ScanRate(sweep.statedScanRate(), false);
        }
        double weighted = 0;
        int points = 0;
        for (int cycle : sweep.cycles()) {
            for (List<Sample> part : sweep.parts(cycle)) {
                if (part.size() >= MIN_POINTS_PER_PART) {
                    requireLinear(sweep, part);
                    double rate = Math.abs(slope(part));
                    if (Double.isFinite(rate)) {
                        weighted += rate * part.size();
                        points += part.size();
                    }
                }
            }
        }
        double rate = points == 0 ? Double.NaN : weighted / points;
        if (!(rate > 0) || Double.isInfinite(rate)) {
            throw new BadInputException(sweep.describe() + " states no scan rate and its data cannot show one (no linear"
                    + " part with " + MIN_POINTS_PER_PART + " or more samples whose potential changes in time); its"
                    + " scan rate is unknown, so it cannot be analysed");
        }
        return new ScanRate(rate, true);
    }

    /** Refuses a part whose potential does not run one way in a line: its segments are not marked. */
    static void requireLinear(Voltammogram sweep, List<Sample> part) {
        SimpleRegression fit = new SimpleRegression(true);
        part.forEach(s -> fit.addData(s.timeSeconds(), s.potentialVolts()));
        double r2 = fit.getRSquare();
        if (Double.isFinite(r2) && r2 < MIN_LINEARITY) {
            throw new BadInputException(String.format(Locale.ROOT, "%s: the potential of cycle %d, segment %d does not"
                            + " run one way (R² of E against t %.3f): its samples are not split into the sweep's linear"
                            + " parts, so its scan rate and branches cannot be read", sweep.describe(), part.get(0).cycle(),
                    part.get(0).segment(), r2));
        }
    }

    /** dE/dt (V/s) of a part by least squares; NaN when its times do not spread. */
    static double slope(List<Sample> part) {
        SimpleRegression fit = new SimpleRegression(true);
        part.forEach(s -> fit.addData(s.timeSeconds(), s.potentialVolts()));
        return fit.getSlope();
    }

    /** "20 mV/s" or "20.3 mV/s (measured from the data)". */
    public String describe() {
        return SignificantFigures.of(voltsPerSecond * 1e3, 4) + (measured ? " mV/s (measured from the data, dE/dt)" : " mV/s");
    }
}
