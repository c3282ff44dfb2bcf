package org.norrlab.importer;

import org.norrlab.core.ImpedancePoint;
import org.norrlab.core.InstrumentIdentity;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The ZView-layout ("Z60W Data File") impedance export of Autolab's software, as the fixture
 * autolab/impedancepy_exampleDataAutolab.txt is laid out: the quoted title, seven empty quoted lines, a line of six
 * numbers, the count of frequencies, the quoted column line {@code Freq (Hz) Ampl Bias Time(Sec) Z'(a) Z''(b) GD Err
 * Range}, then that many rows of nine comma-separated numbers. One eis step.
 *
 * <p>The sign: Z''(b) is ZView's imaginary part as measured (capacitive negative); impedance.py's readAutolab reads this
 * very file's sixth column as the imaginary part as it is, and pyimpspec's ZView (.z) parser reads its {@code Z''(b)}
 * column unchanged. The file has no phase column to check it against. The line of six numbers is not documented, so it
 * is not read; Ampl, Bias and Time are used only where the file fills them (a column of zeros is "not exported", not
 * an amplitude, potential or time of 0).
 */
final class ZViewText {
    static final String TITLE = "Z60W Data File";
    private static final List<String> COLUMNS = List.of("Freq (Hz)", "Ampl", "Bias", "Time(Sec)", "Z'(a)", "Z''(b)",
            "GD", "Err", "Range");
    private static final String FORMAT = "ZView-layout impedance export";
    /** The title, seven empty lines and the line of six numbers come before the count. */
    private static final int COUNT_LINE = 10;

    private ZViewText() {
    }

    static void read(Path file, ImportSink sink) throws ImportException {
        List<double[]> rows = new ArrayList<>();
        List<Integer> lineNumbers = new ArrayList<>();
        int declared;
        try (TextLines lines = TextLines.open(file)) {
            String title = lines.next();
            if (title == null || !title.replace("\"", "").startsWith(TITLE)) {
                throw new ImportException(file, 1, FORMAT + ": line 1 is not the title \"" + TITLE + ": …\"");
            }
            String line = null;
            // past the empty quoted lines and the undocumented line of six numbers, to the count
            for (int n = 2; n <= COUNT_LINE; n++) {
                line = lines.next();
            }
            declared = count(file, line, lines.lineNumber());
            String header = lines.next();
            List<String> columns = header == null ? List.of()
                    : List.of(header.replace("\"", "").trim().split("\\s{2,}|\\t"));
            if (!columns.equals(COLUMNS)) {
                throw new ImportException(file, lines.lineNumber(), FORMAT + ": the column line "
                        + ImportException.quoted(header == null ? "" : header) + " is not " + String.join(", ", COLUMNS)
                        + ", the only column set norrlab reads (it knows their meaning and Z''(b)'s sign)");
            }
            while ((line = lines.next()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                rows.add(row(file, lines.lineNumber(), line));
                lineNumbers.add(lines.lineNumber());
            }
        }
        if (rows.size() != declared) {
            throw new ImportException(file, COUNT_LINE, FORMAT + ": line " + COUNT_LINE + " declares " + declared
                    + " frequencies but " + rows.size() + " rows follow the column line: the file is cut short or"
                    + " damaged, and which rows are missing is not known");
        }
        Map<String, String> metadata = new LinkedHashMap<>();
        metadata.put("columns", String.join(", ", COLUMNS));
        sink.file(new FileFacts("nova", FORMAT, new InstrumentIdentity("imported", "nova",
                "Metrohm Autolab (model not in the file)", "unknown", "unknown"), metadata, StatedCell.NONE));
        boolean timed = filled(rows, 3) && increasing(rows, 3);
        sink.beginStep(SpectrumRows.step("ZView-layout spectrum (" + declared + " frequencies)", Optional.empty(),
                Double.NaN, Double.NaN, Double.NaN, Double.NaN, declared));
        for (int i = 0; i < rows.size(); i++) {
            double[] r = rows.get(i);
            ImpedancePoint point = SpectrumRows.point(file, lineNumbers.get(i), FORMAT, timed ? r[3] - rows.get(0)[3] : 0,
                    r[0], r[4], r[5], Double.NaN, Double.NaN);
            sink.impedance(point);
        }
        sink.endStep();
        if (!timed) {
            sink.note(SpectrumRows.noTimes(FORMAT, filled(rows, 3) ? "its Time(Sec) column does not increase"
                    : "its Time(Sec) column is 0 in every row"));
        }
        sink.note(FORMAT + ": " + rows.size() + " frequencies; Z''(b) read as Z'' as measured (ZView's imaginary"
                + " part); the file has no phase column to check its sign against");
        sink.note(FORMAT + ": the Ampl and Bias columns are " + (filled(rows, 1) || filled(rows, 2)
                ? "filled but their units and reference are not stated" : "0 in every row (not exported)")
                + ", so the step's amplitude and DC potential are left unknown; the file names no instrument, electrode"
                + " area or reference electrode");
    }

    private static int count(Path file, String line, int number) throws ImportException {
        try {
            int count = line == null ? -1 : Integer.parseInt(line.replace("\"", "").trim());
            if (count > 0) {
                return count;
            }
        } catch (NumberFormatException e) {
            // refused below, with the line as the file has it
        }
        throw new ImportException(file, number, FORMAT + ": line " + COUNT_LINE + " should hold the count of"
                + " frequencies; found " + ImportException.quoted(line == null ? "the end of the file" : line));
    }

    private static double[] row(Path file, int line, String text) throws ImportException {
        String[] cells = text.split(",", -1);
        if (cells.length != COLUMNS.size()) {
            throw new ImportException(file, line, FORMAT + ": " + ImportException.quoted(text) + " has " + cells.length
                    + " fields where the column line names " + COLUMNS.size() + " (" + String.join(", ", COLUMNS) + ")");
        }
        double[] values = new double[cells.length];
        for (int i = 0; i < cells.length; i++) {
            values[i] = VendorText.parse(cells[i], file, line, COLUMNS.get(i));
        }
        return values;
    }

    private static boolean filled(List<double[]> rows, int column) {
        return rows.stream().anyMatch(r -> r[column] != 0);
    }

    private static boolean increasing(List<double[]> rows, int column) {
        for (int i = 1; i < rows.size(); i++) {
            if (!(rows.get(i)[column] > rows.get(i - 1)[column])) {
                return false;
            }
        }
        return true;
    }
}
