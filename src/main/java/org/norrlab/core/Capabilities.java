package org.norrlab.core;

import java.time.Duration;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * What an instrument can do, from its profile in drivers/.
 *
 * @param minPotentialVolts     lowest potential it can apply, vs its reference electrode
 * @param maxPotentialVolts     highest potential it can apply, vs its reference electrode
 * @param currentRangesAmperes  full scales of its current ranges, ascending
 * @param minSampleInterval     the shortest sample interval it supports
 * @param techniques            the kinds of measurement it can run
 */
public record Capabilities(double minPotentialVolts, double maxPotentialVolts, List<Double> currentRangesAmperes,
                           Duration minSampleInterval, Set<Technique> techniques) {

    /** Every technique this build knows, for instruments (the simulator, replays) that run them all. */
    public static final Set<Technique> ALL_TECHNIQUES = Collections.unmodifiableSet(EnumSet.allOf(Technique.class));

    public Capabilities {
        if (!(minPotentialVolts < maxPotentialVolts)) {
            throw new IllegalArgumentException("potential window is empty: " + minPotentialVolts + " .. " + maxPotentialVolts);
        }
        currentRangesAmperes = List.copyOf(currentRangesAmperes);
        if (currentRangesAmperes.isEmpty()) {
            throw new IllegalArgumentException("an instrument needs at least one current range");
        }
        for (int i = 1; i < currentRangesAmperes.size(); i++) {
            if (!(currentRangesAmperes.get(i) > currentRangesAmperes.get(i - 1))) {
                throw new IllegalArgumentException("current ranges must ascend: " + currentRangesAmperes);
            }
        }
        if (minSampleInterval.isNegative() || minSampleInterval.isZero()) {
            throw new IllegalArgumentException("minimum sample interval must be positive");
        }
        if (techniques.isEmpty()) {
            throw new IllegalArgumentException("an instrument needs at least one technique");
        }
        techniques = Collections.unmodifiableSet(EnumSet.copyOf(techniques));
    }

    public boolean supports(Technique technique) {
        return techniques.contains(technique);
    }

    public boolean canApply(double volts) {
        return volts >= minPotentialVolts && volts <= maxPotentialVolts;
    }

    public double largestRangeAmperes() {
        return currentRangesAmperes.get(currentRangesAmperes.size() - 1);
    }
}
