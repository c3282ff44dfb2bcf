package org.norrlab.analysis;

/** An amount of a product, in moles, with its one-sigma uncertainty. */
public record Amount(Measure moles) {
    public static Amount ofMicromoles(double micromoles, double sigmaMicromoles) {
        return new Amount(new Measure(micromoles * 1e-6, sigmaMicromoles * 1e-6));
    }

    public Amount minus(Amount other) {
        return new Amount(moles.minus(other.moles));
    }

    public double micromoles() {
        return moles.value() * 1e6;
    }
}
