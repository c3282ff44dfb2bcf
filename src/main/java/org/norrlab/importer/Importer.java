package org.norrlab.importer;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Reads one file format. An importer never guesses: a value whose meaning the file does not make certain (a unit,
 * a scale, a technique) is refused with a message naming the format, the technique and what to do, or taken from
 * an option the operator gave.
 */
public interface Importer {
    /** The format's name, as in {@code --format}. */
    String format();

    /** Whether the file looks like this format, from its name and its first bytes. */
    boolean recognises(Path file, byte[] head);

    /** Reads the file as a stream, handing its facts, steps and samples on to the sink as they are read. */
    void read(Path file, ImportSink sink) throws ImportException;

    /** The whole file in memory: for tests and small files. */
    default ImportedSession read(Path file) throws ImportException {
        CollectingSink collected = new CollectingSink();
        read(file, new SweepSink(collected, file, Optional.empty()));
        return collected.session();
    }
}
