package org.norrlab.config;

import java.nio.file.Path;

/** Where a value stands in a file an operator wrote. Lines and columns count from 1. */
public record Location(Path file, int line, int column) {
    /** "file:line:column"; the file alone where the problem is the whole file (line 0: not found, unreadable). */
    @Override
    public String toString() {
        return line == 0 ? file.toString() : file + ":" + line + ":" + column;
    }
}
