package org.norrlab.analysis;

/** The magnitude of the charge a step passed, in coulombs (reports use |Q|; the sign is in the samples). */
public record Charge(double coulombs) {
    public Charge {
        if (!(coulombs >= 0) || Double.isInfinite(coulombs)) {
            throw new IllegalArgumentException("a charge magnitude must be finite and >= 0 C, was " + coulombs);
        }
    }

    public static Charge magnitudeOf(double signedCoulombs) {
        return new Charge(Math.abs(signedCoulombs));
    }
}
