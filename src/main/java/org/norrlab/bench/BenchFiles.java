package org.norrlab.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The databases a benchmark writes into: each starts empty, its WAL and shared-memory files gone too. */
public final class BenchFiles {
    private BenchFiles() {
    }

    /** Makes sure {@code db} does not exist, with its -wal and -shm files, so a run starts on a fresh file. */
    public static Path freshDatabase(Path db) throws IOException {
        Files.createDirectories(db.toAbsolutePath().getParent());
        for (String suffix : List.of("", "-wal", "-shm")) {
            Files.deleteIfExists(Path.of(db + suffix));
        }
        return db;
    }
}
