package org.norrlab.importer;

import org.norrlab.core.InstrumentIdentity;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * The Rodeostat Python library's saved data: rows of t (s), v (V), i (µA) separated by ", ", without a header. Its
 * time already counts from the start of the test (the first row is one interval in), so it is kept as it is.
 */
final class RodeostatData {
    private static final int COLUMNS = 3;

    private RodeostatData() {
    }

    /**
     * Whether a file's first line is three numbers separated by ", " as the Rodeostat library writes them. Any other
     * headerless file is left to the generic reader, which refuses it for want of a header: units are never assumed.
     */
    static boolean looksLike(String line) {
        String[] cells = VendorText.cells(line, ',');
        if (cells.length != COLUMNS || line.split(", ", -1).length != COLUMNS) {
            return false;
        }
        for (String cell : cells) {
            if (!VendorText.isNumber(cell)) {
                return false;
            }
        }
        return true;
    }

    /** Reads the file from {@code first}, the data line {@code lines} has just returned. */
    static void read(Path file, TextLines lines, String first, ImportSink sink) throws ImportException {
        sink.file(new FileFacts("rodeostat", "Rodeostat data", new InstrumentIdentity("imported", "rodeostat",
                "IO Rodeo Rodeostat", "unknown", "unknown"), Map.of("columns", "t (s), v (V), i (µA)"), StatedCell.NONE));
        sink.note(file.getFileName() + ": a headerless 3-column file read as the Rodeostat's t (s), v (V), i (µA)");
        StreamedStep step = StreamedStep.begin(sink, new StepFacts("other", "Rodeostat test", Optional.empty(), Double.NaN));
        for (String text = first; text != null; text = lines.next()) {
            if (text.isBlank()) {
                continue;
            }
            int line = lines.lineNumber();
            boolean ended = lines.lastLineEnded();
            String[] cells = VendorText.cells(text, ',');
            boolean cutShort = cells.length < COLUMNS || cells.length == COLUMNS && !ended
                    && !VendorText.isNumber(cells[COLUMNS - 1]);
            if (cutShort && VendorText.restIsBlank(lines)) {
                sink.note(VendorText.cutShortNote(file, line, step.count()));
                break;
            }
            if (cells.length != COLUMNS) {
                throw new ImportException(file, line, "has " + cells.length + " columns; a Rodeostat data file has 3 (t, V, µA)"
                        + (cells.length < COLUMNS ? " and only its last row may be cut short" : ""));
            }
            step.sample(VendorText.sample(file, line, VendorText.parse(cells[0], file, line, "t"),
                    VendorText.parse(cells[1], file, line, "V"), VendorText.parse(cells[2], file, line, "µA") / 1e6, Double.NaN, 0));
        }
        step.end();
    }
}
