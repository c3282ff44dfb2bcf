package org.norrlab.core;

import java.time.Instant;
import java.util.OptionalInt;

/**
 * The uncompensated (solution) resistance R_u of a session's cell, and where it came from, so that every
 * iR-corrected potential can say what it was corrected with: E_corrected = E − I·R_u·(1 − c).
 *
 * @param ohms                R_u, finite and >= 0
 * @param standardErrorOhms   its standard error from the fit; NaN for a value typed by the operator or an intercept
 *                            read without a fit
 * @param method              how it was obtained: {@code high-frequency-intercept}, {@code randles-fit}, {@code typed}
 * @param spectrumStep        the step (index) of the session whose impedance spectrum gave it; empty when typed
 * @param compensatedFraction c, the fraction of R_u the instrument already compensated during the run (0 to 1;
 *                            0 unless the operator or the file said otherwise)
 * @param recordedAt          when it was recorded
 * @param note                the operator's reason or the file it came from; may be empty
 */
public record UncompensatedResistance(double ohms, double standardErrorOhms, String method, OptionalInt spectrumStep,
                                      double compensatedFraction, Instant recordedAt, String note) {
    public static final String HIGH_FREQUENCY_INTERCEPT = "high-frequency-intercept";
    public static final String RANDLES_FIT = "randles-fit";
    public static final String TYPED = "typed";

    public UncompensatedResistance {
        if (!(ohms >= 0) || Double.isInfinite(ohms)) {
            throw new IllegalArgumentException("R_u must be finite and >= 0 ohm, was " + ohms);
        }
        if (!(compensatedFraction >= 0 && compensatedFraction <= 1)) {
            throw new IllegalArgumentException("the compensated fraction must be from 0 to 1, was "
                    + compensatedFraction);
        }
        if (!(HIGH_FREQUENCY_INTERCEPT.equals(method) || RANDLES_FIT.equals(method) || TYPED.equals(method))) {
            throw new IllegalArgumentException("R_u's method must be " + HIGH_FREQUENCY_INTERCEPT + ", " + RANDLES_FIT
                    + " or " + TYPED + ", was " + method);
        }
        if (TYPED.equals(method) == spectrumStep.isPresent()) {
            throw new IllegalArgumentException(TYPED.equals(method)
                    ? "a typed R_u comes from no spectrum" : "an R_u from a spectrum names its step");
        }
        note = note == null ? "" : note;
    }

    /** The potential the electrode really had: {@code volts − I·R_u·(1 − c)} (cathodic current negative). */
    public double corrected(double volts, double currentAmperes) {
        return volts - currentAmperes * ohms * (1 - compensatedFraction);
    }

    /** The resistance still to be corrected after the instrument's compensation, R_u·(1 − c). */
    public double remainingOhms() {
        return ohms * (1 - compensatedFraction);
    }
}
