package org.norrlab.analysis;

/**
 * A value with its one-sigma uncertainty. Products and quotients add relative uncertainties in
 * quadrature, sums and differences absolute ones: first-order propagation for independent errors.
 */
public record Measure(double value, double sigma) {
    public Measure {
        if (!(sigma >= 0) || Double.isInfinite(sigma)) {
            throw new IllegalArgumentException("an uncertainty must be finite and >= 0, was " + sigma);
        }
    }

    public static Measure exact(double value) {
        return new Measure(value, 0);
    }

    public static Measure relative(double value, double relativeSigma) {
        return new Measure(value, Math.abs(value) * relativeSigma);
    }

    public double relativeSigma() {
        return value == 0 ? (sigma == 0 ? 0 : Double.POSITIVE_INFINITY) : sigma / Math.abs(value);
    }

    public Measure times(double factor) {
        return new Measure(value * factor, sigma * Math.abs(factor));
    }

    public Measure times(Measure other) {
        double v = value * other.value;
        return new Measure(v, Math.hypot(sigma * other.value, other.sigma * value));
    }

    public Measure dividedBy(Measure other) {
        double v = value / other.value;
        return new Measure(v, Math.hypot(sigma / other.value, v * other.sigma / other.value));
    }

    public Measure plus(Measure other) {
        return new Measure(value + other.value, Math.hypot(sigma, other.sigma));
    }

    public Measure minus(Measure other) {
        return new Measure(value - other.value, Math.hypot(sigma, other.sigma));
    }
}
