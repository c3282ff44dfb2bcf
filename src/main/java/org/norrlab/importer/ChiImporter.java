package org.norrlab.importer;

import org.norrlab.config.Potential;
import org.norrlab.core.InstrumentIdentity;
import org.norrlab.core.Sample;

import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * CH Instruments text exports ("Save As" / "Convert to Text" of the chi6xx/7xx/1100 software), read as the layout
 * notes for {@code chi/} in the shared fixtures' SOURCES.md describe them: a date line, the technique's name, the
 * {@code File:} … {@code Note:} lines, a block of {@code Name (unit) = value} parameters, an optional results block,
 * then the data header ({@code Time/sec, …}, {@code Potential/V, …} or {@code Freq/Hz, …}) and rows of SI values.
 * <p>
 * Amperometric i-t Curve becomes one CA step at {@code Init E}; Chronoamperometry one CA step per pulse; Linear Sweep
 * and Cyclic Voltammetry an lsv or cv step whose time is computed from the scan rate (the file has none); Open Circuit
 * Potential - Time an ocp step; A.C. Impedance an eis step whose spectrum is handed on point by point (Z'' as the file
 * writes it: signed as measured). Any other technique, and any column set the notes do not describe, are refused. The
 * file never states the electrode area or the reference electrode.
 */
public final class ChiImporter implements Importer {
    static final String IT = "Amperometric i-t Curve";
    static final String CA = "Chronoamperometry";
    static final String LSV = "Linear Sweep Voltammetry";
    static final String CV = "Cyclic Voltammetry";
    static final String OCP = "Open Circuit Potential - Time";
    static final String EIS = "A.C. Impedance";

    /** The column sets each technique is read with, as the data header spells them. */
    private static final Map<String, List<List<String>>> COLUMNS = Map.of(
            IT, List.of(List.of("Time/sec", "Current/A")),
            CA, List.of(List.of("Time/sec", "Current/A"), List.of("Time/sec", "Current/A", "Charge/C")),
            LSV, List.of(List.of("Potential/V", "Current/A")),
            CV, List.of(List.of("Potential/V", "Current/A")),
            OCP, List.of(List.of("Time/sec", "Potential/V")),
            EIS, List.of(List.of("Freq/Hz", "Z'/ohm", "Z\"/ohm", "Z/ohm", "Phase/deg")));
    private static final List<String> READ = List.of(IT, CA, LSV, CV, OCP, EIS);
    private static final Pattern FIELDS = Pattern.compile("\\s*,\\s*");
    private static final List<String> DATA_HEADERS = List.of("Time/sec, ", "Potential/V, ", "Freq/Hz, ");
    private static final List<String> HEADER_KEYS = List.of("File", "Data Source", "Instrument Model", "Data Proc",
            "Header", "Note");
    private static final Pattern DATE = Pattern.compile(
            "([A-Za-z]{3,9})\\.?\\s+(\\d{1,2}),\\s*(\\d{4})\\s+(\\d{1,2}):(\\d{2}):(\\d{2})\\s*");
    private static final List<String> MONTHS = List.of("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep",
            "oct", "nov", "dec");
    /** How many lines {@link #recognises} reads when the head ends before the {@code Instrument Model:} line. */
    private static final int RECOGNITION_LINES = 10;

    @Override
    public String format() {
        return "chi";
    }

    @Override
    public boolean recognises(Path file, byte[] head) {
        List<String> lines = List.of(headText(head).split("[\r\n]+", -1));
        if (lines.size() < 3 || !DATE.matcher(lines.get(0).trim()).matches() || lines.get(1).isBlank()
                || !lines.get(2).startsWith("File:")) {
            return false;
        }
        if (lines.stream().anyMatch(l -> l.startsWith("Instrument Model:"))) {
            return true;
        }
        // A long File: path pushes the Instrument Model line past the head: read a few lines of the file itself.
        try (TextLines text = TextLines.open(file)) {
            for (int i = 0; i < RECOGNITION_LINES; i++) {
                String line = text.next();
                if (line == null) {
                    return false;
                }
                if (line.startsWith("Instrument Model:")) {
                    return true;
                }
            }
            return false;
        } catch (ImportException e) {
            return false;
        }
    }

    private static String headText(byte[] head) {
        if (head.length >= 2 && (head[0] & 0xff) == 0xFF && (head[1] & 0xff) == 0xFE) {
            return new String(head, 2, head.length - 2, StandardCharsets.UTF_16LE);
        }
        if (head.length >= 2 && (head[0] & 0xff) == 0xFE && (head[1] & 0xff) == 0xFF) {
            return new String(head, 2, head.length - 2, StandardCharsets.UTF_16BE);
        }
        int start = head.length >= 3 && (head[0] & 0xff) == 0xEF && (head[1] & 0xff) == 0xBB && (head[2] & 0xff) == 0xBF
                ? 3 : 0;
        return new String(head, start, head.length - start, StandardCharsets.ISO_8859_1);
    }

    @Override
    public void read(Path file, ImportSink sink) throws ImportException {
        try (TextLines lines = TextLines.open(file)) {
            Header header = Header.read(lines);
            Table table = table(header);
            sink.file(new FileFacts(format(), header.technique, new InstrumentIdentity("imported", "chi",
                    header.model, "unknown", "unknown"), header.metadata, StatedCell.NONE));
            table.read(lines, sink);
            if (header.dataProc.isPresent()) {
                sink.note("the file was processed in the CHI software before it was exported (Data Proc: "
                        + header.dataProc.get() + "): its values are not the instrument's raw readings");
            }
        }
    }

    /** Checks the technique and its columns against what the notes describe, and picks the reader for its rows. */
    private static Table table(Header h) throws ImportException {
        if (!READ.contains(h.technique)) {
            throw h.refusal(2, "not a technique norrlab reads from CHI files; it reads " + String.join(", ", READ)
                    + ": export the data another way, or as a CSV with named time and current columns");
        }
        List<List<String>> accepted = COLUMNS.get(h.technique);
        if (!accepted.contains(h.columns)) {
            throw h.refusal(h.dataLine, "columns '" + String.join(", ", h.columns) + "' are not the columns of this"
                    + " technique that norrlab reads; accepted: " + String.join(" or ",
                    accepted.stream().map(c -> "'" + String.join(", ", c) + "'").toList()));
        }
        return switch (h.technique) {
            case IT -> new TimeTable(h, "ca", Optional.of(new Potential(h.number("Init E (V)"), Potential.Scale.RE)),
                    h.positive("Sample Interval (s)"));
            case OCP -> new TimeTable(h, "ocp", Optional.empty(), h.params.containsKey("Sample Interval (s)")
                    ? h.positive("Sample Interval (s)") : Double.NaN);
            case CA -> new PulseTable(h);
            case EIS -> new SpectrumTable(h);
            default -> new SweepTable(h);
        };
    }

    /** A time for a note or label, to 6 significant digits without trailing zeros ('0.0199', '0.2'). */
    static String seconds(double value) {
        return new BigDecimal(value).round(new MathContext(6)).stripTrailingZeros().toPlainString();
    }

    /** What the lines before the data say. */
    private static final class Header {
        final Path file;
        final String technique;
        String model;
        Optional<String> dataProc = Optional.empty();
        final Map<String, String> metadata = new LinkedHashMap<>();
        final Map<String, String> params = new LinkedHashMap<>();
        final Map<String, Integer> paramLines = new LinkedHashMap<>();
        List<String> columns;
        int dataLine;

        private Header(Path file, String technique) {
            this.file = file;
            this.technique = technique;
        }

        static Header read(TextLines lines) throws ImportException {
            Path file = lines.file();
            String date = lines.next();
            Matcher m = date == null ? null : DATE.matcher(date.trim());
            if (m == null || !m.matches() || MONTHS.indexOf(m.group(1).substring(0, 3).toLowerCase(Locale.ROOT)) < 0) {
                throw new ImportException(file, 1, "CHI: line 1 is not a CHI date line such as 'Feb. 15, 2024   11:01:57'"
                        + " (found '" + (date == null ? "" : date.trim()) + "'): is this a CH Instruments text export?");
            }
            String technique = lines.next();
            if (technique == null || technique.isBlank()) {
                throw new ImportException(file, 2, "CHI: line 2 should name the technique (e.g. '" + IT + "')");
            }
            Header h = new Header(file, technique.trim());
            try {
                h.metadata.put("recorded", LocalDateTime.of(Integer.parseInt(m.group(3)),
                        MONTHS.indexOf(m.group(1).substring(0, 3).toLowerCase(Locale.ROOT)) + 1,
                        Integer.parseInt(m.group(2)), Integer.parseInt(m.group(4)), Integer.parseInt(m.group(5)),
                        Integer.parseInt(m.group(6))).toString());
            } catch (DateTimeException e) {
                throw h.refusal(1, "'" + date.trim() + "' is not a date and time (" + e.getMessage() + ")");
            }
            h.readFileLines(lines);
            h.readParameters(lines);
            h.skipToData(lines);
            return h;
        }

        /** File:, Data Source:, Instrument Model:, Data Proc:, Header:, Note: up to the first blank line. */
        private void readFileLines(TextLines lines) throws ImportException {
            String line;
            while ((line = lines.next()) != null && !line.isBlank()) {
                int colon = line.indexOf(':');
                String key = colon < 0 ? "" : line.substring(0, colon);
                if (!HEADER_KEYS.contains(key)) {
                    throw refusal(lines.lineNumber(), "'" + line.trim() + "' is not a line of a CHI file header; expected "
                            + String.join(", ", HEADER_KEYS.stream().map(k -> k + ":").toList())
                            + " and then a blank line before the parameters");
                }
                String value = line.substring(colon + 1).trim();
                switch (key) {
                    case "Instrument Model" -> model = value;
                    case "Data Proc" -> dataProc = Optional.of(value);
                    default -> { }
                }
                metadata.put("chi " + key.toLowerCase(Locale.ROOT), value);
            }
            if (!metadata.containsKey("chi file") || model == null || model.isEmpty()) {
                throw refusal(lines.lineNumber(), "the header has no " + (model == null || model.isEmpty()
                        ? "'Instrument Model:'" : "'File:'") + " line; a CHI text export has File:, Data Source:,"
                        + " Instrument Model:, Header: and Note: lines after the technique");
            }
        }

        /** 'Name (unit) = value' lines and bare flags up to the next blank line (or the data header). */
        private void readParameters(TextLines lines) throws ImportException {
            String line;
            while ((line = lines.next()) != null && !line.isBlank()) {
                if (startsData(line)) {
                    dataHeader(line, lines.lineNumber());
                    return;
                }
                int equals = line.indexOf('=');
                String name = (equals < 0 ? line : line.substring(0, equals)).trim();
                params.put(name, equals < 0 ? "" : line.substring(equals + 1).trim());
                paramLines.put(name, lines.lineNumber());
                metadata.put("chi parameter " + name, equals < 0 ? "(set)" : line.substring(equals + 1).trim());
            }
            if (line == null) {
                throw refusal(lines.lineNumber(), "the file ends in its parameters, before any data header"
                        + " (Time/sec, …, Potential/V, … or Freq/Hz, …): the export is cut short");
            }
        }

        /** Skips a results block (peaks, fits, Segment n: lines): the data header is the first line that starts data. */
        private void skipToData(TextLines lines) throws ImportException {
            if (columns != null) {
                return;
            }
            String line;
            while ((line = lines.next()) != null) {
                if (startsData(line)) {
                    dataHeader(line, lines.lineNumber());
                    return;
                }
            }
            throw refusal(lines.lineNumber(), "no data header (a line starting 'Time/sec, ', 'Potential/V, ' or"
                    + " 'Freq/Hz, ') follows the parameters: the file holds no data, or is cut short");
        }

        private static boolean startsData(String line) {
            return DATA_HEADERS.stream().anyMatch(line::startsWith);
        }

        private void dataHeader(String line, int number) {
            columns = List.of(FIELDS.split(line.trim(), -1));
            dataLine = number;
        }

        ImportException refusal(int line, String problem) {
            return new ImportException(file, line, "CHI \"" + technique + "\": " + problem);
        }

        double number(String name) throws ImportException {
            String text = params.get(name);
            if (text == null || text.isEmpty()) {
                throw refusal(dataLine, "the parameters have no '" + name + " = …' line, which this technique needs"
                        + " (" + String.join(", ", params.keySet()) + " were found); norrlab does not guess it");
            }
            return VendorText.parse(text, file, paramLines.get(name), name);
        }

        double positive(String name) throws ImportException {
            double value = number(name);
            if (!(value > 0)) {
                throw refusal(paramLines.get(name), "'" + name + " = " + params.get(name) + "' must be above 0");
            }
            return value;
        }
    }

    /**
     * Reads the data rows: each row is checked as it arrives and handed on one row late, so that the file's last row
     * can be recognised as cut short (a truncated file) and left out with a note, while a bad row anywhere else is an
     * error naming its line.
     */
    private abstract static class Table {
        final Header h;
        private String held;
        private int heldLine;
        private int[] lastShape;
        long rows;

        Table(Header h) {
            this.h = h;
        }

        final void read(TextLines lines, ImportSink sink) throws ImportException {
            String line;
            int blankAfter = 0;
            while ((line = lines.next()) != null) {
                if (line.isBlank()) {
                    if (held != null) {
                        blankAfter = lines.lineNumber();
                    }
                    continue;
                }
                if (blankAfter > 0) {
                    throw h.refusal(blankAfter, "a blank line inside the data rows; a CHI export has one block of rows");
                }
                if (held != null) {
                    row(held, heldLine, false, true, sink);
                }
                held = line;
                heldLine = lines.lineNumber();
            }
            if (held == null) {
                throw h.refusal(h.dataLine, "no data rows follow the data header '" + String.join(", ", h.columns) + "'");
            }
            row(held, heldLine, true, lines.lastLineEnded(), sink);
            finish(sink);
        }

        private void row(String line, int number, boolean last, boolean ended, ImportSink sink) throws ImportException {
            String[] cells = FIELDS.split(line.trim(), -1);
            int[] shape = shape(cells);
            double[] values = cells.length == h.columns.size() ? numbers(cells) : null;
            boolean complete = values != null && (ended || lastShape == null || Arrays.equals(shape, lastShape));
            if (!complete) {
                if (last) {
                    sink.note("the last row (line " + number + ", '" + line.trim() + "') is cut short (truncated file?): "
                            + rows + " complete rows kept");
                    return;
                }
                throw h.refusal(number, "'" + line.trim() + "' is not a row of " + h.columns.size() + " numbers ("
                        + String.join(", ", h.columns) + "); only the file's last row may be cut short");
            }
            lastShape = shape;
            rows++;
            sample(rows, values, cells, number, sink);
        }

        /** The row's numbers, or null when one is not a finite number. */
        private static double[] numbers(String[] cells) {
            double[] values = new double[cells.length];
            for (int i = 0; i < cells.length; i++) {
                try {
                    values[i] = Double.parseDouble(cells[i]);
                } catch (NumberFormatException e) {
                    return null;
                }
                if (!Double.isFinite(values[i])) {
                    return null;
                }
            }
            return values;
        }

        /**
         * How each number is written: digits after the point and of the exponent. A last row without a line end whose
         * shape differs from the row before is taken as cut short: '-1.234e-10' cut to '-1.234e-1' still parses.
         */
        private static int[] shape(String[] cells) {
            int[] shape = new int[cells.length];
            for (int i = 0; i < cells.length; i++) {
                String cell = cells[i];
                int e = Math.max(cell.indexOf('e'), cell.indexOf('E'));
                int end = e < 0 ? cell.length() : e;
                int point = cell.indexOf('.');
                int exponentDigits = 0;
                for (int c = e + 1; e >= 0 && c < cell.length(); c++) {
                    exponentDigits += Character.isDigit(cell.charAt(c)) ? 1 : 0;
                }
                shape[i] = (point < 0 || point > end ? 0 : end - point - 1) * 16 + exponentDigits;
            }
            return shape;
        }

        /** One complete row, the n-th of the file (from 1). */
        abstract void sample(long n, double[] values, String[] cells, int line, ImportSink sink) throws ImportException;

        abstract void finish(ImportSink sink) throws ImportException;

        /**
         * The time of the n-th row as n × interval, checked against the time the file prints to 4 significant digits
         * (CHI's first row is at one interval): the file's rounded times (20000 rows end at '2.000e-2', many of them)
         * would put rows at the same instant, so the exact time is the row's count. CHI's printed time can be off by
         * one unit in its last digit (the 620E file prints row 6246 at 1 µs as '6.245e-3'); one that does not agree
         * within that unit means the rows are not evenly spaced, and nothing is assumed.
         */
        double rowTime(long n, double interval, double printed, String text, int line) throws ImportException {
            double exact = n * interval;
            if (Math.abs(printed - exact) > lastDigit(text) * (1 + 1e-9) + 1e-15) {
                throw h.refusal(line, "the row's time " + text + " s is not row " + n + " × Sample Interval " + interval
                        + " s = " + exact + " s: the rows are not evenly spaced at the interval the parameters state,"
                        + " so norrlab cannot tell which time is right");
            }
            return exact;
        }

        /** A unit in the last printed digit of a number as the file writes it ('1.234e-5': 1e-8, '-0.500': 0.001). */
        static double lastDigit(String text) {
            int e = Math.max(text.indexOf('e'), text.indexOf('E'));
            String mantissa = e < 0 ? text : text.substring(0, e);
            int point = mantissa.indexOf('.');
            int decimals = point < 0 ? 0 : mantissa.length() - point - 1;
            int exponent = e < 0 ? 0 : Integer.parseInt(text.substring(e + 1).replace("+", ""));
            return Math.pow(10, exponent - decimals);
        }
    }

    /** Amperometric i-t Curve (one CA step at Init E) and Open Circuit Potential - Time (one ocp step). */
    private static final class TimeTable extends Table {
        private final String kind;
        private final Optional<Potential> set;
        private final double interval;
        private double lastTime;

        TimeTable(Header h, String kind, Optional<Potential> set, double interval) {
            super(h);
            this.kind = kind;
            this.set = set;
            this.interval = interval;
        }

        @Override
        void sample(long n, double[] values, String[] cells, int line, ImportSink sink) throws ImportException {
            if (n == 1) {
                String label = h.technique + set.map(p -> String.format(Locale.ROOT, " at Init E %s V", h.params.get(
                        "Init E (V)"))).orElse("");
                sink.beginStep(new StepFacts(kind, label, set, interval));
            }
            double t;
            if (Double.isNaN(interval)) {
                t = values[0];
                if (t < 0 || t < lastTime) {
                    throw h.refusal(line, "time " + cells[0] + " s runs backwards or below 0 s; CHI's times count up"
                            + " from the step's start");
                }
                lastTime = t;
            } else {
                t = rowTime(n, interval, values[0], cells[0], line);
            }
            sink.sample(kind.equals("ocp") ? Sample.potentialOnly(t, values[1])
                    : new Sample(t, Double.NaN, values[1], Double.NaN, 0));
        }

        @Override
        void finish(ImportSink sink) throws ImportException {
            if (rows > 0) {
                sink.endStep();
            }
            if (!Double.isNaN(interval)) {
                sink.note(String.format(Locale.ROOT, "times are row × Sample Interval (%s s), from %s s at the first row;"
                        + " the file prints them to 4 significant digits and every printed time agrees",
                        h.params.get("Sample Interval (s)"), h.params.get("Sample Interval (s)")));
            }
        }
    }

    /**
     * Chronoamperometry: 'Step' pulses of 'Pulse Width' each, sampled every 'Sample Interval', in one table whose time
     * runs on across the pulses. Each pulse becomes its own CA step, its time counted from the pulse's start.
     */
    private static final class PulseTable extends Table {
        private final int pulses;
        private final int perPulse;
        private final double interval;
        private final double width;
        private final Optional<Potential> set;
        private boolean open;

        PulseTable(Header h) throws ImportException {
            super(h);
            interval = h.positive("Sample Interval (s)");
            width = h.positive("Pulse Width (sec)");
            double steps = h.positive("Step");
            if (steps != Math.rint(steps)) {
                throw h.refusal(h.paramLines.get("Step"), "'Step = " + h.params.get("Step") + "' is not a whole number"
                        + " of pulses");
            }
            pulses = (int) steps;
            double ratio = width / interval;
            if (Math.abs(ratio - Math.rint(ratio)) > 1e-6 * ratio) {
                throw h.refusal(h.paramLines.get("Pulse Width (sec)"), "Pulse Width " + h.params.get("Pulse Width (sec)")
                        + " s is not a whole number of Sample Intervals (" + h.params.get("Sample Interval (s)")
                        + " s), so which rows belong to which pulse is not certain");
            }
            perPulse = (int) Math.rint(ratio);
            double high = h.number("High E (V)");
            double low = h.number("Low E (V)");
            h.number("Init E (V)");
            // The pulses alternate between High E and Low E. Which of them the first pulse holds is named only by
            // 'Init P/N', and the real files do not bear a reading of it out: in two of them (Init P/N = P) the first
            // pulse's current has the sign of the lower potential. So a set potential is given only when both are one.
            set = high == low ? Optional.of(new Potential(high, Potential.Scale.RE)) : Optional.empty();
        }

        @Override
        void sample(long n, double[] values, String[] cells, int line, ImportSink sink) throws ImportException {
            if (n > (long) pulses * perPulse) {
                throw h.refusal(line, "row " + n + " is beyond the " + pulses + " pulses × " + perPulse + " rows"
                        + " (Pulse Width / Sample Interval) the parameters describe; which pulse it belongs to is not certain");
            }
            rowTime(n, interval, values[0], cells[0], line);
            int pulse = (int) ((n - 1) / perPulse);
            long inPulse = (n - 1) % perPulse + 1;
            if (inPulse == 1) {
                if (open) {
                    sink.endStep();
                }
                sink.beginStep(new StepFacts("ca", label(pulse), set, interval));
                open = true;
            }
            // Exact from the row's count, as the file's time is: the pulse began at pulse × Pulse Width.
            sink.sample(new Sample(inPulse * interval, Double.NaN, values[1], Double.NaN, 0));
        }

        private String label(int pulse) {
            return "pulse " + (pulse + 1) + " of " + pulses + set.map(p -> " at " + h.params.get("High E (V)") + " V")
                    .orElse("") + " (from " + seconds(pulse * width) + " s of the file)";
        }

        @Override
        void finish(ImportSink sink) throws ImportException {
            if (open) {
                sink.endStep();
            }
            long planned = (long) pulses * perPulse;
            sink.note(String.format(Locale.ROOT, "%d rows in %d pulse(s) of %d rows (Pulse Width %s s / Sample Interval"
                            + " %s s); each pulse's time counts from its own start, where the file's time runs on (pulse k"
                            + " began at (k - 1) × %s s of the file)", rows, (rows + perPulse - 1) / perPulse, perPulse,
                    h.params.get("Pulse Width (sec)"), h.params.get("Sample Interval (s)"), h.params.get("Pulse Width (sec)")));
            if (rows < planned) {
                sink.note("the file holds " + rows + " of the " + planned + " rows its " + pulses + " pulses would give:"
                        + " the run ended early, in pulse " + ((rows - 1) / perPulse + 1));
            }
            if (set.isEmpty()) {
                sink.note("the pulses step between High E " + h.params.get("High E (V)") + " V and Low E "
                        + h.params.get("Low E (V)") + " V (Init E " + h.params.get("Init E (V)") + " V, Init P/N = "
                        + h.params.getOrDefault("Init P/N", "not given") + "), but the file does not say which pulse held"
                        + " which: in real CHI files the first pulse's current does not follow the reading 'P = High E"
                        + " first', so the file does not state each pulse's set potential");
            }
            if (h.columns.size() == 3) {
                sink.note("the Charge/C column is not stored: norrlab integrates the current itself");
            }
        }
    }

    /**
     * Linear Sweep and Cyclic Voltammetry: potential and current, no time. One row per Sample Interval (V) of the
     * sweep, so a row's time is its count × Sample Interval / Scan Rate; every row is checked to step by that interval.
     */
    private static final class SweepTable extends Table {
        private final double step;
        private final double seconds;
        private final String kind;
        private double lastPotential = Double.NaN;
        private int direction;
        private int sweeps;

        SweepTable(Header h) throws ImportException {
            super(h);
            step = h.positive("Sample Interval (V)");
            seconds = step / h.positive("Scan Rate (V/s)");
            kind = h.technique.equals(CV) ? "cv" : "lsv";
        }

        @Override
        void sample(long n, double[] values, String[] cells, int line, ImportSink sink) throws ImportException {
            double e = values[0];
            if (n == 1) {
                sink.beginStep(new StepFacts(kind, h.technique, seconds, stated()));
                sweeps = 1;
            } else {
                double de = e - lastPotential;
                // Within half a printed digit: CHI prints a sweep's set potentials exactly (every step of the real files
                // is 0.001 V), and a full digit would let a repeated or skipped row through at a 1 mV interval.
                if (Math.abs(Math.abs(de) - step) > 0.5 * lastDigit(cells[0]) * (1 + 1e-9) + 1e-12) {
                    throw h.refusal(line, "the potential goes from " + lastPotential + " V to " + cells[0] + " V, not by"
                            + " one Sample Interval (" + h.params.get("Sample Interval (V)") + " V): the rows are not one"
                            + " per interval, so their times cannot be computed from the scan rate");
                }
                int now = de > 0 ? 1 : -1;
                if (direction != 0 && now != direction) {
                    sweeps++;
                }
                direction = now;
            }
            lastPotential = e;
            sink.sample(new Sample((n - 1) * seconds, e, values[1], Double.NaN, 0));
        }

        /**
         * What the header states of the sweep: Scan Rate, Sample Interval, Init E; a CV's vertices High E and Low E in
         * the order Init P/N gives (P: High E first), an LSV's Final E. A value the header lacks is taken from the data.
         */
        private StatedSweep stated() throws ImportException {
            StatedSweep stated = StatedSweep.NONE.withScanRate(step / seconds, "Scan Rate (V/s) = "
                    + h.params.get("Scan Rate (V/s)") + ", line " + h.paramLines.get("Scan Rate (V/s)")).withStep(step);
            double init = optional("Init E (V)");
            if (kind.equals("lsv")) {
                return stated.withPotentials(init, Double.NaN, Double.NaN, optional("Final E (V)"));
            }
            double high = optional("High E (V)");
            double low = optional("Low E (V)");
            String first = h.params.getOrDefault("Init P/N", "");
            if (first.equals("P")) {
                return stated.withPotentials(init, high, low, init);
            }
            if (first.equals("N")) {
                return stated.withPotentials(init, low, high, init);
            }
            return stated.withPotentials(init, Double.NaN, Double.NaN, init);
        }

        private double optional(String name) throws ImportException {
            return h.params.containsKey(name) ? h.number(name) : Double.NaN;
        }

        @Override
        void finish(ImportSink sink) throws ImportException {
            sink.endStep();
            sink.note(String.format(Locale.ROOT, "the file has no time column: times computed from Scan Rate %s V/s and"
                            + " Sample Interval %s V, one row each %s s from 0 s at the first row",
                    h.params.get("Scan Rate (V/s)"), h.params.get("Sample Interval (V)"), ChiImporter.seconds(seconds)));
            if (kind.equals("cv")) {
                sink.note(rows + " rows stored = " + sweeps + " sweep(s); the header's Segment = "
                        + h.params.getOrDefault("Segment", "(none)") + " counts the segments run, and CHI often stores only"
                        + " the last ones: only the stored rows are imported");
            }
        }
    }

    /**
     * A.C. Impedance: one row per frequency, {@code Freq/Hz, Z'/ohm, Z"/ohm, Z/ohm, Phase/deg}, from High Frequency down.
     * CHI writes Z" signed as measured (capacitive negative; SOURCES.md's chi notes, and impedance.py's
     * readCHInstruments reads the column as the imaginary part as it is), and its Phase/deg is atan2(Z", Z'), negative
     * where Z" is: every row's phase is checked against its own Z' and Z", so a file whose columns disagree is refused.
     * The DC level is Init E vs the reference electrode. The file has no time column.
     */
    private static final class SpectrumTable extends Table {
        private final Optional<Potential> dc;

        SpectrumTable(Header h) throws ImportException {
            super(h);
            dc = Optional.of(new Potential(h.number("Init E (V)"), Potential.Scale.RE));
        }

        @Override
        void sample(long n, double[] values, String[] cells, int line, ImportSink sink) throws ImportException {
            if (n == 1) {
                sink.beginStep(SpectrumRows.step(EIS + " at Init E " + h.params.get("Init E (V)") + " V", dc, Double.NaN,
                        Double.NaN, optional("High Frequency (Hz)"), optional("Low Frequency (Hz)"), 0));
            }
            String format = "CHI \"" + EIS + "\"";
            SpectrumRows.checkPhase(h.file, line, format, "line " + line, values[1], values[2], values[4],
                    "Z'/ohm " + cells[1] + ", Z\"/ohm " + cells[2] + ", Phase/deg " + cells[4]);
            sink.impedance(SpectrumRows.point(h.file, line, format, 0, values[0], values[1], values[2],
                    Double.NaN, Double.NaN));
        }

        private double optional(String name) throws ImportException {
            return h.params.containsKey(name) ? h.number(name) : Double.NaN;
        }

        @Override
        void finish(ImportSink sink) throws ImportException {
            sink.endStep();
            sink.note(SpectrumRows.noTimes("CHI \"" + EIS + "\"", "the file has no time column"));
            sink.note(rows + " frequencies; Z\" as the file writes it (signed as measured), every row's Phase/deg agreeing"
                    + " with atan2(Z\", Z') within " + SpectrumRows.PHASE_TOLERANCE_DEGREES + "°");
            if (h.params.containsKey("Amplitude (V)")) {
                sink.note("'Amplitude (V) = " + h.params.get("Amplitude (V)") + "' (line " + h.paramLines.get("Amplitude (V)")
                        + ") does not say whether it is the peak or the rms amplitude, so the step's amplitude is left"
                        + " unknown");
            }
        }
    }
}
