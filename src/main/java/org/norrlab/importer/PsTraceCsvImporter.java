package org.norrlab.importer;

import org.norrlab.core.InstrumentIdentity;
import org.norrlab.core.Sample;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A PalmSens PSTrace CSV export, as PSTrace writes it: UTF-16LE with a BOM and CRLF (any encoding {@link TextLines}
 * reads is taken), a preamble of {@code Date and time:,…}, {@code Notes:} and the notes line, a title line per curve
 * ({@code Chronoamperometry: CA i vs t}; one cell per curve, curves side by side), {@code Date and time measurement:,…},
 * then a units row ({@code s,µA}, {@code s,V}, {@code V,µA,V,µA,…}) and the rows, one column pair per curve. Each
 * curve becomes a step; the technique comes from its title and must agree with its units, or the file is refused.
 *
 * <p>Curves side by side (the scans of a CV) are read one at a time, each in its own pass over the file, so that a
 * step's samples reach the sink in order without the file being held in memory.
 */
public final class PsTraceCsvImporter implements Importer {
    static final String FORMAT = "pstrace-csv";
    private static final String NAME = "PSTrace CSV";
    private static final int MAX_PREAMBLE_LINES = 20;

    /** What a curve's column holds. */
    private enum Axis {
        TIME("time"), POTENTIAL("potential"), CURRENT("current");

        final String noun;

        Axis(String noun) {
            this.noun = noun;
        }
    }

    /** The PSTrace techniques read here, as PSTrace names them in a curve title, and the columns each must have. */
    private enum Technique {
        CHRONOAMPEROMETRY("Chronoamperometry", "ca", Axis.TIME, Axis.CURRENT),
        CHRONOPOTENTIOMETRY("Chronopotentiometry", "cp", Axis.TIME, Axis.POTENTIAL),
        OPEN_CIRCUIT("Open Circuit Potentiometry", "ocp", Axis.TIME, Axis.POTENTIAL),
        LINEAR_SWEEP("Linear Sweep Voltammetry", "lsv", Axis.POTENTIAL, Axis.CURRENT),
        CYCLIC("Cyclic Voltammetry", "cv", Axis.POTENTIAL, Axis.CURRENT);

        final String title;
        final String kind;
        final Axis x;
        final Axis y;

        Technique(String title, String kind, Axis x, Axis y) {
            this.title = title;
            this.kind = kind;
            this.x = x;
            this.y = y;
        }

        static Optional<Technique> named(String title) {
            return Arrays.stream(values()).filter(t -> t.title.equalsIgnoreCase(title.trim())).findFirst();
        }

        static String allowed() {
            return Arrays.stream(values()).map(t -> t.title).collect(Collectors.joining(", "));
        }
    }

    /** A unit of the units row: the axis it belongs to and how many places the decimal point moves to SI (A or V or s). */
    private record Unit(String text, Axis axis, int placesToSi) {
        static Optional<Unit> of(String text) {
            String t = text.trim();
            return Optional.ofNullable(switch (t) {
                case "s" -> new Unit(t, Axis.TIME, 0);
                case "V" -> new Unit(t, Axis.POTENTIAL, 0);
                case "A" -> new Unit(t, Axis.CURRENT, 0);
                case "mA" -> new Unit(t, Axis.CURRENT, 3);
                // PSTrace writes the micro sign U+00B5; the Greek mu U+03BC and 'u' are the same prefix
                case "µA", "μA", "uA" -> new Unit(t, Axis.CURRENT, 6);
                case "nA" -> new Unit(t, Axis.CURRENT, 9);
                default -> null;
            });
        }
    }

    /** One curve of the file: a column pair and what its title and units say it is. */
    private record Curve(int index, String title, Technique technique, Unit x, Unit y) {
    }

    /** What the preamble says: the curves, the line of the units row, and the file's own facts. */
    private record Layout(List<Curve> curves, int unitsLine, Map<String, String> metadata) {
    }

    @Override
    public String format() {
        return FORMAT;
    }

    @Override
    public boolean recognises(Path file, byte[] head) {
        // A cheap look at the raw head first (any BOM and the NULs of UTF-16 dropped), so that a large binary file is
        // never read line by line; then the first line as TextLines decodes it.
        StringBuilder ascii = new StringBuilder();
        for (byte b : head) {
            if (b > 0 && b < 0x7f) {
                ascii.append((char) b);
            }
        }
        if (!ascii.toString().startsWith("Date and time")) {
            return false;
        }
        try (TextLines lines = TextLines.open(file)) {
            String first = lines.next();
            return first != null && first.startsWith("Date and time");
        } catch (ImportException e) {
            return false;
        }
    }

    @Override
    public void read(Path file, ImportSink sink) throws ImportException {
        Layout layout = layout(file);
        Curve first = layout.curves().get(0);
        sink.file(new FileFacts(FORMAT, first.technique().title, new InstrumentIdentity("imported", "palmsens",
                "PalmSens (PSTrace CSV export)", "unknown", "unknown"), layout.metadata(), StatedCell.NONE));
        Set<String> cutShort = new LinkedHashSet<>();
        for (Curve curve : layout.curves()) {
            readCurve(file, layout, curve, sink).ifPresent(cutShort::add);
            if (curve.technique() == Technique.CHRONOAMPEROMETRY) {
                sink.note(file.getFileName() + ": " + NAME + " '" + curve.title() + "' states no set potential and has no"
                        + " potential column: its samples carry no potential (not 0 V) and the file does not state the"
                        + " step's set potential");
            }
        }
        for (String note : cutShort) {
            sink.note(note);
        }
    }

    /** Reads the preamble up to the units row and checks every curve's title against its units. */
    private static Layout layout(Path file) throws ImportException {
        Map<String, String> metadata = new LinkedHashMap<>();
        List<String> titles = List.of();
        int titleLine = 0;
        try (TextLines lines = TextLines.open(file)) {
            String line;
            while ((line = lines.next()) != null) {
                int number = lines.lineNumber();
                if (number > MAX_PREAMBLE_LINES) {
                    break;
                }
                if (line.startsWith("Date and time measurement:")) {
                    metadata.put("measured", secondCell(line));
                } else if (line.startsWith("Date and time:")) {
                    metadata.put("exported", secondCell(line));
                } else if (line.startsWith("Notes:")) {
                    String notes = lines.next();
                    if (notes != null && !notes.replace(",", "").isBlank()) {
                        metadata.put("notes", notes.replaceAll(",+$", "").trim());
                    }
                } else if (cells(line)[0].contains(":")) {
                    titles = Arrays.stream(cells(line)).filter(c -> !c.isBlank()).map(String::trim).toList();
                    titleLine = number;
                } else {
                    if (titles.isEmpty()) {
                        throw new ImportException(file, number, "expected a curve title such as 'Chronoamperometry: CA i vs t'"
                                + " before the units row of this " + NAME + " export; found '" + line + "'");
                    }
                    List<Curve> curves = curves(file, number, line, titles, titleLine);
                    metadata.put("technique", curves.get(0).technique().title);
                    metadata.put("title", curves.get(0).title());
                    return new Layout(curves, number, metadata);
                }
            }
            throw new ImportException(file, Math.min(lines.lineNumber() + 1, MAX_PREAMBLE_LINES),
                    "expected a units row such as 's,µA' or 'V,µA' after the " + NAME + " preamble (Date and time:, Notes:,"
                            + " the curve title, Date and time measurement:); found none");
        }
    }

    private static List<Curve> curves(Path file, int line, String unitsRow, List<String> titles, int titleLine)
            throws ImportException {
        String[] units = cells(unitsRow);
        if (units.length % 2 != 0 || units.length / 2 != titles.size()) {
            throw new ImportException(file, line, "the units row '" + unitsRow + "' has " + units.length + " columns but "
                    + NAME + " writes one pair (x, y) per curve and line " + titleLine + " names " + titles.size()
                    + " curve(s); this export's layout is not one norrlab reads");
        }
        List<Curve> curves = new ArrayList<>();
        for (int i = 0; i < titles.size(); i++) {
            String title = titles.get(i);
            if (title.indexOf(':') < 0) {
                throw new ImportException(file, titleLine, NAME + ": curve title '" + title + "' does not start with its"
                        + " technique ('Chronoamperometry: CA i vs t'); this export's layout is not one norrlab reads");
            }
            String name = title.substring(0, title.indexOf(':'));
            Technique technique = Technique.named(name).orElseThrow(() -> new ImportException(file, titleLine, NAME
                    + " curve '" + title + "': '" + name + "' is not a technique norrlab reads from " + NAME + " (allowed: "
                    + Technique.allowed() + "); import the .pssession of the measurement instead"));
            Unit x = unit(file, line, units[2 * i], title);
            Unit y = unit(file, line, units[2 * i + 1], title);
            if (x.axis() != technique.x || y.axis() != technique.y) {
                throw new ImportException(file, line, NAME + " \"" + technique.title + "\" curve '" + title + "' has columns '"
                        + x.text() + "," + y.text() + "' (" + x.axis().noun + ", " + y.axis().noun + ") but a "
                        + technique.title + " curve norrlab reads is " + technique.x.noun + " and " + technique.y.noun
                        + "; export that curve from PSTrace");
            }
            if (technique.x != Axis.TIME) {
                // no time column and no scan rate: a row number for a time would make dE/d(row) a scan rate
                throw new ImportException(file, titleLine, NAME + " curve '" + title + "' (step " + (i + 1) + ") is a "
                        + technique.title + " sweep, but the export has no time column and states no scan rate, so its"
                        + " scan rate, durations and charges cannot be known; import the .pssession of the measurement,"
                        + " which carries the method's scan rate");
            }
            curves.add(new Curve(i, title, technique, x, y));
        }
        return curves;
    }

    private static Unit unit(Path file, int line, String text, String title) throws ImportException {
        return Unit.of(text).orElseThrow(() -> new ImportException(file, line, NAME + " curve '" + title + "': unit '"
                + text.trim() + "' in the units row is not one norrlab reads (allowed: s for time, V for potential,"
                + " A, mA, µA or nA for current)"));
    }

    /**
     * One pass over the file's rows for one curve: its column pair becomes one step. A curve shorter than its
     * neighbours ends at its first empty pair; only the file's last row may be cut short.
     *
     * @return the note to give when the last row was cut short
     */
    private static Optional<String> readCurve(Path file, Layout layout, Curve curve, ImportSink sink) throws ImportException {
        int columns = 2 * layout.curves().size();
        Technique technique = curve.technique();
        // only curves over time get here: a sweep curve was refused in curves()
        sink.beginStep(new StepFacts(technique.kind, curve.title(), Optional.empty(), Double.NaN));
        int samples = 0;
        int endedAt = 0;
        Optional<String> cutShort = Optional.empty();
        try (TextLines lines = TextLines.open(file)) {
            while (lines.lineNumber() < layout.unitsLine()) {
                lines.next();
            }
            String line = lines.next();
            while (line != null) {
                int number = lines.lineNumber();
                String next = lines.next();
                String[] cells = cells(line);
                if (Arrays.stream(cells).allMatch(String::isBlank)) {
                    if (next != null) {
                        throw new ImportException(file, number, NAME + " \"" + technique.title + "\": an empty row inside"
                                + " the data; every row up to the last holds " + columns + " values");
                    }
                    break;
                }
                boolean last = next == null;
                if (cells.length != columns) {
                    if (last && cells.length < columns) {
                        cutShort = Optional.of(file.getFileName() + ":" + number + ": the last row is cut short (truncated"
                                + " file?): " + samples + " complete rows kept" + (columns > 2 ? " for each curve" : ""));
                        break;
                    }
                    throw new ImportException(file, number, NAME + " \"" + technique.title + "\": the row has "
                            + cells.length + " values; every row holds " + columns + " (" + layout.curves().size()
                            + " curve(s) of two columns)" + (last ? "" : "; only the last row may be cut short"));
                }
                String xText = cells[2 * curve.index()];
                String yText = cells[2 * curve.index() + 1];
                if (xText.isBlank() && yText.isBlank()) {
                    endedAt = endedAt == 0 ? number : endedAt;
                } else if (endedAt != 0) {
                    throw new ImportException(file, number, NAME + " curve '" + curve.title() + "' ended at line " + endedAt
                            + " (empty cells) but has values again here; a curve's rows must be contiguous");
                } else {
                    Sample sample;
                    try {
                        sample = sample(file, number, curve, xText, yText);
                    } catch (ImportException e) {
                        if (last && !lines.lastLineEnded()) {
                            cutShort = Optional.of(file.getFileName() + ":" + number + ": the last row is cut short"
                                    + " (truncated file?): its value for '" + curve.title() + "' is not a number ("
                                    + e.getMessage().substring(e.getMessage().indexOf("column")) + "); " + samples
                                    + " complete rows of that curve kept");
                            break;
                        }
                        throw e;
                    }
                    sink.sample(sample);
                    samples++;
                }
                line = next;
            }
        }
        if (samples == 0) {
            throw new ImportException(file, layout.unitsLine(), NAME + " \"" + technique.title + "\" curve '"
                    + curve.title() + "' has no data rows below its units row");
        }
        sink.endStep();
        return cutShort;
    }

    private static Sample sample(Path file, int line, Curve curve, String xText, String yText)
            throws ImportException {
        double x = VendorText.movePointLeft(VendorText.parse(xText, file, line, column(curve, curve.x())),
                curve.x().placesToSi());
        double y = VendorText.movePointLeft(VendorText.parse(yText, file, line, column(curve, curve.y())),
                curve.y().placesToSi());
        return switch (curve.technique()) {
            case CHRONOAMPEROMETRY -> new Sample(time(file, line, x), Double.NaN, y, Double.NaN, 0);
            case CHRONOPOTENTIOMETRY, OPEN_CIRCUIT -> Sample.potentialOnly(time(file, line, x), y);
            case LINEAR_SWEEP, CYCLIC -> throw new IllegalStateException("a " + NAME + " sweep curve is refused in"
                    + " curves(), before its rows are read");
        };
    }

    /** A column as messages name it: its unit, its curve and the format, e.g. µA (PSTrace CSV curve '…'). */
    private static String column(Curve curve, Unit unit) {
        return unit.text() + " (" + NAME + " curve '" + curve.title() + "')";
    }

    private static double time(Path file, int line, double seconds) throws ImportException {
        if (seconds < 0) {
            throw new ImportException(file, line, NAME + ": time " + seconds + " s is before the step began; PSTrace"
                    + " counts time from the start of the measurement, so this export is not one norrlab reads");
        }
        return seconds;
    }

    private static String secondCell(String line) {
        String[] cells = cells(line);
        return cells.length > 1 ? cells[1].trim() : "";
    }

    private static String[] cells(String line) {
        return line.split(",", -1);
    }
}
