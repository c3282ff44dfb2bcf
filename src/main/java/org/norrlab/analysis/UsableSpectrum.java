package org.norrlab.analysis;

import org.norrlab.core.BadInputException;
import org.norrlab.core.ImpedancePoint;

import java.util.Comparator;
import java.util.List;

/**
 * The points of a spectrum that carry an impedance, highest frequency first, and how many were left out because the
 * instrument sent none (flag NO_IMPEDANCE): every analysis of a spectrum starts here, so each reports the same count.
 *
 * @param points   the points with an impedance, in order of falling frequency
 * @param leftOut  the points flagged NO_IMPEDANCE that were left out
 */
public record UsableSpectrum(List<ImpedancePoint> points, int leftOut) {

    public UsableSpectrum {
        points = List.copyOf(points);
    }

    /** The usable part of {@code spectrum}; refused when fewer than {@code needed} points carry an impedance. */
    public static UsableSpectrum of(List<ImpedancePoint> spectrum, int needed, String purpose) {
        List<ImpedancePoint> usable = spectrum.stream().filter(ImpedancePoint::hasImpedance)
                .sorted(Comparator.comparingDouble(ImpedancePoint::frequencyHz).reversed()).toList();
        int leftOut = spectrum.size() - usable.size();
        if (usable.size() < needed) {
            throw new BadInputException(purpose + " needs at least " + needed + " points with an impedance; the spectrum"
                    + " has " + usable.size() + (leftOut > 0 ? " (" + leftOut + " more flagged NO_IMPEDANCE)" : ""));
        }
        return new UsableSpectrum(usable, leftOut);
    }

    public int size() {
        return points.size();
    }

    public double highestFrequencyHz() {
        return points.get(0).frequencyHz();
    }

    public double lowestFrequencyHz() {
        return points.get(points.size() - 1).frequencyHz();
    }
}
