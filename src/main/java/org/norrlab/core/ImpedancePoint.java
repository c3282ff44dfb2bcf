package org.norrlab.core;

/**
 * One point of an impedance spectrum, as the instrument (or the imported file) gave it.
 *
 * <p>One sign convention everywhere in norrlab: {@code imaginaryOhms} is Z'' <em>as measured</em>, with
 * Z = Z' + jZ'', so a capacitive cell gives a negative Z''. Files that write −Z'' are turned around by their
 * importer; only figures draw −Z'' (the Nyquist plot's usual upward arc).
 *
 * @param timeSeconds       seconds since the start of the step when the point was delivered (instrument time)
 * @param frequencyHz       the AC frequency, finite and positive
 * @param realOhms          Z', NaN only when {@link SampleFlag#NO_IMPEDANCE} is set
 * @param imaginaryOhms     Z'' as measured (capacitive negative), NaN only when {@link SampleFlag#NO_IMPEDANCE} is set
 * @param dcPotentialVolts  the DC potential of the working electrode vs the physical reference electrode during the
 *                          point, NaN when neither the instrument nor the file reported it
 * @param dcCurrentAmperes  the DC current during the point (cathodic negative), NaN when not reported
 * @param rangeAmperes      full scale of the current range in use, NaN when unknown
 * @param flags             {@link SampleFlag} bits (OVERLOAD, UNDERLOAD, RANGE_CHANGED, NO_IMPEDANCE apply)
 */
public record ImpedancePoint(double timeSeconds, double frequencyHz, double realOhms, double imaginaryOhms,
                             double dcPotentialVolts, double dcCurrentAmperes, double rangeAmperes, int flags) {

    public ImpedancePoint {
        if (!(timeSeconds >= 0) || Double.isInfinite(timeSeconds)) {
            throw new IllegalArgumentException("an impedance point's time must be finite and >= 0 s, was " + timeSeconds);
        }
        if (!(frequencyHz > 0) || Double.isInfinite(frequencyHz)) {
            throw new IllegalArgumentException("an impedance point's frequency must be finite and > 0 Hz, was "
                    + frequencyHz);
        }
        if (Double.isInfinite(realOhms) || Double.isInfinite(imaginaryOhms)) {
            throw new IllegalArgumentException("an impedance must be finite, was " + realOhms + " + j" + imaginaryOhms
                    + " ohm");
        }
        boolean missing = SampleFlag.NO_IMPEDANCE.isSetIn(flags);
        boolean nan = Double.isNaN(realOhms) || Double.isNaN(imaginaryOhms);
        if (nan != missing) {
            throw new IllegalArgumentException(missing
                    ? "an impedance point flagged NO_IMPEDANCE must carry NaN for Z' and Z'', were " + realOhms
                    + " and " + imaginaryOhms
                    : "Z' or Z'' is NaN but the point is not flagged NO_IMPEDANCE");
        }
        if (Double.isInfinite(dcPotentialVolts) || Double.isInfinite(dcCurrentAmperes)) {
            throw new IllegalArgumentException("an impedance point's DC potential and current must be finite or NaN");
        }
    }

    /** A point measured at {@code frequencyHz} with nothing but the impedance known. */
    public static ImpedancePoint of(double timeSeconds, double frequencyHz, double realOhms, double imaginaryOhms) {
        return new ImpedancePoint(timeSeconds, frequencyHz, realOhms, imaginaryOhms, Double.NaN, Double.NaN, Double.NaN,
                0);
    }

    /** A frequency at which the instrument sent no impedance (NaN). */
    public static ImpedancePoint missing(double timeSeconds, double frequencyHz, int flags) {
        return new ImpedancePoint(timeSeconds, frequencyHz, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
                flags | SampleFlag.NO_IMPEDANCE.bit());
    }

    /** |Z| in ohms. */
    public double modulusOhms() {
        return Math.hypot(realOhms, imaginaryOhms);
    }

    /** The phase of Z in degrees, atan2(Z'', Z'): negative for a capacitive cell. */
    public double phaseDegrees() {
        return Math.toDegrees(Math.atan2(imaginaryOhms, realOhms));
    }

    /** The angular frequency ω = 2πf in rad/s. */
    public double angularFrequency() {
        return 2 * Math.PI * frequencyHz;
    }

    public boolean hasImpedance() {
        return !SampleFlag.NO_IMPEDANCE.isSetIn(flags);
    }

    public boolean has(SampleFlag flag) {
        return flag.isSetIn(flags);
    }
}
