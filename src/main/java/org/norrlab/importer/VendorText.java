package org.norrlab.importer;

import org.norrlab.core.Sample;

import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

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
            throw new ImportException(file, line, "column '" + column + "': " + ImportException.quoted(text.trim())
                    + " is not a number");
        }
        if (!Double.isFinite(value)) {
            throw new ImportException(file, line, "column '" + column + "': " + ImportException.quoted(text.trim())
                    + " is not a finite number; a measured value must be one");
        }
        return value;
    }

    /**
     * A sample from a row's values, or the row refused with its line: a time before the step began, or a value out of
     * range once converted, is the file's error to report, not a crash.
     */
    static Sample sample(Path file, int line, double time, double volts, double amperes, double range, int flags)
            throws ImportException {
        try {
            return new Sample(time, volts, amperes, range, flags);
        } catch (IllegalArgumentException e) {
            throw new ImportException(file, line, "the row is not a sample: " + e.getMessage());
        }
    }

    /**
     * A value in a unit with an SI prefix (mA: 3 places, µA: 6) in the SI unit, converted by moving the decimal point of
     * the number as written, so -4.0969043 mA is the double nearest -0.0040969043 A; multiplying by 1e-3 is not exact
     * and shows in exports (-0.004096904300000001).
     */
    static double movePointLeft(double value, int places) {
        return places == 0 ? value : BigDecimal.valueOf(value).movePointLeft(places).doubleValue();
    }

    /** Whether a cell is a number as {@link #parse} reads it (a decimal point or comma): a data cell, not a name. */
    static boolean isNumber(String text) {
        String t = text.trim();
        if (t.indexOf(',') >= 0 && t.indexOf('.') < 0) {
            t = t.replace(',', '.');
        }
        try {
            return Double.isFinite(Double.parseDouble(t));
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** The median spacing of sample times: the interval a file does not state. */
    static double medianInterval(List<Sample> samples) {
        if (samples.size() < 2) {
            return 1;
        }
        double[] gaps = new double[samples.size() - 1];
        for (int i = 1; i < samples.size(); i++) {
            gaps[i - 1] = samples.get(i).timeSeconds() - samples.get(i - 1).timeSeconds();
        }
        Arrays.sort(gaps);
        double median = gaps[gaps.length / 2];
        return median > 0 ? median : 1;
    }

    /**
     * A delimited line's cells, trimmed, each without the double quotes a spreadsheet may put around it ("" inside
     * quotes is one quote), so a quoted separator stays inside its cell.
     */
    static String[] cells(String line, char separator) {
        if (line.indexOf('"') < 0) {
            return unquotedCells(line, separator);
        }
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '"') {
                if (quoted && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else {
                    quoted = !quoted;
                }
            } else if (c == separator && !quoted) {
                cells.add(cell.toString().trim());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        cells.add(cell.toString().trim());
        return cells.toArray(String[]::new);
    }

    /**
     * A line without quotes split at every separator, each cell trimmed: what {@link #cells} makes of it, without a
     * builder per cell (the rows of a large file are nearly all such lines).
     */
    private static String[] unquotedCells(String line, char separator) {
        int count = 1;
        for (int i = line.indexOf(separator); i >= 0; i = line.indexOf(separator, i + 1)) {
            count++;
        }
        String[] cells = new String[count];
        int start = 0;
        for (int k = 0; k < count - 1; k++) {
            int end = line.indexOf(separator, start);
            cells[k] = line.substring(start, end).trim();
            start = end + 1;
        }
        cells[count - 1] = line.substring(start).trim();
        return cells;
    }

    /**
     * Reads the rest of the file and says whether it is blank: whether the row read last is the file's last row
     * (only that one may be cut short). Called once a row has turned out short or bad, so the reading ends there.
     */
    static boolean restIsBlank(TextLines lines) throws ImportException {
        for (String line = lines.next(); line != null; line = lines.next()) {
            if (!line.isBlank()) {
                return false;
            }
        }
        return true;
    }

    /** The note for a file whose last row was cut short and left out. */
    static String cutShortNote(Path file, int line, long completeRows) {
        return file.getFileName() + ":" + line + ": the last row is cut short (truncated file?): " + completeRows
                + " complete rows kept";
    }

    /** A number for a message or a note: nine significant digits at most, no trailing zeros ("30", "0.0123"). */
    static String plain(double value) {
        return BigDecimal.valueOf(value).round(MathContext.DECIMAL64).round(new MathContext(9)).stripTrailingZeros()
                .toPlainString();
    }

    /** A number as Java writes it shortest, without an exponent or trailing zeros ("0.05079999871668406", "-0.5"). */
    static String asWritten(double value) {
        return new BigDecimal(Double.toString(value)).stripTrailingZeros().toPlainString();
    }
}
