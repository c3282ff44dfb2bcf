package org.norrlab.driver.sim;

import org.norrlab.core.CurrentRangeChoice;
import org.norrlab.core.SampleFlag;

import java.util.List;
import java.util.random.RandomGenerator;

/**
 * The instrument's current measurement: decade ranges, white noise proportional to full scale, an
 * ADC that quantises to full scale / 2^(bits−1), clipping with an overload flag, and auto-ranging.
 * <p>
 * The meter integrates the current over each sample interval ({@link #pass}) and reports the mean
 * ({@link #read}). Auto-ranging proceeds with instrument time, not with the number of samples
 * reported, as on a real instrument, which measures all the time and only reports every interval: the
 * meter decides on its range after every reading and, between readings, every {@link #RANGING_SECONDS}
 * of instrument time. A range switch restarts the integration, so a reading is the mean since the
 * meter's last switch, measured on one range. At short intervals (below the ranging period) the
 * range follows the previous reading, so the charging spike of a step overloads the first sample, as
 * on real instruments; at long intervals the meter has found its range long before the sample is due.
 */
final class CurrentMeter {
    /**
     * How often the meter re-decides its range between readings: the time a current follower takes to
     * settle after a range switch on the low ranges, a few hundred ms. It is longer than the demo's
     * 100 ms interval, so there ranging follows the readings.
     */
    static final double RANGING_SECONDS = 0.25;
    /** Closer than this to the end of an interval, a ranging decision is the reading's own (rounding of sub-steps). */
    private static final double END_OF_INTERVAL_SECONDS = 1e-9;

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
    private double coulombs;
    private double integratedSeconds;
    private boolean restarted;
    private double sinceDecisionSeconds;

    CurrentMeter(List<Double> ranges, double noiseFraction, int adcBits, RandomGenerator random) {
        this.ranges = List.copyOf(ranges);
        this.noiseFraction = noiseFraction;
        this.lsbFraction = 1.0 / (1L << (adcBits - 1));
        this.random = random;
    }

    void configure(CurrentRangeChoice choice) {
        auto = choice.auto();
        if (!auto) {
            rangeIndex = fixedRange(ranges, choice.fullScaleAmperes());
        }
    }

    /** The range a fixed choice of {@code fullScaleAmperes} holds: the smallest that reaches it, else the largest. */
    static int fixedRange(List<Double> ranges, double fullScaleAmperes) {
        for (int i = 0; i < ranges.size(); i++) {
            if (ranges.get(i) >= fullScaleAmperes * (1 - 1e-9)) {
                return i;
            }
        }
        return ranges.size() - 1;
    }

    /** The next {@code seconds} of the interval pass with {@code coulombs} through the cell. */
    void pass(double coulombs, double seconds) {
        if (!auto) {
            this.coulombs += coulombs;
            integratedSeconds += seconds;
            return;
        }
        double magnitude = Math.abs(coulombs / seconds);
        double done = 0;
        // A decision that would fall at the very end of the interval is left to read(), which decides after every
        // reading: deciding here would restart the integration with nothing left to integrate (0 s, a NaN mean).
        while (sinceDecisionSeconds + (seconds - done) > RANGING_SECONDS + END_OF_INTERVAL_SECONDS) {
            double before = RANGING_SECONDS - sinceDecisionSeconds;
            integrate(coulombs, seconds, done, before);
            done += before;
            sinceDecisionSeconds = 0;
            // Overloaded, the meter cannot tell how far: it goes to its largest range, as after an overloaded reading.
            int next = magnitude > ranges.get(rangeIndex) ? ranges.size() - 1 : rangeFor(magnitude);
            if (next != rangeIndex) {
                rangeIndex = next;
                this.coulombs = 0;
                integratedSeconds = 0;
                restarted = true;
            }
        }
        integrate(coulombs, seconds, done, seconds - done);
        sinceDecisionSeconds += seconds - done;
    }

    /** Adds the part [from, from + length) of a sub-step that passed {@code coulombs} in {@code seconds}. */
    private void integrate(double coulombs, double seconds, double from, double length) {
        this.coulombs += from == 0 && length == seconds ? coulombs : coulombs * (length / seconds);
        integratedSeconds += length;
    }

    /**
     * Forgets what the interval integrated so far: the next reading is the mean over what passes from now on. A
     * sweep reads the current at the end of each point, as instruments sample the last part of each step.
     */
    void restartIntegration() {
        coulombs = 0;
        integratedSeconds = 0;
        restarted = true;
    }

    /**
     * Ends the interval of {@code intervalSeconds}: the mean current since the interval began, or since
     * the meter's last range switch (or {@link #restartIntegration}) in it.
     */
    Reading read(double intervalSeconds) {
        double trueAmperes = restarted ? coulombs / integratedSeconds : coulombs / intervalSeconds;
        coulombs = 0;
        integratedSeconds = 0;
        restarted = false;
        sinceDecisionSeconds = 0;
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
