package org.norrlab.importer;

import org.norrlab.config.Potential;
import org.norrlab.core.InstrumentIdentity;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The impedance measurements of an IviumSoft .idf/.ids file (method "Impedance"), each an eis step: its
 * {@code primary_data} block of Z′ (Ω), Z″ (Ω) and frequency (Hz) rows, as SOURCES.md's ivium notes describe them.
 *
 * <p>The sign: impedance.py's readIvium (which reads this format's fixture, exampleDataIvium.idf) and pyimpspec's
 * parse_ids both take the second column as the imaginary part as it is, Z″ as measured. Where the file also holds a
 * {@code RsCs_data} block (the series resistance and capacitance IviumSoft computes per frequency: Z′, Rs, Cs), the
 * sign is checked on every row against it: a series capacitance Cs has Z″ = −1/(ωCs), so Cs·ω·Z″ must be −1 (the
 * pyvium fixture's first row: 2.90715e-12 F × 2π·1e5 Hz × −5.47461e5 Ω = −1.0000). A file whose Z″ disagrees is refused.
 *
 * <p>Settings: the method's frequency list ({@code Frequencies.freq[i]}, or {@code I_Frequencies.freq[i]} for a
 * galvanostatic "Constant I" measurement) gives the range and count; "E start" is the DC potential of a "Constant E"
 * measurement, vs the reference electrode unless "Apply wrt OCP.Estart wrt OCP=true" puts it vs open circuit. The
 * amplitude per frequency ({@code Frequencies.amp[i]}) is written without its unit or whether it is rms or peak, so it
 * is left unknown. The rows carry no time.
 */
final class IviumSpectra {
    private static final String OFFSET = "Apply wrt OCP.Estart wrt OCP";
    /** Rows of 5-digit numbers: Cs·ω·Z″ is −1 to within 1e-3 when its sign is Z″ as measured. */
    private static final double SERIES_CAPACITANCE_TOLERANCE = 1e-3;

    private IviumSpectra() {
    }

    /** One measurement: its method lines (key=value), its primary_data rows and their lines, its RsCs_data rows. */
    private static final class Record {
        final Map<String, String> keys = new LinkedHashMap<>();
        final List<double[]> rows = new ArrayList<>();
        final List<Integer> lines = new ArrayList<>();
        final List<double[]> seriesRc = new ArrayList<>();

        String method() {
            return keys.getOrDefault("Method", "");
        }

        String technique() {
            return keys.getOrDefault("Technique", "");
        }

        /** The frequency list's key prefix: I_Frequencies for a galvanostatic measurement. */
        String frequencies() {
            return keys.containsKey("I_Frequencies") ? "I_Frequencies" : "Frequencies";
        }
    }

    static void read(Path file, ImportSink sink, int expected) throws ImportException {
        List<Record> records = records(file);
        if (records.size() != expected) {
            throw new ImportException(file, 0, "Ivium: " + records.size() + " impedance records read where " + expected
                    + " Method= lines were seen: the file is damaged");
        }
        String kind = file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".ids") ? ".ids" : ".idf";
        Record first = records.get(0);
        Map<String, String> metadata = new LinkedHashMap<>();
        metadata.put("method", first.method());
        metadata.put("technique", first.technique());
        metadata.put("title", first.keys.getOrDefault("Title", ""));
        sink.file(new FileFacts("ivium", "Ivium " + kind + " method \"" + first.method() + "\"",
                new InstrumentIdentity("imported", "ivium", "Ivium " + first.keys.getOrDefault("serialnumber", "?"),
                        first.keys.getOrDefault("software", "?"), first.keys.getOrDefault("serialnumber", "?")), metadata,
                StatedCell.NONE));
        for (int r = 0; r < records.size(); r++) {
            spectrum(file, sink, records.get(r), r + 1);
        }
    }

    private static void spectrum(Path file, ImportSink sink, Record record, int number) throws ImportException {
        String format = "Ivium method \"" + record.method() + "\" (technique \"" + record.technique() + "\")";
        String prefix = record.frequencies();
        int listed = (int) number(record, prefix);
        double highest = number(record, prefix + ".freq[1]");
        double lowest = listed > 0 ? number(record, prefix + ".freq[" + listed + "]") : Double.NaN;
        Optional<Potential> dc = Optional.empty();
        double offset = Double.NaN;
        String dcNote;
        boolean constantE = record.technique().equals("Constant E");
        if (constantE && record.keys.containsKey("E start")) {
            double e = number(record, "E start");
            boolean vsOcp = "true".equals(record.keys.get("Apply wrt OCP")) && "true".equals(record.keys.get(OFFSET));
            if (vsOcp) {
                offset = e;
                dcNote = "DC at open circuit + E start " + record.keys.get("E start") + " V (" + OFFSET + "=true)";
            } else {
                dc = Optional.of(new Potential(e, Potential.Scale.RE));
                dcNote = "DC potential E start " + record.keys.get("E start") + " V vs the reference electrode";
            }
        } else {
            dcNote = "a " + record.technique() + " measurement"
                    + (record.keys.containsKey("I start") ? " at a DC current I start=" + record.keys.get("I start")
                    + " (galvanostatic)" : "") + ": the DC potential is not stated";
        }
        sink.beginStep(SpectrumRows.step(format + ", record " + number, dc, offset, Double.NaN, highest, lowest,
                Math.max(listed, 0)));
        boolean checked = record.seriesRc.size() == record.rows.size();
        for (int i = 0; i < record.rows.size(); i++) {
            double[] row = record.rows.get(i);
            int line = record.lines.get(i);
            if (checked) {
                checkSeriesCapacitance(file, line, format, row, record.seriesRc.get(i));
            }
            sink.impedance(SpectrumRows.point(file, line, format, 0, row[2], row[0], row[1], Double.NaN, Double.NaN));
        }
        sink.endStep();
        sink.note(SpectrumRows.noTimes(format, "the rows of primary_data carry no time"));
        sink.note(format + ", record " + number + ": " + record.rows.size() + " frequencies; Z″ as the file writes it"
                + " (as measured)" + (checked ? ", every row agreeing with its RsCs_data series capacitance"
                + " (Cs·ω·Z″ = −1)" : "; the file has no RsCs_data to check its sign against") + "; " + dcNote);
        if (listed > 0 && listed != record.rows.size()) {
            sink.note(format + ", record " + number + ": the method lists " + listed + " frequencies (" + prefix + "="
                    + listed + ") and primary_data holds " + record.rows.size() + ": the measurement ended early");
        }
        if (record.keys.containsKey(prefix + ".amp[1]")) {
            sink.note(format + ", record " + number + ": the amplitude " + prefix + ".amp[1]="
                    + record.keys.get(prefix + ".amp[1]") + " is written without its unit or whether it is rms or peak,"
                    + " so it is left unknown");
        }
    }

    /** Z″ = −1/(ωCs) for the series capacitance Cs IviumSoft writes beside the row: a Z″ of the other sign disagrees. */
    private static void checkSeriesCapacitance(Path file, int line, String format, double[] row, double[] seriesRc)
            throws ImportException {
        double product = seriesRc[2] * 2 * Math.PI * row[2] * row[1];
        if (Math.abs(product + 1) > SERIES_CAPACITANCE_TOLERANCE) {
            throw new ImportException(file, line, String.format(Locale.ROOT, "%s: Z″ %.6g ohm at %.6g Hz disagrees with"
                    + " the file's own series capacitance Cs %.6g F (RsCs_data): Cs·ω·Z″ is %.4f where Z″ as measured"
                    + " gives −1, so which sign the file's Z″ has is not certain and the file is not imported", format,
                    row[1], row[2], seriesRc[2], product));
        }
    }

    private static double number(Record record, String key) throws ImportException {
        String text = record.keys.get(key);
        if (text == null || text.isBlank()) {
            return Double.NaN;
        }
        try {
            return Double.parseDouble(text.trim());
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    /** Every record of the file: key=value lines until primary_data, its rows, and a RsCs_data block if one follows. */
    private static List<Record> records(Path file) throws ImportException {
        List<Record> records = new ArrayList<>();
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            IviumImporter.Latin1Lines lines = new IviumImporter.Latin1Lines(in);
            Record record = null;
            String line;
            while ((line = lines.next()) != null) {
                String text = line.replace('\0', ' ').strip();
                if (text.startsWith("Method=")) {
                    record = new Record();
                    records.add(record);
                }
                if (record == null) {
                    continue;
                }
                int equals = text.indexOf('=');
                if (equals > 0 && !text.startsWith("Report")) {
                    record.keys.putIfAbsent(text.substring(0, equals), text.substring(equals + 1));
                } else if (text.equals("primary_data")) {
                    block(file, lines, record.rows, record.lines, "primary_data");
                } else if (text.equals("RsCs_data")) {
                    block(file, lines, record.seriesRc, new ArrayList<>(), "RsCs_data");
                }
            }
        } catch (IOException e) {
            throw ImportException.unreadable(file, e);
        }
        return records;
    }

    /** A data block: its column count (3), its row count, then that many rows of 3 numbers, each refused by its line. */
    private static void block(Path file, IviumImporter.Latin1Lines lines, List<double[]> rows, List<Integer> numbers,
                              String name) throws IOException, ImportException {
        int columns = count(file, lines, name, "column count");
        int count = count(file, lines, name, "row count");
        if (columns != 3) {
            throw new ImportException(file, lines.lineNumber(), "Ivium: " + name + " has " + columns + " columns; norrlab"
                    + " reads an impedance block of 3 (Z′, Z″, frequency)");
        }
        for (int i = 0; i < count; i++) {
            String line = lines.next();
            if (line == null) {
                throw new ImportException(file, lines.lineNumber(), "Ivium: " + name + " declares " + count + " rows but"
                        + " the file ends after " + i + ": it is cut short");
            }
            String[] cells = line.replace('\0', ' ').trim().split("\\s+");
            if (cells.length != 3) {
                throw new ImportException(file, lines.lineNumber(), "Ivium: row " + (i + 1) + " of " + name + " "
                        + ImportException.quoted(line) + " is not 3 numbers: the file is damaged");
            }
            double[] values = new double[3];
            for (int c = 0; c < 3; c++) {
                values[c] = VendorText.parse(cells[c], file, lines.lineNumber(), name + " column " + (c + 1));
            }
            rows.add(values);
            numbers.add(lines.lineNumber());
        }
    }

    private static int count(Path file, IviumImporter.Latin1Lines lines, String name, String what)
            throws IOException, ImportException {
        String text = lines.nextNonBlank();
        try {
            return Integer.parseInt(text == null ? "" : text.replace('\0', ' ').strip());
        } catch (NumberFormatException e) {
            throw new ImportException(file, lines.lineNumber(), "Ivium: " + name + " should be followed by its " + what
                    + "; found " + ImportException.quoted(text == null ? "the end of the file" : text));
        }
    }
}
