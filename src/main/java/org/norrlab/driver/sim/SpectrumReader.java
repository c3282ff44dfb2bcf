package org.norrlab.driver.sim;

import org.apache.commons.math3.complex.Complex;
import org.norrlab.core.CurrentRangeChoice;
import org.norrlab.core.ImpedancePoint;
import org.norrlab.core.SampleFlag;

import java.util.List;
import java.util.random.RandomGenerator;

/**
 * How the simulated instrument reads one point of a spectrum: the true impedance plus seeded Gaussian scatter on Z'
 * and Z'', and the current range the AC and DC current need.
 *
 * <p>The scatter is relative, one sigma of {@code noise}·|Z| on each component above 1 Hz, as real instruments
 * measure a few tenths of a percent there; below 1 Hz it grows as √(1 + 1 Hz/f), up to five times that, because
 * fewer periods are averaged and the 1/f noise of the cell and the instrument dominates (the EmStat fixture's PSD,
 * norr-science-notes §5.5). With the default 0.2 %: 0.28 % at 1 Hz, 0.66 % at 0.1 Hz, 1 % at 0.01 Hz and below.
 */
final class SpectrumReader {
    /** Below this frequency the scatter grows. */
    static final double NOISE_CORNER_HZ = 1;
    /** The most the scatter grows at the lowest frequencies, times the base. */
    static final double MOST_NOISE_FACTOR = 5;
    /** Auto-ranging keeps the peak current below this share of full scale, as {@link CurrentMeter} does. */
    private static final double AUTO_RANGE_SHARE = 0.9;
    /** A fixed range reading less than this share of full scale is flagged UNDERLOAD, as {@link CurrentMeter} does. */
    private static final double UNDERLOAD_SHARE = 1e-3;

    private final List<Double> ranges;
    private final CurrentRangeChoice choice;
    private final double noise;
    private final RandomGenerator random;
    private int previousRange = -1;

    /**
     * @param ranges full scales of the instrument's current ranges, ascending
     * @param choice auto-ranging or one fixed range
     * @param noise  the base relative scatter (0: none)
     */
    SpectrumReader(List<Double> ranges, CurrentRangeChoice choice, double noise, RandomGenerator random) {
        this.ranges = List.copyOf(ranges);
        this.choice = choice;
        this.noise = noise;
        this.random = random;
    }

    /** One sigma of the relative scatter on Z' and Z'' at {@code hertz}, for a base scatter of {@code noise}. */
    static double relativeSigma(double noise, double hertz) {
        return noise * Math.min(MOST_NOISE_FACTOR, Math.sqrt(1 + NOISE_CORNER_HZ / hertz));
    }

    /**
     * The point at step time {@code timeSeconds}: {@code trueZ} with its scatter, the DC potential (vs RE) and current,
     * and the range that reads the peak current |I_dc| + √2·V_rms/|Z|.
     */
    ImpedancePoint read(double timeSeconds, double hertz, Complex trueZ, double amplitudeVoltsRms, double dcVoltsVsRe,
                        double dcAmperes) {
        double sigma = relativeSigma(noise, hertz) * trueZ.abs();
        double real = trueZ.getReal();
        double imaginary = trueZ.getImaginary();
        if (sigma > 0) {
            real += sigma * random.nextGaussian();
            imaginary += sigma * random.nextGaussian();
        }
        double peak = Math.abs(dcAmperes) + Math.sqrt(2) * amplitudeVoltsRms / trueZ.abs();
        int flags = 0;
        int range;
        if (choice.auto()) {
            range = -1;
            for (int i = 0; i < ranges.size() && range < 0; i++) {
                if (peak < AUTO_RANGE_SHARE * ranges.get(i)) {
                    range = i;
                }
            }
            if (range < 0) {
                range = ranges.size() - 1;
            }
        } else {
            range = CurrentMeter.fixedRange(ranges, choice.fullScaleAmperes());
            if (peak < UNDERLOAD_SHARE * ranges.get(range)) {
                flags |= SampleFlag.UNDERLOAD.bit();
            }
        }
        if (peak > ranges.get(range)) {
            flags |= SampleFlag.OVERLOAD.bit();
        }
        if (previousRange >= 0 && previousRange != range) {
            flags |= SampleFlag.RANGE_CHANGED.bit();
        }
        previousRange = range;
        return new ImpedancePoint(timeSeconds, hertz, real, imaginary, dcVoltsVsRe, dcAmperes, ranges.get(range), flags);
    }
}
