package org.norrlab.driver.sim;

import org.norrlab.core.CurrentRangeChoice;
import org.norrlab.core.SampleFlag;

import java.util.List;
import java.util.random.RandomGenerator;

/**
 * The instrument's current measurement: decade ranges, white noise proportional to full scale, an
 * ADC that quantises to full scale / 2^(bits−1), clipping with an overload flag, and auto-ranging
 * that reacts to the previous reading (so a sudden spike overloads once, as on real instruments).
 */
final class CurrentMeter {
    /** One reading: the current reported, the full scale it was read on and its flags. */
    record Reading(double amperes, double rangeAmperes, int flags) {
    }

    private final List<Double> ranges;
    private final double noiseFraction;
    private final double lsbFraction;
    private final RandomGenerator random;
    private int rangeIndex;
    private int previousIndex = -1;
    private boolean auto = true;

    CurrentMeter(List<Double> ranges, double noiseFraction, int adcBits, RandomGenerator random) {
        this.ranges = List.copyOf(ranges);
        this.noiseFraction = noiseFraction;
        this.lsbFraction = 1.0 / (1L << (adcBits - 1));
        this.random = random;
    }

    void configure(CurrentRangeChoice choice) {
        auto = choice.auto();
        if (!auto) {
            rangeIndex = ranges.size() - 1;
            for (int i = 0; i < ranges.size(); i++) {
                if (ranges.get(i) >= choice.fullScaleAmperes() * (1 - 1e-9)) {
                    rangeIndex = i;
                    break;
                }
            }
        }
    }

    Reading read(double trueAmperes) {
        double fullScale = ranges.get(rangeIndex);
        double noisy = trueAmperes + random.nextGaussian() * noiseFraction * fullScale;
        int flags = 0;
        double reported;
        if (Math.abs(noisy) > fullScale) {
            reported = Math.copySign(fullScale, noisy);
            flags |= SampleFlag.OVERLOAD.bit();
        } else {
            double lsb = fullScale * lsbFraction;
            reported = Math.rint(noisy / lsb) * lsb;
            if (Math.abs(noisy) > 0.95 * fullScale) {
                flags |= SampleFlag.OVERLOAD_WARNING.bit();
            }
            if (!auto && Math.abs(noisy) < 1e-3 * fullScale) {
                flags |= SampleFlag.UNDERLOAD.bit();
            }
        }
        if (previousIndex >= 0 && previousIndex != rangeIndex) {
            flags |= SampleFlag.RANGE_CHANGED.bit();
        }
        previousIndex = rangeIndex;
        if (auto) {
            rangeIndex = (flags & SampleFlag.OVERLOAD.bit()) != 0 ? ranges.size() - 1 : rangeFor(Math.abs(reported));
        }
        return new Reading(reported, fullScale, flags);
    }

    /** Smallest range that reads |I| below 90 % of full scale; one step down needs 80 %, so it does not flicker. */
    private int rangeFor(double magnitude) {
        int best = ranges.size() - 1;
        for (int i = ranges.size() - 1; i >= 0; i--) {
            double limit = (i < rangeIndex ? 0.8 : 0.9) * ranges.get(i);
            if (magnitude < limit) {
                best = i;
            }
        }
        return best;
    }
}
