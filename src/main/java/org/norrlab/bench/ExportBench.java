package org.norrlab.bench;

import org.norrlab.config.SiteConfig;
import org.norrlab.driver.Speed;
import org.norrlab.run.RunOutcome;
import org.norrlab.run.RunRequest;
import org.norrlab.run.RunService;
import org.norrlab.scheduler.RunListener;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * {@code norrlab export SESSION --format csv -o FILE} of a session of {@code samples} samples as a user waits for it
 * (a whole process, JVM start included), against writing the same bytes with plain buffered I/O in this JVM, in the
 * same run; and the export's peak resident memory for that session and for one a tenth its size, which are the same
 * when memory is flat in session size.
 */
public final class ExportBench {
    /** The reference's buffer, as the export's. */
    static final int BUFFER = 64 * 1024;

    /**
     * @param samples        samples in the session exported
     * @param csvBytes       size of the CSV file
     * @param export         the whole export process
     * @param plainSeconds   writing the file's bytes to a new file with a 64 KiB BufferedOutputStream (best of the runs)
     * @param peakRssBytes   peak resident memory of the export process (its largest of the runs)
     * @param smallSamples   samples in the session a tenth the size
     * @param smallRssBytes  peak resident memory exporting that one
     */
    public record Result(long samples, long csvBytes, CommandTimer.Timing export, double plainSeconds, long peakRssBytes,
                         long smallSamples, long smallRssBytes) {
        public double ratio() {
            return export.medianSeconds() / plainSeconds;
        }

        /** Peak memory of the large export over that of the small one: 1 when memory does not grow with the session. */
        public double memoryGrowth() {
            return (double) peakRssBytes / smallRssBytes;
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "export --format csv of %,d samples (%.1f MB): %s, peak RSS %.0f MiB;"
                            + " plain buffered write of the same bytes %.3f s (%.0f× faster); export of %,d samples:"
                            + " peak RSS %.0f MiB (growth %.2f× for 10× the samples)", samples, csvBytes / 1e6, export,
                    peakRssBytes / 1048576.0, plainSeconds, ratio(), smallSamples, smallRssBytes / 1048576.0, memoryGrowth());
        }
    }

    private ExportBench() {
    }

    /** Runs the benchmark with sessions of {@code samples} and {@code samples / 10} samples, {@code runs} timed runs. */
    public static Result run(SiteConfig site, long samples, int runs, Path workDir) throws Exception {
        Files.createDirectories(workDir);
        Path big = session(site, samples, workDir.resolve("export-big.db"), workDir);
        Path small = session(site, Math.max(1, samples / 10), workDir.resolve("export-small.db"), workDir);
        Path csv = workDir.resolve("export.csv");
        List<String> command = CommandTimer.norrlab(site.home(), "export", "1", "--db", big.toAbsolutePath().toString(),
                "-o", csv.toAbsolutePath().toString(), "--force");
        CommandTimer.Timing timing = CommandTimer.time(command, runs, workDir);
        long rss = 0;
        for (int i = 0; i < runs; i++) {
            rss = Math.max(rss, peakRss(command, workDir));
        }
        long bytes = Files.size(csv);
        double plain = Double.MAX_VALUE;
        for (int i = 0; i < runs; i++) {
            plain = Math.min(plain, plainWrite(csv, workDir.resolve("plain.csv")));
        }
        List<String> smallCommand = CommandTimer.norrlab(site.home(), "export", "1", "--db", small.toAbsolutePath().toString(),
                "-o", workDir.resolve("export-small.csv").toAbsolutePath().toString(), "--force");
        long smallRss = 0;
        for (int i = 0; i < runs; i++) {
            smallRss = Math.max(smallRss, peakRss(smallCommand, workDir));
        }
        Files.deleteIfExists(workDir.resolve("plain.csv"));
        return new Result(samples, bytes, timing, plain, rss, Math.max(1, samples / 10), smallRss);
    }

    /** A fresh store with one simulated session of about {@code samples} samples: four CA steps at 10 ms. */
    static Path session(SiteConfig site, long samples, Path db, Path workDir) throws Exception {
        long perStep = Math.max(1, samples / 4);
        StringBuilder text = new StringBuilder("name: export benchmark\nsteps:\n");
        for (int i = 0; i < 4; i++) {
            text.append(String.format(Locale.ROOT, "  - ca: {potential: %.1f V vs RHE, duration: %d ms, interval: 10 ms}%n",
                    -0.4 - 0.1 * i, perStep * 10));
        }
        Path protocol = workDir.resolve("export.yaml");
        Files.writeString(protocol, text);
        BenchFiles.freshDatabase(db);
        RunOutcome outcome = new RunService(site).prepare(RunRequest.simulated(protocol, Speed.MAX).withDatabase(db))
                .execute(RunListener.NONE);
        if (outcome.sessionId() != 1) {
            throw new IllegalStateException("the export benchmark's fresh store got session " + outcome.sessionId()
                    + ", not 1");
        }
        return db;
    }

    /** The reference: the file's bytes read into memory first, then written with one 64 KiB buffered stream. */
    static double plainWrite(Path from, Path to) throws IOException {
        byte[] bytes = Files.readAllBytes(from);
        long start = System.nanoTime();
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(to), BUFFER)) {
            for (int off = 0; off < bytes.length; off += 4096) {   // in row-sized pieces, as a writer gets them
                out.write(bytes, off, Math.min(4096, bytes.length - off));
            }
        }
        return (System.nanoTime() - start) / 1e9;
    }

    /** The peak resident memory of one run of {@code command}; 0 where the system does not say (no /proc). */
    static long peakRss(List<String> command, Path workDir) throws IOException, InterruptedException {
        return Math.max(0, WatchedProcess.run(command, workDir, "rss", java.time.Duration.ofMinutes(30)).peakRssBytes());
    }
}
