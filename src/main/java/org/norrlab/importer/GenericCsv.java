package org.norrlab.importer;

import org.norrlab.config.Potential;
import org.norrlab.core.InstrumentIdentity;
import org.norrlab.core.Sample;
import org.norrlab.core.SampleFlag;
import org.norrlab.importer.CsvHeader.Column;
import org.norrlab.importer.CsvHeader.Role;
import org.norrlab.importer.DelimitedImporter.DefaultUnits;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A generic CSV of time and current (and optionally potential, step, set potential and kind), read a row at a time.
 * Rows of one step are one block; each step's time counts from its first row (the file's offset is noted); a step's
 * set potential and kind are one value for the whole step, or the file is refused. A step is {@code ca} when the file
 * states its set potential (that is what holding a set potential means), {@code other} unless a kind column says
 * otherwise: the operator's {@code --technique} and {@code --potential} are applied by the service, not guessed here.
 */
final class GenericCsv {
    private static final Set<String> KINDS = Set.of("ca", "ocp", "cv", "lsv", "cp", "other");

    private final Path file;
    private final TextLines lines;
    private final CsvHeader header;
    private final ImportSink sink;
    /** The header's columns, looked up once: a row reads them several times each. */
    private final Column timeColumn;
    private final Column currentColumn;
    private final Column potentialColumn;
    private final Column stepColumn;
    private final Column setPotentialColumn;
    /** Looked up once: a header lookup for every row showed in the import's profile (issue 23). */
    private final Optional<Column> kindColumn;
    /** Each step's first and last line, to name them when a step comes back after another. */
    private final Map<String, int[]> stepLines = new HashMap<>();
    private Open open;
    private double previousTime;
    private long rows;
    /** The decimal mark the file's numbers use, once one has been seen (0 before), and the line where it was first. */
    private char decimalMark;
    private int decimalMarkLine;
    /** Rows whose cells are all empty (a spreadsheet's ";;"): not yet followed by data, and skipped between data rows. */
    private int emptyPending;
    private int emptySkipped;
    private int firstEmptySkippedLine;

    /** The step being read: its key as the step column writes it and what must stay the same through it. */
    private record Open(String key, StreamedStep step, String kind, Optional<Double> setVolts, int firstLine,
                        double fileTimeAtStart) {
    }

    private GenericCsv(Path file, TextLines lines, CsvHeader header, ImportSink sink) {
        this.file = file;
        this.lines = lines;
        this.header = header;
        this.sink = sink;
        this.timeColumn = header.column(Role.TIME).orElseThrow();
        this.currentColumn = header.column(Role.CURRENT).orElse(null);
        this.potentialColumn = header.column(Role.POTENTIAL).orElse(null);
        this.stepColumn = header.column(Role.STEP).orElse(null);
        this.setPotentialColumn = header.column(Role.SET_POTENTIAL).orElse(null);
        this.kindColumn = header.column(Role.KIND);
    }

    /** Reads the rows after the header line {@code headerText}, which {@code lines} has just returned. */
    static void read(Path file, TextLines lines, String headerText, DefaultUnits defaults, ImportSink sink)
            throws ImportException {
        int headerLine = lines.lineNumber();
        CsvHeader header = CsvHeader.read(file, headerLine, headerText, defaults);
        Map<String, String> metadata = new LinkedHashMap<>();
        metadata.put("columns", header.described());
        metadata.put("separator", header.separator() == '\t' ? "TAB" : String.valueOf(header.separator()));
        sink.file(new FileFacts("csv", "CSV", new InstrumentIdentity("imported", "csv", "unknown", "unknown", "unknown"),
                metadata, StatedCell.NONE));
        new GenericCsv(file, lines, header, sink).rows(headerLine);
    }

    private void rows(int headerLine) throws ImportException {
        for (String text = lines.next(); text != null; text = lines.next()) {
            if (text.isBlank() || text.startsWith("#")) {
                continue;
            }
            int line = lines.lineNumber();
            boolean ended = lines.lastLineEnded();
            String[] cells = VendorText.cells(text, header.separator());
            if (allEmpty(cells)) {
                // Excel saves the empty rows below a table as ";;": blank rows, not rows of missing numbers
                if (emptyPending++ == 0 && emptySkipped == 0) {
                    firstEmptySkippedLine = line;
                }
                continue;
            }
            if (cells.length < header.width() || !ended && lastCellUnreadable(cells)) {
                if (VendorText.restIsBlank(lines)) {
                    sink.note(VendorText.cutShortNote(file, line, rows));
                    break;
                }
                if (cells.length < header.width()) {
                    throw new ImportException(file, line, "has " + cells.length + " cells and the header has "
                            + header.width() + "; only a file's last row may be cut short");
                }
            }
            for (int c = header.width(); c < cells.length; c++) {
                if (!cells[c].isEmpty()) {
                    throw new ImportException(file, line, "has " + cells.length + " cells and the header has "
                            + header.width() + " (cell " + (c + 1) + " is " + ImportException.quoted(cells[c])
                            + "); every row has the header's columns");
                }
            }
            emptySkipped += emptyPending;
            emptyPending = 0;
            row(line, cells);
        }
        if (open == null) {
            throw new ImportException(file, headerLine + 1, "has a header but no data rows");
        }
        if (emptySkipped > 0) {
            // rows of empty cells at the end are a spreadsheet's habit; between data rows they may hide a cut: say so
            sink.note(file.getFileName() + ":" + firstEmptySkippedLine + ": " + emptySkipped + (emptySkipped == 1
                    ? " row whose cells are all empty was" : " rows whose cells are all empty were")
                    + " skipped among the data rows (the first at this line)");
        }
        open.step().end();
    }

    private static boolean allEmpty(String[] cells) {
        for (String cell : cells) {
            if (!cell.isEmpty()) {
                return false;
            }
        }
        return true;
    }

    /** Whether the row's last cell is a number norrlab reads and does not parse: where a file cut mid-row ends. */
    private boolean lastCellUnreadable(String[] cells) {
        int last = header.width() - 1;
        boolean read = Set.of(Role.TIME, Role.CURRENT, Role.POTENTIAL, Role.SET_POTENTIAL).stream()
                .anyMatch(role -> header.column(role).filter(c -> c.index() == last).isPresent());
        boolean mayBeEmpty = header.column(Role.SET_POTENTIAL).filter(c -> c.index() == last).isPresent();
        return read && cells.length > last && !(mayBeEmpty && cells[last].isEmpty()) && !VendorText.isNumber(cells[last]);
    }

    private void row(int line, String[] cells) throws ImportException {
        String key = stepColumn == null ? "1" : cells[stepColumn.index()];
        if (key.isEmpty()) {
            throw new ImportException(file, line, "column '" + stepColumn.header() + "': empty; every row names its step");
        }
        double time = number(cells, timeColumn, line);
        Optional<Double> setVolts = setPotentialColumn == null || cells[setPotentialColumn.index()].isEmpty()
                ? Optional.empty() : Optional.of(number(cells, setPotentialColumn, line));
        String kind = kind(cells, line, setVolts);
        if (open == null || !open.key().equals(key)) {
            begin(line, key, kind, setVolts, time);
        } else {
            same(line, "kind", open.kind(), kind, Role.KIND);
            if (!open.setVolts().equals(setVolts)) {
                // compared as written (nine digits), as before: formatted only when the numbers differ at all
                same(line, "set potential", open.setVolts().map(v -> VendorText.plain(v) + " V").orElse("none"),
                        setVolts.map(v -> VendorText.plain(v) + " V").orElse("none"), Role.SET_POTENTIAL);
            }
        }
        stepLines.get(key)[1] = line;
        double since = time - open.fileTimeAtStart();
        if (time < previousTime) {
            throw new ImportException(file, line, "column '" + timeColumn.header() + "': time "
                    + VendorText.plain(time) + " s is before the row above (" + VendorText.plain(previousTime) + " s) in step '"
                    + key + "'; rows of a step must run forward in time (a file whose time starts again needs a step column)");
        }
        previousTime = time;
        double volts = potentialColumn != null ? number(cells, potentialColumn, line) : Double.NaN;
        Sample sample;
        if (currentColumn != null) {
            sample = VendorText.sample(file, line, since, volts, number(cells, currentColumn, line), Double.NaN, 0);
        } else {
            sample = VendorText.sample(file, line, since, volts, Double.NaN, Double.NaN, SampleFlag.NO_CURRENT.bit());
        }
        open.step().sample(sample);
        rows++;
    }

    private void begin(int line, String key, String kind, Optional<Double> setVolts, double time) throws ImportException {
        int[] earlier = stepLines.get(key);
        if (earlier != null) {
            throw new ImportException(file, line, "step '" + key + "' appears again after step '" + open.key() + "' (its rows"
                    + " were lines " + earlier[0] + "–" + earlier[1] + "); the rows of one step must be one block");
        }
        if (open != null) {
            open.step().end();
        }
        stepLines.put(key, new int[] {line, line});
        Column set = header.column(Role.SET_POTENTIAL).orElse(null);
        Optional<Potential> potential = setVolts.map(v -> new Potential(v, set.scale().orElseThrow()));
        String label = "step " + key;
        if (time != 0) {
            sink.note(file.getFileName() + ":" + line + ": " + label + " begins at " + VendorText.plain(time) + " s of the file's"
                    + " time; its samples' times count from there (t − " + VendorText.plain(time) + " s)");
        }
        open = new Open(key, StreamedStep.begin(sink, new StepFacts(kind, label, potential, Double.NaN)), kind, setVolts,
                line, time);
        previousTime = time;
    }

    private String kind(String[] cells, int line, Optional<Double> setVolts) throws ImportException {
        Optional<Column> column = kindColumn;
        if (column.isEmpty()) {
            return setVolts.isPresent() ? "ca" : "other";
        }
        String kind = cells[column.get().index()].toLowerCase(Locale.ROOT);
        if (!KINDS.contains(kind)) {
            throw new ImportException(file, line, "column '" + column.get().header() + "': "
                    + ImportException.quoted(cells[column.get().index()]) + " is not a step kind; allowed: ca, ocp, cv, lsv, cp, other");
        }
        if (setVolts.isPresent() && !kind.equals("ca")) {
            throw new ImportException(file, line, "column '" + column.get().header() + "': a '" + kind + "' step with a set"
                    + " potential (column '" + header.column(Role.SET_POTENTIAL).orElseThrow().header() + "'); only a ca step"
                    + " holds one: leave its set potential empty or make it ca");
        }
        return kind;
    }

    /** A step's kind and set potential are one value through the step: a change inside it is refused, not averaged. */
    private void same(int line, String what, String first, String now, Role role) throws ImportException {
        if (!first.equals(now)) {
            throw new ImportException(file, line, "column '" + header.column(role).orElseThrow().header() + "': " + what + " "
                    + now + " in step '" + open.key() + "', whose first row (line " + open.firstLine() + ") has " + first
                    + "; a step has one " + what + ": give each value its own step");
        }
    }

    private double number(String[] cells, Column column, int line) throws ImportException {
        String cell = cells[column.index()];
        if (header.separator() == ',' && cell.indexOf(',') >= 0) {
            throw new ImportException(file, line, "column '" + column.header() + "': '" + cell + "' has a decimal comma, which"
                    + " a comma-separated file cannot tell from a separator; export with ';' or TAB between cells");
        }
        oneDecimalMark(cell, column, line);
        double value = column.toSi(VendorText.parse(cell, file, line, column.header()));
        if (!Double.isFinite(value)) {
            throw new ImportException(file, line, "column '" + column.header() + "': '" + cell + "' " + column.unit()
                    + " is out of range");
        }
        return value;
    }

    /**
     * A file writes its decimals with one mark: in a ';' or TAB file of decimal commas, '-1.500' is German for −1500
     * (a thousands point) as much as it is −1.5 in English, so a number with the other mark is refused, not read one
     * way. A number without a mark ("12", "1e-3") reads the same either way.
     */
    private void oneDecimalMark(String cell, Column column, int line) throws ImportException {
        boolean comma = cell.indexOf(',') >= 0;
        boolean point = cell.indexOf('.') >= 0;
        if (comma == point) {
            return; // no mark, or both: then not a number, which parse says
        }
        char mark = comma ? ',' : '.';
        if (decimalMark == 0) {
            decimalMark = mark;
            decimalMarkLine = line;
        } else if (mark != decimalMark) {
            throw new ImportException(file, line, "column '" + column.header() + "': this file writes decimals with '"
                    + decimalMark + "' (first at line " + decimalMarkLine + "); " + ImportException.quoted(cell) + " with '"
                    + mark + "' could be a thousands separator: re-export with one decimal mark");
        }
    }
}
