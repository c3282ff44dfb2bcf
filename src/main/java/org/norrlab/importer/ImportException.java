package org.norrlab.importer;

import java.nio.file.Path;

/** A file that cannot be imported: which file, which line (0 when not about a line), and what was expected. */
public final class ImportException extends Exception {
    public ImportException(Path file, int line, String problem) {
        super(file + (line > 0 ? ":" + line : "") + ": " + problem);
    }
}
