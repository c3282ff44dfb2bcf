package org.norrlab.driver.methodscript;

import org.norrlab.core.ImpedancePoint;
import org.norrlab.core.SampleFlag;
import org.norrlab.core.Units;
import org.norrlab.driver.DriverException;
import org.norrlab.driver.ImpedanceRequest;
import org.norrlab.protocol.methodscript.DataValue;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The one {@code meas_loop_eis} an impedance request becomes, and what its packages mean. MethodSCRIPT takes a spectrum
 * as a begin frequency, an end frequency and a count, and lays the frequencies out logarithmically itself; a request
 * is run only when its list is exactly that layout, so the frequencies measured are the ones asked for.
 *
 * @param beginHz the first (highest) frequency
 * @param endHz   the last (lowest) frequency
 * @param count   how many frequencies
 */
record SpectrumLoop(double beginHz, double endHz, int count) {
    /** How far a listed frequency may lie from the logarithmic layout (relative): rounding in a protocol file, no more. */
    static final double TOLERANCE = 1e-3;

    /**
     * The loop for {@code request}, or the reason this instrument cannot run it: a frequency or amplitude outside the
     * profile's limits, a list that does not run from high to low, or one whose steps are not the logarithmic layout the
     * device makes (naming the first frequency off it and the one the device would measure there).
     */
    static SpectrumLoop of(String profileName, ImpedanceLimits limits, ImpedanceRequest request) throws DriverException {
        List<Double> f = request.frequenciesHz();
        for (int k = 0; k < f.size(); k++) {
            if (f.get(k) > limits.highestHz() * (1 + 1e-9) || f.get(k) < limits.lowestHz() * (1 - 1e-9)) {
                throw new DriverException(String.format(Locale.ROOT, "%s cannot measure impedance at %s (frequency %d of"
                        + " %d): its profile allows %s to %s; choose frequencies within that range", profileName,
                        hz(f.get(k)), k + 1, f.size(), hz(limits.lowestHz()),
                        hz(limits.highestHz())));
            }
        }
        double amplitude = request.amplitudeVoltsRms();
        if (amplitude < limits.minAmplitudeVoltsRms() * (1 - 1e-9) || amplitude > limits.maxAmplitudeVoltsRms() * (1 + 1e-9)) {
            throw new DriverException(String.format(Locale.ROOT, "%s cannot apply an AC amplitude of %s rms: its profile"
                    + " allows %s to %s rms", profileName, Units.engineering(amplitude, "V"),
                    Units.engineering(limits.minAmplitudeVoltsRms(), "V"),
                    Units.engineering(limits.maxAmplitudeVoltsRms(), "V")));
        }
        double begin = f.get(0);
        double end = f.get(f.size() - 1);
        int n = f.size();
        if (n == 1) {
            return new SpectrumLoop(begin, begin, 1);   // one frequency: begin = end, 1 point, as PalmSens' MSExample018
        }
        if (!(begin > end)) {
            throw new DriverException(String.format(Locale.ROOT, "%s measures a spectrum from its highest frequency down"
                    + " (meas_loop_eis, as in every PalmSens example); the list runs from %s to %s: write it from the"
                    + " highest frequency to the lowest", profileName, hz(begin),
                    hz(end)));
        }
        for (int k = 1; k < n - 1; k++) {
            double expected = logarithmic(begin, end, n, k);
            if (Math.abs(f.get(k) / expected - 1) > TOLERANCE) {
                throw new DriverException(String.format(Locale.ROOT, "%s takes a spectrum as its first and last frequency"
                        + " and a count, spaced logarithmically by the device (MethodSCRIPT meas_loop_eis); frequency %d of"
                        + " %d is %s where that layout from %s to %s in %d points has %s: list log-spaced frequencies"
                        + " (e.g. a range with points per decade)", profileName, k + 1, n, hz(f.get(k)),
                        hz(begin), hz(end), n,
                        hz(expected)));
            }
        }
        return new SpectrumLoop(begin, end, n);
    }

    /** The k-th (from 0) of n frequencies from begin to end on a logarithmic scale, both included. */
    static double logarithmic(double beginHz, double endHz, int n, int k) {
        return n == 1 ? beginHz : beginHz * Math.pow(endHz / beginHz, (double) k / (n - 1));
    }

    /**
     * One EIS package, [frequency (dc), Z' (cc), Z'' (cd)], as an impedance point. Z'' is taken as the device sends it,
     * as measured (Z = Z' + jZ''): PalmSens' plot_eis.py negates the column "for the electrochemist convention" before
     * plotting -Z'', and the recorded open-circuit spectrum (serial-protocols.md §1.6 row 15, a capacitive cell at
     * 126 kHz) has a negative cd; on the 10 kOhm dummy (row 7) cd is 3 Ohm against a cc of 9886 Ohm.
     * Status bits of cc and cd both count; the range is cc's (the current range; cd's code is the potential range). A
     * "nan" in either becomes a point flagged NO_IMPEDANCE at its frequency.
     *
     * @param fallbackHz      the frequency when the package's own is not a positive number
     * @param previousRange   the last point's current range, NaN for the first, to flag a change
     * @return empty for a package of another layout
     */
    static Optional<ImpedancePoint> point(List<DataValue> values, double timeSeconds, double fallbackHz,
                                                    double dcVolts, Map<Integer, Double> rangeCodes, double previousRange) {
        if (values.size() != 3) {
            return Optional.empty();
        }
        double frequency = frequency(values, fallbackHz);
        DataValue real = values.get(1);
        DataValue imaginary = values.get(2);
        int flags = MethodScriptPotentiostat.statusFlags(Math.max(0, real.status()) | Math.max(0, imaginary.status()));
        double range = real.rangeCode() < 0 ? Double.NaN : rangeCodes.getOrDefault(real.rangeCode(), Double.NaN);
        if (!Double.isNaN(previousRange) && !Double.isNaN(range) && range != previousRange) {
            flags |= SampleFlag.RANGE_CHANGED.bit();
        }
        if (Double.isNaN(real.value()) || Double.isNaN(imaginary.value())) {
            return Optional.of(new ImpedancePoint(timeSeconds, frequency, Double.NaN, Double.NaN, dcVolts,
                    Double.NaN, range, flags | SampleFlag.NO_IMPEDANCE.bit()));
        }
        return Optional.of(new ImpedancePoint(timeSeconds, frequency, real.value(), imaginary.value(), dcVolts,
                Double.NaN, range, flags));
    }

    /** The package's frequency ({@code dc}), or {@code fallbackHz} when it sent none that is a positive number. */
    static double frequency(List<DataValue> values, double fallbackHz) {
        double sent = values.isEmpty() ? Double.NaN : values.get(0).value();
        return sent > 0 && Double.isFinite(sent) ? sent : fallbackHz;
    }

    private static String hz(double hertz) {
        return Units.engineering(hertz, "Hz");
    }
}
