package org.norrlab.core;

import java.time.Duration;
import java.util.List;

/**
 * What an instrument can do, from its profile in drivers/.
 *
 * @param minPotentialVolts     lowest potential it can apply, vs its reference electrode
 * @param maxPotentialVolts     highest potential it can apply, vs its reference electrode
 * @param currentRangesAmperes  full scales of its current ranges, ascending
 * @param minSampleInterval     the shortest sample interval it supports
 * @param openCircuit           whether it can disconnect the cell and record the open-circuit potential
 */
public record Capabilities(double minPotentialVolts, double maxPotentialVolts, List<Double> currentRangesAmperes,
                           Duration minSampleInterval, boolean openCircuit) {
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
    }

    public boolean canApply(double volts) {
        return volts >= minPotentialVolts && volts <= maxPotentialVolts;
    }

    public double largestRangeAmperes() {
        return currentRangesAmperes.get(currentRangesAmperes.size() - 1);
    }
}
