package org.norrlab.core;

/**
 * One measured point of a step, as the instrument reported it.
 *
 * @param timeSeconds    seconds since the start of the step (instrument time)
 * @param potentialVolts working-electrode potential vs the physical reference electrode
 * @param currentAmperes current, cathodic negative (IUPAC); finite, or NaN only when {@link SampleFlag#NO_CURRENT} is set
 * @param rangeAmperes   full scale of the current range in use, NaN when unknown
 * @param flags          {@link SampleFlag} bits
 */
public record Sample(double timeSeconds, double potentialVolts, double currentAmperes, double rangeAmperes, int flags) {

    public Sample {
        if (!(timeSeconds >= 0) || Double.isInfinite(timeSeconds)) {
            throw new IllegalArgumentException("sample time must be finite and >= 0 s, was " + timeSeconds);
        }
        // An infinite reading is not a measurement: drivers and importers turn it into something true (a clipped,
        // flagged current; a refused line) before it gets here, so no charge or mean ever becomes infinite.
        if (Double.isInfinite(currentAmperes) || Double.isInfinite(potentialVolts)) {
            throw new IllegalArgumentException("a sample's current and potential must be finite, were " + currentAmperes
                    + " A and " + potentialVolts + " V");
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

    public boolean has(SampleFlag flag) {
        return flag.isSetIn(flags);
    }

    public boolean hasCurrent() {
        return !has(SampleFlag.NO_CURRENT);
    }
}
