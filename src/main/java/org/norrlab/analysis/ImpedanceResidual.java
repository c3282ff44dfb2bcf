package org.norrlab.analysis;

/**
 * How far a model misses one measured impedance point, relative to the measured modulus |Z| (the weighting both the
 * circuit fit and the Kramers–Kronig check use): (Z'_model − Z'_measured)/|Z| and (Z''_model − Z''_measured)/|Z|.
 *
 * @param frequencyHz       the point's frequency
 * @param realRelative      the real part's miss as a fraction of |Z| (0.01 is 1 %)
 * @param imaginaryRelative the imaginary part's miss as a fraction of |Z|
 */
public record ImpedanceResidual(double frequencyHz, double realRelative, double imaginaryRelative) {

    /** The larger of the two misses, as a magnitude. */
    public double largest() {
        return Math.max(Math.abs(realRelative), Math.abs(imaginaryRelative));
    }
}
