package org.norrlab.bench;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Whole norrlab processes timed as a user waits for them: a new JVM started the way bin/norrlab starts it, from
 * the jar (or the classes) this JVM runs from, timed from start to exit. What a user waits for at the prompt is
 * the whole process, JVM start included, so an in-process timing would flatter every short command.
 */
public final class CommandTimer {
    /** The class bin/norrlab starts; named, not imported, because the command line sits above the benchmarks. */
    static final String MAIN_CLASS = "org.norrlab.cli.Main";

    /** The wall times of {@code runs} starts of one command: median and fastest, in seconds. */
    public record Timing(List<String> command, double medianSeconds, double minSeconds, int runs) {
        @Override
        public String toString() {
            return String.format(Locale.ROOT, "median %.3f s, fastest %.3f s of %d runs", medianSeconds, minSeconds, runs);
        }
    }

    private CommandTimer() {
    }

    /**
     * {@code norrlab ARGS} in a new JVM: the java of this JVM, the launcher's JVM options, {@code home} as norrlab's
     * home (config/, drivers/, protocols/), this JVM's class path.
     */
    public static List<String> norrlab(Path home, String... args) {
        List<String> command = new ArrayList<>(List.of(java()));
        command.addAll(launcherOptions(Arrays.asList(args)));
        command.addAll(List.of("-Dnorrlab.home=" + home.toAbsolutePath(), "-cp", System.getProperty("java.class.path"),
                MAIN_CLASS));
        command.addAll(Arrays.asList(args));
        return command;
    }

    /** {@code java -version} of the same JVM: the floor no Java command can go below, measured in the same run. */
    public static List<String> javaVersion() {
        return List.of(java(), "-version");
    }

    /**
     * The JVM options bin/norrlab adds before its own (src/main/launcher/norrlab), so that a timing here is the
     * launcher's: the class-data archive ({@link #archiveFor}) and sqlite-jdbc's native library that {@code mvn package}
     * writes next to the jar, when this JVM runs from that jar and they are there (an archive is only valid for the jar
     * it was made from); the client compiler and the serial collector for the short commands, an import and an
     * export.
     */
    public static List<String> launcherOptions(List<String> args) {
        List<String> options = new ArrayList<>();
        String classPath = System.getProperty("java.class.path");
        Path jar = Path.of(classPath).toAbsolutePath();
        if (!classPath.contains(File.pathSeparator) && classPath.endsWith(".jar")) {
            Path archive = archiveFor(jar, args.isEmpty() ? "" : args.get(0));
            if (madeAfter(archive, jar)) {
                options.addAll(List.of("-XX:SharedArchiveFile=" + archive, "-Xshare:auto", "-Xlog:cds=off",
                        "-Xlog:cds+dynamic=off"));
            }
            if (Files.isRegularFile(jar.resolveSibling("sqlitejdbc.native"))) {
                options.addAll(List.of("-Dorg.sqlite.lib.path=" + jar.getParent(), "-Dorg.sqlite.lib.name=sqlitejdbc.native"));
            }
        }
        String command = args.isEmpty() ? "" : args.get(0);
        if (CLIENT_COMPILER_COMMANDS.contains(command)) {
            options.addAll(List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"));
        }
        return options;
    }

    /**
     * Whether {@code archive} is there and was written after {@code jar} (the launcher's {@code -nt}): the JVM refuses
     * an archive made for another jar and then starts with none at all, not even the JDK's own.
     */
    static boolean madeAfter(Path archive, Path jar) {
        try {
            return Files.isRegularFile(archive) && Files.getLastModifiedTime(archive).compareTo(Files.getLastModifiedTime(jar)) > 0;
        } catch (IOException e) {
            return false;   // the jar is gone: no archive can match it
        }
    }

    /** The arguments that print only the usage or the version: they share one archive, "usage". */
    private static final Set<String> USAGE_ONLY = Set.of("", "-V", "--version", "-h", "--help");

    /**
     * The file name of the class-data archive recorded for {@code norrlab COMMAND ...} alone: norrlab-COMMAND.jsa
     * (norrlab-usage.jsa for the usage and the version), or null for an argument that names no command a file could
     * be named after. {@code mvn package} writes one for each short command (ArchiveTraining), and bin/norrlab's
     * {@code case} applies the same rule; LauncherArchiveTest checks that the two agree.
     */
    public static String ownArchiveName(String command) {
        if (USAGE_ONLY.contains(command)) {
            return "norrlab-usage.jsa";
        }
        return command.matches("[a-z]+") ? "norrlab-" + command + ".jsa" : null;
    }

    /**
     * The archive bin/norrlab gives a start of {@code norrlab COMMAND ...}: the command's own
     * ({@link #ownArchiveName}) next to the jar when there is one written after the jar, else norrlab.jsa, recorded
     * from all the short commands and a run (used only if it too is newer than the jar: {@link #madeAfter}). The
     * smaller the archive the faster the start: the JVM maps an archive at a random address and rewrites every
     * pointer in it first, ~0.08 s for norrlab.jsa's 34 MB on a 2-core machine against ~0.03 s for the 13 MB that
     * --version loads.
     */
    public static Path archiveFor(Path jar, String command) {
        String own = ownArchiveName(command);
        if (own != null && madeAfter(jar.resolveSibling(own), jar)) {
            return jar.resolveSibling(own);
        }
        return jar.resolveSibling("norrlab.jsa");
    }

    /** The commands the launcher starts with the client compiler only and the serial collector (its `case`). */
    static final Set<String> CLIENT_COMPILER_COMMANDS = Set.of("", "-V", "--version", "-h", "--help", "sessions", "plan",
            "show", "analyze", "import", "export");

    /**
     * Runs {@code command} once untimed (so the file cache is warm for both it and its reference), then {@code runs}
     * times timed, each from {@code workDir} with its output in files there. A run that exits other than with 0 is
     * an error that names the command and shows its errors: a timing of a failing command would be meaningless.
     */
    public static Timing time(List<String> command, int runs, Path workDir) throws IOException, InterruptedException {
        if (runs < 1) {
            throw new IllegalArgumentException("runs must be at least 1, was " + runs);
        }
        Files.createDirectories(workDir);
        BenchFiles.settleDisk();
        runOnce(command, workDir);
        double[] seconds = new double[runs];
        for (int i = 0; i < runs; i++) {
            seconds[i] = runOnce(command, workDir);
        }
        return new Timing(List.copyOf(command), median(seconds), Arrays.stream(seconds).min().orElseThrow(), runs);
    }

    /** The median of {@code values} (of an even count, the mean of the middle two); NaN stays NaN. */
    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    private static double runOnce(List<String> command, Path workDir) throws IOException, InterruptedException {
        Path out = workDir.resolve("timed-stdout.txt");
        Path err = workDir.resolve("timed-stderr.txt");
        ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        long start = System.nanoTime();
        Process process = builder.start();
        if (!process.waitFor(10, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IOException("gave up after 10 minutes on: " + String.join(" ", command));
        }
        long elapsed = System.nanoTime() - start;
        if (process.exitValue() != 0) {
            throw new IOException("exit code " + process.exitValue() + " from: " + String.join(" ", command) + "\n"
                    + Files.readString(err));
        }
        return elapsed / 1e9;
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
