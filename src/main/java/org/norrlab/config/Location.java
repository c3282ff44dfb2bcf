package org.norrlab.config;

import java.nio.file.Path;

/** Where a value stands in a file an operator wrote. Lines and columns count from 1. */
public record Location(Path file, int line, int column) {
    @Override
    public String toString() {
        return file + ":" + line + ":" + column;
    }
}
