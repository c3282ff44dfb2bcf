package org.norrlab.importer;

import org.norrlab.importer.PsSessionJson.DataArray;
import org.norrlab.importer.PsSessionJson.Measurement;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * A PSTrace impedance measurement (METHOD_ID=eis) as one eis step: its data set's arrays "Frequency" (Hz), "ZRe"
 * (Z'), "ZIm", "Phase", "Idc" (a current unit) and "potential" (V), one value per frequency.
 *
 * <p>The sign: each array's unit names the quantity its values are. PSTrace writes ZIm with the quantity
 * {@code "-Z''"} and Phase with {@code "-Phase"} (sdk_BatteryCurve_eis.pssession: ZIm 0.129783 and Phase 8.93787 at
 * 12.5 kHz, where atan(0.129783 / 0.825207) = 8.938°), so Z'' = −ZIm and the phase is −Phase; pyimpspec's pssession
 * parser negates ZIm the same way. Every point's −Phase is checked against atan2(−ZIm, ZRe). A ZIm or Phase array whose
 * quantity is anything else is refused: its sign is not established.
 *
 * <p>The method's MAX_FREQ, MIN_FREQ and N_FREQ are the step's frequency range and count. AMPLITUDE does not say
 * whether it is rms or peak, and a fixed-potential scan's DC level is not stated unambiguously (E is written beside a
 * "potential" array of another value, and NOTES may say "at OCP"): both are left unknown, with a note giving the
 * file's values. The "potential" and "Idc" arrays are each point's DC potential and current as the file reports them.
 */
final class PalmSensSpectrum {
    private final Path file;
    private final ImportSink sink;
    private final Measurement measurement;
    private final String methodId;
    private final Function<String, Optional<String>> method;

    PalmSensSpectrum(Path file, ImportSink sink, Measurement measurement, String methodId,
                     Function<String, Optional<String>> method) {
        this.file = file;
        this.sink = sink;
        this.measurement = measurement;
        this.methodId = methodId;
        this.method = method;
    }

    void handOn() throws ImportException {
        DataArray frequency = array("PalmSens.Units.Hertz", "Frequency");
        DataArray real = array("PalmSens.Units.ZRe", "ZRe");
        DataArray imaginary = array("PalmSens.Units.ZIm", "ZIm");
        Optional<DataArray> phase = optional("PalmSens.Units.Phase");
        requireQuantity(real, "Z'");
        requireQuantity(imaginary, "-Z''");
        if (phase.isPresent()) {
            requireQuantity(phase.get(), "-Phase");
        }
        Optional<DataArray> dcCurrent = measurement.dataSet.stream().filter(DataArray::isCurrent)
                .filter(a -> a.description().equalsIgnoreCase("Idc")).findFirst();
        Optional<DataArray> dcPotential = measurement.dataSet.stream().filter(DataArray::isPotential).findFirst();
        Optional<DataArray> time = measurement.dataSet.stream().filter(DataArray::isTime).findFirst();
        int n = frequency.length();
        List<DataArray> all = new ArrayList<>(List.of(real, imaginary));
        phase.ifPresent(all::add);
        dcCurrent.ifPresent(all::add);
        dcPotential.ifPresent(all::add);
        time.ifPresent(all::add);
        for (DataArray a : all) {
            if (a.length() != n) {
                throw refusal("array '" + a.description() + "' has " + a.length() + " values where 'Frequency' has " + n
                        + ": the arrays of a spectrum have one value per frequency; the file is damaged");
            }
        }
        int places = dcCurrent.isPresent() ? placesToAmperes(dcCurrent.get()) : 0;
        boolean timed = time.isPresent() && increasing(time.get().values());
        sink.beginStep(SpectrumRows.step(measurement.title + " (" + n + " frequencies)", Optional.empty(), Double.NaN,
                Double.NaN, number("MAX_FREQ"), number("MIN_FREQ"), (int) Math.max(0, number("N_FREQ"))));
        for (int point = 0; point < n; point++) {
            final int i = point;
            double re = real.values()[i];
            double im = -imaginary.values()[i]; // ZIm is "-Z''": turned around to Z'' as measured
            String where = "point " + (i + 1) + " of " + n;
            if (phase.isPresent()) {
                SpectrumRows.checkPhase(file, 0, measurement.name(), where, re, im,
                        -phase.get().values()[i], "ZRe " + re + ", ZIm (-Z'') " + imaginary.values()[i]
                                + ", Phase (-Phase) " + phase.get().values()[i]);
            }
            double amperes = dcCurrent.map(a -> VendorText.movePointLeft(a.values()[i], places)).orElse(Double.NaN);
            double volts = dcPotential.map(a -> a.values()[i]).orElse(Double.NaN);
            sink.impedance(SpectrumRows.point(file, 0, measurement.name() + ", " + where,
                    timed ? time.get().values()[i] - time.get().values()[0] : 0, frequency.values()[i], re, im, volts,
                    amperes));
        }
        sink.endStep();
        if (!timed) {
            sink.note(SpectrumRows.noTimes(measurement.name(), time.isEmpty() ? "the measurement has no"
                    + " time array" : "its time array does not increase from point to point (the first is "
                    + time.get().values()[0] + " s, the last " + time.get().values()[n - 1] + " s)"));
        }
        sink.note(measurement.name() + ": " + n + " frequencies; Z'' = −ZIm (the file's unit names ZIm"
                + " '-Z''')" + (phase.isPresent() ? ", every point's phase (−Phase) agreeing with atan2(Z'', Z') within "
                + SpectrumRows.PHASE_TOLERANCE_DEGREES + "°" : ""));
        sink.note(measurement.name() + ": the DC potential is not stated unambiguously (method E="
                + method.apply("E").orElse("(none)") + ", NOTES=" + method.apply("NOTES").orElse("(none)")
                + dcPotential.map(a -> ", array '" + a.description() + "' from " + a.values()[0] + " V").orElse("")
                + "), so the step's DC potential is left unknown; AMPLITUDE=" + method.apply("AMPLITUDE").orElse("(none)")
                + " does not say whether it is rms or peak, so the amplitude is left unknown");
    }

    private DataArray array(String unitType, String description) throws ImportException {
        return optional(unitType).orElseThrow(() -> refusal("METHOD_ID=" + methodId + ": holds no '" + description
                + "' array (" + unitType + "); a spectrum needs Frequency, ZRe and ZIm"));
    }

    private Optional<DataArray> optional(String unitType) {
        return measurement.dataSet.stream().filter(a -> a.unitType().equals(unitType)).findFirst();
    }

    /** The quantity a unit names fixes the array's sign; one norrlab has not seen is refused, never guessed. */
    private void requireQuantity(DataArray array, String expected) throws ImportException {
        if (!array.quantity().equals(expected)) {
            throw refusal("array '" + array.description() + "' (" + array.unitType() + ") names its quantity '"
                    + array.quantity() + "' where PSTrace writes '" + expected + "': which sign its values have is not"
                    + " established, so the spectrum is not imported");
        }
    }

    private int placesToAmperes(DataArray current) throws ImportException {
        String prefix = PsSessionJson.currentPrefix(current.unitType()).orElseThrow(() -> refusal("array '"
                + current.description() + "' has unit '" + current.unitType() + "', not a PalmSens current unit"));
        return PsSessionJson.placesToAmperes(prefix);
    }

    private double number(String key) {
        return method.apply(key).map(v -> {
            try {
                return Double.parseDouble(v);
            } catch (NumberFormatException e) {
                return Double.NaN;
            }
        }).orElse(Double.NaN);
    }

    private static boolean increasing(double[] values) {
        for (int i = 1; i < values.length; i++) {
            if (!(values[i] > values[i - 1])) {
                return false;
            }
        }
        return values.length > 0;
    }

    private ImportException refusal(String problem) {
        return new ImportException(file, 0, measurement.name() + ": " + problem);
    }
}
