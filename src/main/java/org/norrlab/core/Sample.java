package org.norrlab.core;

/**
 * One measured point of a step, as the instrument reported it.
 *
 * @param timeSeconds    seconds since the start of the step (instrument time)
 * @param potentialVolts working-electrode potential vs the physical reference electrode
 * @param currentAmperes current, cathodic negative (IUPAC); finite, or NaN only when {@link SampleFlag#NO_CURRENT} is set
 * @param rangeAmperes   full scale of the current range in use, NaN when unknown
 * @param flags          {@link SampleFlag} bits
 * @param cycle          for a potential sweep, the scan the sample belongs to, from 1 (an LSV has one); 0 for any
 *                       other technique
 * @param segment        for a potential sweep, the linear part of its scan, from 1: an LSV has one; a CV's scan goes
 *                       begin → vertex 1 (segment 1) → vertex 2 (2) → begin (3); 0 for any other technique
 */
public record Sample(double timeSeconds, double potentialVolts, double currentAmperes, double rangeAmperes, int flags,
                     int cycle, int segment) {

    /** A sample of a technique that is not a sweep (CA, OCP, CP): no cycle, no segment. */
    public Sample(double timeSeconds, double potentialVolts, double currentAmperes, double rangeAmperes, int flags) {
        this(timeSeconds, potentialVolts, currentAmperes, rangeAmperes, flags, 0, 0);
    }

    public Sample {
        check(timeSeconds, potentialVolts, currentAmperes, flags, cycle, segment);
    }

    /**
     * Throws IllegalArgumentException where these values are not a sample: what the constructor checks, for a reader
     * of millions of stored rows that checks each without making a Sample of it (the CSV export).
     */
    public static void check(double timeSeconds, double potentialVolts, double currentAmperes, int flags, int cycle,
                             int segment) {
        if (!(timeSeconds >= 0) || Double.isInfinite(timeSeconds)) {
            throw new IllegalArgumentException("sample time must be finite and >= 0 s, was " + timeSeconds);
        }
        // An infinite reading is not a measurement: drivers and importers turn it into something true (a clipped,
        // flagged current; a refused line) before it gets here, so no charge or mean ever becomes infinite.
        if (Double.isInfinite(currentAmperes) || Double.isInfinite(potentialVolts)) {
            throw new IllegalArgumentException("a sample's current and potential must be finite, were " + currentAmperes
                    + " A and " + potentialVolts + " V");
        }
        if (cycle < 0 || segment < 0 || (cycle == 0) != (segment == 0)) {
            throw new IllegalArgumentException("a sweep sample has both a cycle and a segment (from 1), any other"
                    + " sample neither; were cycle " + cycle + ", segment " + segment);
        }
        boolean noCurrent = SampleFlag.NO_CURRENT.isSetIn(flags);
        if (Double.isNaN(currentAmperes) != noCurrent) {
            throw new IllegalArgumentException(noCurrent
                    ? "a sample flagged NO_CURRENT must carry NaN current, was " + currentAmperes
                    : "current is NaN but the sample is not flagged NO_CURRENT");
        }
    }

    public static Sample potentialOnly(double timeSeconds, double potentialVolts) {
        return new Sample(timeSeconds, potentialVolts, Double.NaN, Double.NaN, SampleFlag.NO_CURRENT.bit());
    }

    /** The same reading, placed in a sweep's scan {@code cycle} and linear part {@code segment}. */
    public Sample inSweep(int cycle, int segment) {
        return new Sample(timeSeconds, potentialVolts, currentAmperes, rangeAmperes, flags, cycle, segment);
    }

    /** Whether it belongs to a potential sweep (LSV, CV). */
    public boolean inSweep() {
        return cycle > 0;
    }

    public boolean has(SampleFlag flag) {
        return flag.isSetIn(flags);
    }

    public boolean hasCurrent() {
        return !has(SampleFlag.NO_CURRENT);
    }
}
