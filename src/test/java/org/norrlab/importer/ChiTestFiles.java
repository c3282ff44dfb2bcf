package org.norrlab.importer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * CH Instruments text exports written by tests, laid out as the "chi/" layout notes of the shared fixtures'
 * SOURCES.md describe them (no licensed i-t or OCP file exists): date line, technique, File:/Data Source:/Instrument
 * Model:/Header:/Note:, a blank line, the parameters, a blank line, an i-t results block of 28 peaks (tp = 94.40s …)
 * that pushes the data header far down, the data header, a blank line and the rows; ', ' between fields, numbers
 * with 4 significant digits and an unpadded exponent, CRLF line ends.
 */
public final class ChiTestFiles {
    public static final String CRLF = "\r\n";

    private ChiTestFiles() {
    }

    /** A number as CHI writes it: 4 significant digits, exponent without padding ('1.000e-1', '-1.010e-3', '5.000e+0'). */
    public static String chi(double value) {
        return String.format(Locale.ROOT, "%.3e", value).replaceAll("e([+-])0*(\\d)", "e$1$2");
    }

    /** The lines before the parameters, up to and with the blank line after Note:. */
    static String head(String technique, String model) {
        return "June 18, 2025   10:15:02" + CRLF + technique + CRLF + "File:  C:\\CHI\\it-4.bin" + CRLF
                + "Data Source:  Experiment" + CRLF + "Instrument Model:  " + model + CRLF + "Header: " + CRLF
                + "Note: " + CRLF + CRLF;
    }

    /** The i-t results block: Results:/Channel 1: and 28 peaks of five lines, their units glued on. */
    static String itResults() {
        StringBuilder b = new StringBuilder("Results:" + CRLF + CRLF + "Channel 1:" + CRLF);
        for (int peak = 0; peak < 28; peak++) {
            b.append("tp = 94.40s").append(CRLF).append("Eh = -0.5000V").append(CRLF).append("Ehw = 0.000V").append(CRLF)
                    .append("ip = 5.324e-8A").append(CRLF).append("Ap = 1.102e-6C").append(CRLF);
        }
        return b.append(CRLF).toString();
    }

    /**
     * An Amperometric i-t Curve held at {@code initE} V: rows k = 1…n at k × interval s with the currents given
     * (written as CHI would, 4 significant digits).
     */
    public static Path amperometric(Path file, double initE, double interval, double[] currents) throws IOException {
        StringBuilder b = new StringBuilder(head(ChiImporter.IT, "CHI760E"));
        b.append("Init E (V) = ").append(plain(initE)).append(CRLF)
                .append("Sample Interval (s) = ").append(plain(interval)).append(CRLF)
                .append("Run Time (sec) = ").append(plain(interval * currents.length)).append(CRLF)
                .append("Quiet Time (sec) = 0").append(CRLF)
                .append("Scales during Run = 1").append(CRLF)
                .append("Sensitivity (A/V) = 1e-3").append(CRLF).append(CRLF)
                .append(itResults())
                .append("Time/sec, Current/A").append(CRLF).append(CRLF);
        for (int k = 1; k <= currents.length; k++) {
            b.append(chi(k * interval)).append(", ").append(chi(currents[k - 1])).append(CRLF);
        }
        return Files.writeString(file, b.toString(), StandardCharsets.US_ASCII);
    }

    /** A parameter value as CHI writes one ('-0.5', '0.1', '5'). */
    static String plain(double value) {
        String s = Double.toString(value);
        return s.endsWith(".0") ? s.substring(0, s.length() - 2) : s;
    }
}
