package org.norrlab.importer;

import org.norrlab.core.Sample;

import java.nio.file.Path;

/** Vendor text files: their lines, and numbers written with a decimal point or comma, the place named when one is bad. */
final class VendorText {
    private VendorText() {
    }

    static double parse(String text, Path file, int line, String column) throws ImportException {
        String t = text.trim();
        if (t.indexOf(',') >= 0 && t.indexOf('.') < 0) {
            t = t.replace(',', '.');
        }
        double value;
        try {
            value = Double.parseDouble(t);
        } catch (NumberFormatException e) {
            throw new ImportException(file, line, "column '" + column + "': '" + text.trim() + "' is not a number");
        }
        if (!Double.isFinite(value)) {
            throw new ImportException(file, line, "column '" + column + "': '" + text.trim()
                    + "' is not a finite number; a measured value must be one");
        }
        return value;
    }

    /** A vendor text file's lines: Latin-1 (Windows software), CRLF or LF. */
    static java.util.List<String> latin1Lines(Path file) throws ImportException {
        try {
            return java.util.List.of(new String(java.nio.file.Files.readAllBytes(file), java.nio.charset.StandardCharsets.ISO_8859_1)
                    .split("\r?\n", -1));
        } catch (java.io.IOException e) {
            throw new ImportException(file, 0, "cannot be read: " + e.getMessage());
        }
    }

    /** The median spacing of sample times: the interval a file does not state. */
    static double medianInterval(java.util.List<Sample> samples) {
        if (samples.size() < 2) {
            return 1;
        }
        double[] gaps = new double[samples.size() - 1];
        for (int i = 1; i < samples.size(); i++) {
            gaps[i - 1] = samples.get(i).timeSeconds() - samples.get(i - 1).timeSeconds();
        }
        java.util.Arrays.sort(gaps);
        double median = gaps[gaps.length / 2];
        return median > 0 ? median : 1;
    }
}
