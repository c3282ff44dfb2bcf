package org.norrlab.importer;

import org.norrlab.core.Technique;
import org.norrlab.config.Potential;
import org.norrlab.core.InstrumentIdentity;
import org.norrlab.core.Sample;
import org.norrlab.core.SampleFlag;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Metrohm Autolab NOVA 2.x "Export ASCII data", as SOURCES.md's autolab notes describe it: no metadata, line 1 the
 * column header (NOVA signal names with the unit in parentheses), then one row per sample; delimiter {@code ;}, TAB
 * or {@code ,} and a decimal comma only when the delimiter is not {@code ,}; UTF-8 with an optional BOM. The file
 * names no technique, so it is inferred from the columns only where the notes make that certain: {@code Scan} with a
 * {@code Potential applied (V)} that sweeps is a CV (several scans or a reversing sweep) or an LSV;
 * {@code Corrected time (s)} with a constant {@code Potential applied (V)} is a chronoamperometry at that potential.
 * Anything else is refused. The file is read twice, a line at a time: once to learn the technique and check every
 * row, once to hand the samples on, so the kind is known before the first sample and nothing fails half-way.
 *
 * <p>Also recognises the ZView-layout ({@code "Z60W Data File"}) impedance export Autolab's FRA software writes, read
 * by {@link ZViewText}.
 */
public final class NovaAsciiImporter implements Importer {
    static final String TIME = "Time (s)";
    static final String CORRECTED_TIME = "Corrected time (s)";
    static final String APPLIED = "Potential applied (V)";
    static final String CURRENT = "WE(1).Current (A)";
    static final String POTENTIAL = "WE(1).Potential (V)";
    static final String SCAN = "Scan";
    static final String RANGE = "Current range";
    static final String OVERLOAD = "Overload";
    /** Every column name the notes saw; {@code Column n} (with or without a unit) is a user's calculated signal. */
    private static final List<String> KNOWN = List.of(APPLIED, TIME, CURRENT, POTENTIAL, SCAN, "Index", "Q+", "Q-", RANGE,
            OVERLOAD, CORRECTED_TIME);
    private static final Pattern USER_COLUMN = Pattern.compile("Column \\d+( \\(.+\\))?");
    /** Current range as NOVA writes it: "1 mA", "10 µA" (µ as U+00B5, or the Greek letter), "100 nA". */
    private static final Pattern RANGE_TEXT = Pattern.compile("(\\d+(?:\\.\\d+)?) ?(A|mA|[µμ]A|nA)");
    private static final String CURRENT_OVERLOAD = "Current overload";
    private static final String ZVIEW = ZViewText.TITLE;

    @Override
    public String format() {
        return "nova";
    }

    /** The header line's signal names (not the file's extension), or the ZView title line. */
    @Override
    public boolean recognises(Path file, byte[] head) {
        String first = HeadLine.of(head);
        return first.replace("\"", "").startsWith(ZVIEW) || first.contains(CURRENT) || first.contains(POTENTIAL);
    }

    @Override
    public void read(Path file, ImportSink sink) throws ImportException {
        Layout layout;
        try (TextLines lines = TextLines.open(file)) {
            String header = lines.next();
            if (header == null || header.isBlank()) {
                throw new ImportException(file, 1, "is empty; a NOVA ASCII export starts with its column header");
            }
            if (header.replace("\"", "").startsWith(ZVIEW)) {
                ZViewText.read(file, sink);
                return;
            }
            layout = Layout.of(file, header);
        }
        Survey survey = survey(file, layout);
        Inferred inferred = infer(file, layout, survey);
        Map<String, String> metadata = new LinkedHashMap<>();
        metadata.put("delimiter", layout.delimiterName());
        metadata.put("time_column", layout.columns.get(layout.time));
        metadata.put("time_offset_s", Double.toString(survey.firstTime));
        metadata.put("columns", String.join(", ", layout.columns));
        sink.file(new FileFacts(format(), inferred.technique, new InstrumentIdentity("imported", "nova",
                "Metrohm Autolab (model not in the file)", "NOVA", "unknown"), metadata, StatedCell.NONE));
        sink.note("NOVA ASCII exports name no technique: " + inferred.technique);
        sink.note("time: the file's '" + layout.columns.get(layout.time) + "' starts at " + survey.firstTime
                + " s; the step begins at its first sample (t − " + survey.firstTime + " s)");
        if (layout.potential < 0) {
            sink.note("no '" + POTENTIAL + "' column: the samples carry no measured potential");
        }
        if (inferred.setPotential.isPresent()) {
            sink.note("set potential " + inferred.setPotential.get() + " from the constant '" + APPLIED + "' column");
        }
        sink.beginStep(new StepFacts(inferred.kind, "NOVA " + inferred.kind + " (" + layout.columns.get(layout.time)
                + " from " + survey.firstTime + " s)", inferred.setPotential, Double.NaN));
        boolean sweep = Technique.isSweep(inferred.kind);
        try (TextLines lines = TextLines.open(file)) {
            lines.next();
            double previousRange = Double.NaN;
            for (int n = 0; n < survey.rows; ) {
                String line = lines.next();
                if (line.isBlank()) {
                    continue;
                }
                Row row = layout.row(file, lines.lineNumber(), line);
                int flags = row.flags;
                if (!Double.isNaN(row.range) && !Double.isNaN(previousRange) && row.range != previousRange) {
                    flags |= SampleFlag.RANGE_CHANGED.bit();
                }
                previousRange = row.range;
                Sample sample = new Sample(row.time - survey.firstTime, row.potential, row.current, row.range, flags);
                // a sweep's 'Scan' column numbers its cycles from 1: the cycle of each sample (segments follow from E)
                boolean scanned = sweep && row.scan >= 1 && row.scan == Math.rint(row.scan);
                sink.sample(scanned ? sample.inSweep((int) row.scan, 1) : sample);
                n++;
            }
        }
        sink.endStep();
        if (survey.cutLine > 0) {
            sink.note("the last row (line " + survey.cutLine + ") is cut short (truncated file?): " + survey.rows
                    + " complete rows kept");
        }
    }

    /** Pass one: every row checked, and what the technique is inferred from. */
    private static Survey survey(Path file, Layout layout) throws ImportException {
        Survey survey = new Survey();
        try (TextLines lines = TextLines.open(file)) {
            lines.next();
            String line = lines.next();
            while (line != null) {
                int number = lines.lineNumber();
                String following = lines.next();
                if (!line.isBlank()) {
                    Row row;
                    try {
                        row = layout.row(file, number, line);
                    } catch (ImportException e) {
                        if (following == null && !lines.lastLineEnded()) {
                            survey.cutLine = number;
                            break;
                        }
                        throw e;
                    }
                    survey.add(file, number, row, layout);
                }
                line = following;
            }
        }
        if (survey.rows == 0) {
            throw new ImportException(file, 2, "NOVA ASCII export with no data rows after its column header");
        }
        return survey;
    }

    private static Inferred infer(Path file, Layout layout, Survey s) throws ImportException {
        boolean hasApplied = layout.applied >= 0;
        boolean sweeps = hasApplied && s.appliedMin != s.appliedMax;
        if (layout.scan >= 0 && sweeps) {
            boolean cv = s.scans.size() > 1 || s.reverses;
            String why = s.scans.size() + (s.scans.size() == 1 ? " scan" : " scans") + ", the sweep "
                    + (s.reverses ? "reverses" : "runs one way") + " from " + s.appliedFirst + " V";
            return new Inferred(cv ? "cv" : "lsv", (cv ? "cv" : "lsv") + " inferred from the columns '" + SCAN + "' and '"
                    + APPLIED + "' (" + why + ")", Optional.empty());
        }
        if (layout.correctedTime >= 0 && hasApplied && !sweeps) {
            Optional<Potential> set = Optional.of(new Potential(s.appliedFirst, Potential.Scale.RE));
            return new Inferred("ca", "ca inferred from the columns '" + CORRECTED_TIME + "' and a constant '" + APPLIED
                    + "' (" + s.appliedFirst + " V vs the reference electrode)", set);
        }
        String found = hasApplied ? "'" + APPLIED + "' " + (sweeps ? "from " + s.appliedMin + " to " + s.appliedMax + " V"
                : "constant at " + s.appliedFirst + " V") : "no '" + APPLIED + "'";
        throw new ImportException(file, 1, "NOVA ASCII export: the technique cannot be told from the columns "
                + String.join(", ", layout.columns) + " (" + found + (layout.scan >= 0 ? ", with '" + SCAN + "'" : "")
                + (layout.correctedTime >= 0 ? ", with '" + CORRECTED_TIME + "'" : "") + "); norrlab reads '" + SCAN
                + "' with a sweeping '" + APPLIED + "' (CV or LSV) or '" + CORRECTED_TIME + "' with a constant '"
                + APPLIED + "' (chronoamperometry): export one of those, or the data as a CSV with --technique");
    }

    private record Inferred(String kind, String technique, Optional<Potential> setPotential) {
    }

    /** One data row, read. */
    private record Row(double time, double applied, double scan, double potential, double current, double range,
                       int flags) {
    }

    /** What pass one learns: rows, the first time, how the applied potential moves and how many scans there are. */
    private static final class Survey {
        int rows;
        int cutLine;
        double firstTime = Double.NaN;
        double lastTime;
        double appliedFirst = Double.NaN;
        double appliedMin = Double.POSITIVE_INFINITY;
        double appliedMax = Double.NEGATIVE_INFINITY;
        double appliedLast = Double.NaN;
        int direction;
        boolean reverses;
        final Set<Double> scans = new HashSet<>();

        void add(Path file, int line, Row row, Layout layout) throws ImportException {
            if (rows == 0) {
                firstTime = row.time;
            } else if (row.time < lastTime) {
                throw new ImportException(file, line, "column '" + layout.columns.get(layout.time) + "': " + row.time
                        + " s comes after " + lastTime + " s; time must not run backwards within one NOVA export");
            }
            lastTime = row.time;
            rows++;
            if (layout.scan >= 0) {
                scans.add(row.scan);
            }
            if (layout.applied >= 0) {
                double e = row.applied;
                if (Double.isNaN(appliedFirst)) {
                    appliedFirst = e;
                } else if (e != appliedLast) {
                    int now = e > appliedLast ? 1 : -1;
                    reverses |= direction != 0 && now != direction;
                    direction = now;
                }
                appliedLast = e;
                appliedMin = Math.min(appliedMin, e);
                appliedMax = Math.max(appliedMax, e);
            }
        }
    }

    /** The header as read: the delimiter and where each column the importer uses sits (−1: absent). */
    private static final class Layout {
        final char delimiter;
        final List<String> columns;
        final int time;
        final int correctedTime;
        final int applied;
        final int current;
        final int potential;
        final int scan;
        final int range;
        final int overload;

        private Layout(char delimiter, List<String> columns) {
            this.delimiter = delimiter;
            this.columns = columns;
            correctedTime = columns.indexOf(CORRECTED_TIME);
            time = columns.contains(TIME) ? columns.indexOf(TIME) : correctedTime;
            applied = columns.indexOf(APPLIED);
            current = columns.indexOf(CURRENT);
            potential = columns.indexOf(POTENTIAL);
            scan = columns.indexOf(SCAN);
            range = columns.indexOf(RANGE);
            overload = columns.indexOf(OVERLOAD);
        }

        static Layout of(Path file, String header) throws ImportException {
            List<Character> present = new ArrayList<>();
            for (char c : new char[]{';', '\t', ','}) {
                if (header.indexOf(c) >= 0) {
                    present.add(c);
                }
            }
            if (present.size() != 1) {
                throw new ImportException(file, 1, "NOVA ASCII header: " + (present.isEmpty() ? "no delimiter"
                        : "more than one delimiter (" + String.join(" and ", present.stream().map(Layout::name).toList())
                        + ")") + " in '" + header + "'; a NOVA export separates its column names by one of ';', TAB"
                        + " or ','");
            }
            char delimiter = present.get(0);
            List<String> columns = new ArrayList<>();
            for (String name : header.split(Pattern.quote(String.valueOf(delimiter)), -1)) {
                String column = name.strip();
                if (!KNOWN.contains(column) && !USER_COLUMN.matcher(column).matches()) {
                    throw new ImportException(file, 1, "NOVA ASCII header: column '" + column + "' is not one norrlab"
                            + " reads; accepted: " + String.join(", ", KNOWN) + ", Column n [(unit)]");
                }
                if (columns.contains(column)) {
                    throw new ImportException(file, 1, "NOVA ASCII header: column '" + column + "' appears twice");
                }
                columns.add(column);
            }
            Layout layout = new Layout(delimiter, List.copyOf(columns));
            if (layout.current < 0 || layout.time < 0) {
                throw new ImportException(file, 1, "NOVA ASCII header without '" + (layout.current < 0 ? CURRENT
                        : TIME + "' or '" + CORRECTED_TIME) + "' (found " + String.join(", ", columns) + "); norrlab"
                        + " needs a time ('" + TIME + "' or '" + CORRECTED_TIME + "') and '" + CURRENT + "'");
            }
            return layout;
        }

        private static String name(char delimiter) {
            return delimiter == '\t' ? "TAB" : "'" + delimiter + "'";
        }

        String delimiterName() {
            return name(delimiter);
        }

        Row row(Path file, int line, String text) throws ImportException {
            String[] cells = text.split(Pattern.quote(String.valueOf(delimiter)), -1);
            if (cells.length != columns.size()) {
                throw new ImportException(file, line, "has " + cells.length + " cells where the header names "
                        + columns.size() + " columns" + (delimiter == ',' && cells.length > columns.size()
                        ? " (a decimal comma in a ','-delimited export? NOVA writes '.' there)" : ""));
            }
            double range = this.range < 0 ? Double.NaN : range(file, line, cells[this.range]);
            int flags = 0;
            if (overload >= 0) {
                String said = cells[overload].strip();
                if (said.equals(CURRENT_OVERLOAD)) {
                    flags |= SampleFlag.OVERLOAD.bit();
                } else if (!said.isEmpty()) {
                    throw new ImportException(file, line, "column '" + OVERLOAD + "': '" + said + "' is not a value"
                            + " norrlab reads; accepted: empty or '" + CURRENT_OVERLOAD + "'");
                }
            }
            return new Row(number(file, line, cells, time), applied < 0 ? Double.NaN : number(file, line, cells, applied),
                    scan < 0 ? Double.NaN : number(file, line, cells, scan),
                    potential < 0 ? Double.NaN : number(file, line, cells, potential), number(file, line, cells, current),
                    range, flags);
        }

        private double number(Path file, int line, String[] cells, int column) throws ImportException {
            return VendorText.parse(cells[column], file, line, columns.get(column));
        }

        private static double range(Path file, int line, String text) throws ImportException {
            Matcher m = RANGE_TEXT.matcher(text.strip());
            if (!m.matches()) {
                throw new ImportException(file, line, "column '" + RANGE + "': '" + text.strip() + "' is not a range"
                        + " norrlab reads; accepted: a number with A, mA, µA or nA ('1 mA', '10 µA', '100 nA')");
            }
            double perAmpere = switch (m.group(2)) {
                case "A" -> 1;
                case "mA" -> 1e3;
                case "nA" -> 1e9;
                default -> 1e6;
            };
            return Double.parseDouble(m.group(1)) / perAmpere;
        }
    }
}
