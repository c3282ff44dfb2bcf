package org.norrlab.importer;

import java.nio.file.Path;

/** Reads one file format. */
public interface Importer {
    /** The format's name, as in {@code --format}. */
    String format();

    /** Whether the file looks like this format, from its name and its first bytes. */
    boolean recognises(Path file, byte[] head);

    ImportedSession read(Path file) throws ImportException;
}
