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

    /**
     * Writes the file system's dirty pages to disk before a whole-process timing: an earlier stage's hundreds of MB
     * (the 24 h session, the export's own database) were otherwise written back by the kernel during the timing, on
     * one of the machine's two cores. Uses the system's {@code sync} command; where there is none, nothing is done
     * (the timing then includes whatever the kernel writes meanwhile).
     */
    public static void settleDisk() throws IOException, InterruptedException {
        for (String sync : List.of("/usr/bin/sync", "/bin/sync")) {
            if (Files.isExecutable(Path.of(sync))) {
                Process process = new ProcessBuilder(sync).redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
                if (!process.waitFor(2, java.util.concurrent.TimeUnit.MINUTES)) {
                    process.destroyForcibly();
                    throw new IOException(sync + " did not finish within 2 minutes");
                }
                return;
            }
        }
    }
}
