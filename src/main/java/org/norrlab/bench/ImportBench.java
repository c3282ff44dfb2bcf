package org.norrlab.bench;

import org.norrlab.store.SampleRows;
import org.norrlab.store.SessionStore;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * {@code norrlab import} of a generated CSV of {@code rows} rows (time, current, potential, as an instrument writes
 * them: the time in 10 ms steps, the current to 0.1 nA, the potential to 1 µV; 34 bytes a row) timed as a user waits
 * for it, a whole process started as bin/norrlab starts an import, into a store made beforehand, with its peak
 * resident memory; and in the same run its two references: a plain JDBC batch insert of the same rows into the same
 * schema, made the same way ({@link SampleRows#insertPlain}, what the store can take at most), and reading the same
 * bytes with plain buffered I/O (what the disk and the JDK's line reader give at most).
 */
public final class ImportBench {
    private static final int PLAIN_INSERT_MAX_ROWS = 2_000_000;

    /**
     * @param peakRssBytes       the import process's peak resident set (VmHWM), or -1 where the system does not say
     * @param plainInsertSeconds NaN where it was not measured (the huge size: its rows would not fit this JVM's heap)
     * @param importSeconds      and plainInsertSeconds: the medians of {@code runs} runs of each, taken in turn
     */
    public record Result(long rows, long bytes, double importSeconds, long peakRssBytes, double plainInsertSeconds,
                         double readSeconds, List<String> jvmOptions, int runs) {
        public double importPerSecond() {
            return rows / importSeconds;
        }

        public double plainPerSecond() {
            return rows / plainInsertSeconds;
        }

        public double readPerSecond() {
            return rows / readSeconds;
        }

        /** Import rate over the plain insert's: the target is 0.9 or more. */
        public double ratio() {
            return importPerSecond() / plainPerSecond();
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "import of %d CSV rows (%.1f MB), whole process%s: %s%.2f s (%.0f rows/s),"
                            + " peak RSS %s; %s; plain buffered read of the same bytes %.2f s (%.0f rows/s)", rows, bytes / 1e6,
                    jvmOptions.isEmpty() ? "" : " (" + String.join(" ", jvmOptions) + ")",
                    runs > 1 ? "median of " + runs + " runs, each after a plain insert, " : "", importSeconds, importPerSecond(),
                    peakRssBytes < 0 ? "unknown" : String.format(Locale.ROOT, "%.0f MiB", peakRssBytes / 1048576.0),
                    Double.isNaN(plainInsertSeconds) ? "plain JDBC batch insert not measured at this size"
                            : String.format(Locale.ROOT, "plain JDBC batch insert of the same rows %.2f s (%.0f rows/s),"
                            + " ratio %.2f", plainInsertSeconds, plainPerSecond(), ratio()), readSeconds, readPerSecond());
        }
    }

    private ImportBench() {
    }

    /**
     * Writes the CSV, reads it plainly, then {@code pairs} times inserts its rows plainly and imports it in a new JVM
     * with the launcher's options for an import and {@code extraJvmOptions} (none, or e.g. -Xmx128m to show the memory
     * is flat), the two in turn: a single run of each moved the ratio by ±0.05 on a 2-core machine whose speed drifts,
     * so the result holds the median of each (and the largest peak RSS). Where the plain insert is not measured (the
     * huge size) the import runs once.
     */
    public static Result run(Path home, int rows, Path workDir, List<String> extraJvmOptions, int pairs)
            throws Exception {
        Files.createDirectories(workDir);
        Path csv = workDir.resolve("import-bench.csv");
        // the reference's rows are held in arrays: 48 bytes a row, too many for 10 M rows beside the import
        boolean insertToo = rows <= PLAIN_INSERT_MAX_ROWS;
        SampleRows samples = write(csv, rows, insertToo);
        long bytes = Files.size(csv);
        plainRead(csv); // warms the file cache for both the reference and the import
        double read = plainRead(csv);
        int runs = insertToo ? Math.max(1, pairs) : 1;
        double[] plain = new double[runs];
        double[] imported = new double[runs];
        long peakRss = -1;
        for (int i = 0; i < runs; i++) {
            plain[i] = Double.NaN;
            if (insertToo) {
                Path plainDb = BenchFiles.freshDatabase(workDir.resolve("import-plain.db"));
                SessionStore.open(plainDb).close(); // the same schema and version, made by the store itself
                BenchFiles.settleDisk();   // as before the import: neither is timed while earlier writes go to disk
                long started = System.nanoTime();
                samples.insertPlain(plainDb, PipelineBench.PLAIN_BATCH); // the pipeline's reference
                plain[i] = (System.nanoTime() - started) / 1e9;
            }
            WatchedProcess.Run timed = importOnce(home, csv, workDir, extraJvmOptions);
            imported[i] = timed.seconds();
            peakRss = Math.max(peakRss, timed.peakRssBytes());
        }
        // shown with the result: the launcher's choice of compiler and collector for an import, and the extras
        List<String> jvmOptions = new ArrayList<>(CommandTimer.launcherOptions(List.of("import")).stream()
                .filter(o -> o.startsWith("-XX:TieredStopAtLevel") || o.endsWith("GC")).toList());
        jvmOptions.addAll(extraJvmOptions);
        return new Result(rows, bytes, CommandTimer.median(imported), peakRss, CommandTimer.median(plain), read,
                List.copyOf(jvmOptions), runs);
    }

    private static WatchedProcess.Run importOnce(Path home, Path csv, Path workDir, List<String> extraJvmOptions)
            throws Exception {
        // made by the store itself before the timing, as the reference's is: both time rows going into an existing
        // store (where a user's imports go: their norrlab.db), neither the making of a new one
        Path db = BenchFiles.freshDatabase(workDir.resolve("import-bench.db"));
        SessionStore.open(db).close();
        List<String> command = new ArrayList<>(CommandTimer.norrlab(home, "import", csv.toAbsolutePath().toString(),
                "--db", db.toAbsolutePath().toString()));
        command.addAll(1, extraJvmOptions);
        BenchFiles.settleDisk();
        return WatchedProcess.run(command, workDir, "import-bench", java.time.Duration.ofMinutes(30));
    }

    /** The CSV's rows, written as Double.toString writes them, and the same values as the store's sample rows. */
    static SampleRows write(Path csv, int rows, boolean keep) throws IOException {
        int kept = keep ? rows : 1;
        SampleRows r = new SampleRows(kept, new int[kept], new long[kept], new double[kept], new double[kept],
                new double[kept], new double[kept], new int[kept]);
        SplittableRandom random = new SplittableRandom(23);
        try (BufferedWriter out = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
            out.write("time (s),current (A),potential (V)\n");
            for (int k = 0; k < rows; k++) {
                double t = k / 100.0;
                // as an instrument writes them: 0.1 nA and 1 µV resolution (7 and 6 significant digits)
                double amperes = Math.round((-1e-3 - k * 1e-12 + random.nextDouble() * 1e-6) * 1e10) / 1e10;
                double volts = Math.round((-0.5 + random.nextDouble() * 1e-3) * 1e6) / 1e6;
                out.write(Double.toString(t));
                out.write(',');
                out.write(Double.toString(amperes));
                out.write(',');
                out.write(Double.toString(volts));
                out.write('\n');
                if (keep) {
                    r.step()[k] = 1;
                    r.seq()[k] = k;
                    r.t()[k] = t;
                    r.e()[k] = volts;
                    r.i()[k] = amperes;
                    r.range()[k] = Double.NaN;
                }
            }
        }
        return r;
    }

    /** Seconds to read the file's lines with a BufferedReader, as plain Java reads a text file. */
    private static double plainRead(Path csv) throws IOException {
        long started = System.nanoTime();
        long chars = 0;
        try (BufferedReader in = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                chars += line.length();
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        if (chars == 0) {
            throw new IOException(csv + " is empty");
        }
        return seconds;
    }
}
