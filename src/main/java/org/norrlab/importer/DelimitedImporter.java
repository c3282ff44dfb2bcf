package org.norrlab.importer;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * Delimited text data, read a line at a time: norrlab's own CSV export ({@link NorrlabCsv}), the Rodeostat's
 * headerless "t, V, µA" data files ({@link RodeostatData}), and a generic CSV whose header names its time and current
 * columns with units ({@link GenericCsv}; separated by ',', ';' or TAB). PSTrace's CSV has its own importer, tried
 * before this one.
 */
public final class DelimitedImporter implements Importer {
    /** Units for header columns that name none, given on the command line (--time-unit …); empty: required in the header. */
    public record DefaultUnits(Optional<String> time, Optional<String> current, Optional<String> potential) {
        public static final DefaultUnits NONE = new DefaultUnits(Optional.empty(), Optional.empty(), Optional.empty());
    }

    private final DefaultUnits defaults;

    public DelimitedImporter() {
        this(DefaultUnits.NONE);
    }

    public DelimitedImporter(DefaultUnits defaults) {
        this.defaults = defaults;
    }

    @Override
    public String format() {
        return "csv";
    }

    @Override
    public boolean recognises(Path file, byte[] head) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".csv") || name.endsWith(".tsv") || name.endsWith(".txt");
    }

    @Override
    public void read(Path file, ImportSink sink) throws ImportException {
        try (TextLines lines = TextLines.open(file)) {
            String first = lines.next();
            if (first != null && first.startsWith(NorrlabCsv.FIRST_LINE)) {
                NorrlabCsv.read(file, lines, sink);
                return;
            }
            while (first != null && (first.isBlank() || first.startsWith("#"))) {
                first = lines.next();
            }
            if (first == null) {
                throw new ImportException(file, 1, "holds no data");
            }
            if (RodeostatData.looksLike(first)) {
                RodeostatData.read(file, lines, first, sink);
            } else {
                GenericCsv.read(file, lines, first, defaults, sink);
            }
        }
    }
}
