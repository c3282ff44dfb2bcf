package org.norrlab.testing;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Files large enough that writing them into a store takes a while, for tests of what happens meanwhile. */
public final class LargeFiles {
    private LargeFiles() {
    }

    /** A CSV that {@code norrlab import} reads as one chronoamperometry step of {@code rows} samples, 10 ms apart. */
    public static Path importableCsv(Path file, int rows) throws IOException {
        try (BufferedWriter out = Files.newBufferedWriter(file)) {
            out.write("time (s),current (A),potential (V)\n");
            for (int i = 0; i < rows; i++) {
                out.write(i * 0.01 + ",-0.001,0.1\n");
            }
        }
        return file;
    }
}
