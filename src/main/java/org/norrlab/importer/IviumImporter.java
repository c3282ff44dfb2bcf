package org.norrlab.importer;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * IviumSoft data files, {@code .idf} (one measurement) and {@code .ids} (a data set: several idf records one after
 * another), laid out as SOURCES.md's ivium notes describe: 16 NUL bytes and a 4-byte length, then CRLF
 * {@code key=value} lines ({@code Method=}, {@code Technique=}, …) mixed with binary length prefixes, then
 * {@code Data Objects} with {@code primary_data}, its column count and row count, and fixed-width rows. Every file
 * seen holds impedance (primary_data: Z′, Z″, frequency), read by {@link IviumSpectra} as one eis step per
 * measurement; an E–t or I–t file was never seen, so its column order is not known for certain: it is recognised and
 * refused with the method named, never read as a time series.
 */
public final class IviumImporter implements Importer {
    /** A line of the binary parts can be long; no key we look for is, so longer lines are cut rather than held. */
    private static final int LONGEST_LINE = 4096;

    @Override
    public String format() {
        return "ivium";
    }

    /**
     * The 16 NUL bytes and {@code Version=} near the start; a copy whose NULs became spaces (pyvium's altered test
     * file) is recognised by its .idf/.ids name with the same {@code Version=} line.
     */
    @Override
    public boolean recognises(Path file, byte[] head) {
        if (head.length < 20 || !new String(head, StandardCharsets.ISO_8859_1).contains("Version=")) {
            return false;
        }
        boolean nuls = true;
        for (int i = 0; i < 16; i++) {
            nuls &= head[i] == 0;
        }
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return nuls || name.endsWith(".idf") || name.endsWith(".ids");
    }

    @Override
    public void read(Path file, ImportSink sink) throws ImportException {
        List<Measurement> measurements = measurements(file);
        if (measurements.isEmpty()) {
            throw new ImportException(file, 0, "Ivium " + kind(file) + ": no 'Method=' line, so not a measurement"
                    + " norrlab can name; export it as text from IviumSoft");
        }
        // A binary file has no lines a reader could go to: the refusal names the file only.
        String described = describe(file, measurements);
        if (measurements.stream().allMatch(m -> m.impedance() && m.columns() == 3 && m.rows() > 0)) {
            IviumSpectra.read(file, sink, measurements.size());
            return;
        }
        if (measurements.stream().allMatch(Measurement::impedance)) {
            throw new ImportException(file, 0, described + ": an impedance measurement without a primary_data block of"
                    + " 3 columns (Z′, Z″, frequency) is not one norrlab reads");
        }
        throw new ImportException(file, 0, described + " is not yet read: export as text from IviumSoft");
    }

    private static String kind(Path file) {
        return file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".ids") ? ".ids" : ".idf";
    }

    /** "Ivium .idf method "Impedance" (technique "Constant E", primary_data: 34 rows of Z′, Z″ and frequency)". */
    private static String describe(Path file, List<Measurement> measurements) {
        List<String> each = new ArrayList<>();
        for (Measurement m : measurements) {
            String rows = "primary_data: " + m.rows() + (m.rows() == 1 ? " row of " : " rows of ");
            String data = m.rows() < 0 ? "no primary_data"
                    : m.impedance() && m.columns() == 3 ? rows + "Z′, Z″ and frequency" : rows + m.columns() + " columns";
            each.add("method \"" + m.method() + "\" (technique \"" + m.technique() + "\", " + data + ")");
        }
        return "Ivium " + kind(file) + " " + (each.size() == 1 ? each.get(0)
                : "with " + each.size() + " measurements, " + String.join("; ", each) + ",");
    }

    /** One idf record: what its method block names and what its primary_data holds (rows −1: none found). */
    private record Measurement(String method, String technique, int columns, int rows) {
        boolean impedance() {
            return method.toLowerCase(Locale.ROOT).contains("impedance");
        }
    }

    /** Scans the file's lines (Latin-1, any of CR, LF, CRLF; NULs of length prefixes are blank space) once. */
    private static List<Measurement> measurements(Path file) throws ImportException {
        List<Measurement> found = new ArrayList<>();
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            Latin1Lines lines = new Latin1Lines(in);
            String method = null;
            String technique = "";
            int columns = -1;
            String line;
            while ((line = lines.next()) != null) {
                String key = line.replace('\0', ' ').strip();
                if (key.startsWith("Method=")) {
                    if (method != null) {
                        found.add(new Measurement(method, technique, columns, -1));
                    }
                    method = key.substring("Method=".length());
                    technique = "";
                } else if (key.startsWith("Technique=") && method != null && technique.isEmpty()) {
                    technique = key.substring("Technique=".length());
                } else if (key.equals("primary_data") && method != null) {
                    columns = count(lines.nextNonBlank());
                    int rows = count(lines.nextNonBlank());
                    found.add(new Measurement(method, technique, columns, rows));
                    method = null;
                    columns = -1;
                }
            }
            if (method != null) {
                found.add(new Measurement(method, technique, columns, -1));
            }
        } catch (IOException e) {
            throw ImportException.unreadable(file, e);
        }
        return found;
    }

    private static int count(String text) {
        try {
            return text == null ? -1 : Integer.parseInt(text.replace('\0', ' ').strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** Lines of a binary file read as Latin-1 bytes: CR, LF and CRLF end a line; an over-long line is cut. */
    static final class Latin1Lines {
        private final InputStream in;
        private final StringBuilder line = new StringBuilder();
        private int pushedBack = -2;
        private int number;

        Latin1Lines(InputStream in) {
            this.in = in;
        }

        String next() throws IOException {
            line.setLength(0);
            int b = pushedBack != -2 ? pushedBack : in.read();
            pushedBack = -2;
            if (b < 0) {
                return null;
            }
            number++;
            while (b >= 0 && b != '\n' && b != '\r') {
                if (line.length() < LONGEST_LINE) {
                    line.append((char) b);
                }
                b = in.read();
            }
            if (b == '\r') {
                int after = in.read();
                if (after != '\n') {
                    pushedBack = after;
                }
            }
            return line.toString();
        }

        /** The line last returned, counted from 1 over CR, LF and CRLF (the binary parts count as lines too). */
        int lineNumber() {
            return number;
        }

        String nextNonBlank() throws IOException {
            String text;
            do {
                text = next();
            } while (text != null && text.replace('\0', ' ').isBlank());
            return text;
        }
    }
}
