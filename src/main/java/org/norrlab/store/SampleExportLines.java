package org.norrlab.store;

import org.norrlab.core.SampleEntry;

import java.io.PrintWriter;
import java.util.Optional;

/**
 * The sample, operator and notes of a session in the commented header of norrlab's CSV export, written by the
 * exporter and read back by the importer from this one place: one comment line per field, each only when given, the
 * notes on one line ({@link SampleEntry#notesOnOneLine}).
 */
public final class SampleExportLines {
    static final String SAMPLE = "# sample: ";
    static final String OPERATOR = "# operator: ";
    static final String NOTES = "# notes: ";

    private SampleExportLines() {
    }

    public static void write(SampleEntry sample, PrintWriter out) {
        if (!sample.sample().isEmpty()) {
            out.println(SAMPLE + sample.sample());
        }
        if (!sample.operator().isEmpty()) {
            out.println(OPERATOR + sample.operator());
        }
        if (!sample.notes().isEmpty()) {
            out.println(NOTES + sample.notesOnOneLine());
        }
    }

    /** The sample read so far with what {@code line} says added, or empty when the line is not one of the three. */
    public static Optional<SampleEntry> read(String line, SampleEntry sofar) {
        if (line.startsWith(SAMPLE)) {
            return Optional.of(new SampleEntry(line.substring(SAMPLE.length()), sofar.operator(), sofar.notes()));
        }
        if (line.startsWith(OPERATOR)) {
            return Optional.of(new SampleEntry(sofar.sample(), line.substring(OPERATOR.length()), sofar.notes()));
        }
        if (line.startsWith(NOTES)) {
            return Optional.of(new SampleEntry(sofar.sample(), sofar.operator(),
                    SampleEntry.notesFromOneLine(line.substring(NOTES.length()))));
        }
        return Optional.empty();
    }
}
