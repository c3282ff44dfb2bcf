package org.norrlab.importer;

import org.norrlab.config.Potential;
import org.norrlab.core.ImpedancePoint;
import org.norrlab.core.StepSettings;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * What the impedance importers share: the EIS step a file's spectrum becomes, one point built from a row (refused with
 * its line when it is no point), and the check of a file's own phase column against its Z' and Z''.
 *
 * <p>Every importer hands on Z'' as measured (Z = Z' + jZ'', capacitive negative). Which sign a file writes is taken
 * from the format's documentation or its own column names, never from how the data look (a battery's spectrum has
 * inductive, positive Z'' at high frequency; a noisy open cell has anything); each importer says in a comment where it
 * has its sign from.
 */
final class SpectrumRows {
    /**
     * How far (degrees) a file's phase may be from atan2(Z'', Z') of its own Z' and Z''. The coarsest phase column of
     * the formats read is CHI's, printed to 0.1° (±0.05°), with Z' and Z'' to 4 significant digits (each ±5e-4
     * relative, so atan2 within ±0.03°): 0.5° leaves room for both and still catches a Z'' or a phase whose sign is
     * turned around wherever the phase is beyond ±0.25°.
     */
    static final double PHASE_TOLERANCE_DEGREES = 0.5;

    private SpectrumRows() {
    }

    /**
     * The EIS step of a file: its DC potential vs the reference electrode where the file states it (the import puts it
     * on the RHE scale with the session's cell), the amplitude in V rms, the frequency range and count the file
     * states; NaN (count 0) for each it does not. No time interval: a spectrum's points are not evenly spaced in time.
     */
    static StepFacts step(String label, Optional<Potential> dcVsReference, double openCircuitOffsetVolts,
                          double amplitudeVoltsRms, double highestHz, double lowestHz, int count) {
        return new StepFacts("eis", label, dcVsReference, Double.NaN, StepFacts.Context.NONE,
                StepSettings.impedance(Double.NaN, openCircuitOffsetVolts, amplitudeVoltsRms, highestHz, lowestHz, count));
    }

    /** A point of a row, or the row refused with its place: a frequency that is not above 0 is no measurement. */
    static ImpedancePoint point(Path file, int line, String format, double time, double frequencyHz, double realOhms,
                                double imaginaryOhms, double dcVolts, double dcAmperes) throws ImportException {
        try {
            return new ImpedancePoint(time, frequencyHz, realOhms, imaginaryOhms, dcVolts, dcAmperes, Double.NaN, 0);
        } catch (IllegalArgumentException e) {
            throw new ImportException(file, line, format + ": the row is not an impedance point: " + e.getMessage());
        }
    }

    /**
     * Refuses a row whose phase column disagrees with its own Z' and Z'' (Z'' as measured): a file whose Z'' column
     * and phase column have opposite signs says two different things, and norrlab cannot tell which is right.
     *
     * @param where         how the message names the place ("file:line", or an array index of a JSON file)
     * @param phaseDegrees  the phase as measured (the caller turns a file's −phase around)
     * @param written       the row's values as the file writes them, for the message
     */
    static void checkPhase(Path file, int line, String format, String where, double realOhms, double imaginaryOhms,
                           double phaseDegrees, String written) throws ImportException {
        double fromZ = Math.toDegrees(Math.atan2(imaginaryOhms, realOhms));
        double apart = Math.abs(Math.IEEEremainder(phaseDegrees - fromZ, 360));
        if (apart > PHASE_TOLERANCE_DEGREES) {
            throw new ImportException(file, line, String.format(Locale.ROOT, "%s: %s: the phase column says %.4g° but"
                    + " atan2(Z'', Z') of the same row is %.4g° (Z' = %.6g ohm, Z'' = %.6g ohm as measured; %s): they"
                    + " disagree by %.3g° (more than %.1f°), so the file's Z'' or its phase has the other sign and"
                    + " norrlab cannot tell which is right; the file is not imported", format, where, phaseDegrees, fromZ,
                    realOhms, imaginaryOhms, written, apart, PHASE_TOLERANCE_DEGREES));
        }
    }

    /** The note of a file whose points carry no time: each is stored at 0 s of its step, which says "not known". */
    static String noTimes(String format, String why) {
        return format + ": " + why + ", so the impedance points are stored at 0 s of their step (their real times are"
                + " not known)";
    }
}
