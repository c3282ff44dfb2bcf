package org.norrlab.cli;

import org.norrlab.bench.CommandTimer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Run once by {@code mvn package} (pom.xml, after the jar is made): records the class-data-sharing archives that
 * bin/norrlab's starts map their classes from, instead of finding, reading and verifying them in the jar. Each
 * archive is recorded by a JVM that runs its commands once and lists every class it loaded
 * ({@code -XX:DumpLoadedClassList}), from which a second JVM writes the archive ({@code -Xshare:dump}). There are two
 * kinds: target/norrlab.jsa, from all the short commands and a short simulated run, for every command without one
 * of its own; and one for each short command a user waits for at the prompt and for report, from that command alone
 * ({@link CommandTimer#ownArchiveName}: norrlab-sessions.jsa, norrlab-usage.jsa for --version and --help...). A
 * command's own archive starts it sooner: the JVM rewrites every pointer of the archive it maps before {@code main},
 * ~0.08 s for all the short commands' 34 MB on a 2-core machine against ~0.03–0.05 s for one command's 13–19 MB; and
 * report's holds the 1 100 classes of AWT, Swing and JFreeChart its charts load, which no other short command needs.
 * <p>In a temporary folder the first JVM makes a small simulated session (the run of norrlab.jsa's commands) that the
 * others list, show, analyze, export and report from copies of, and an import reads a CSV there; the folder is deleted at the
 * end. It also copies sqlite-jdbc's native library for this platform next to the archives, so that a start loads it
 * from there instead of extracting the same ~1 MB into the temporary folder every time.
 * <p>Arguments: the folder for the archives and the library (target/). Nothing printed by the commands is shown; a
 * command that fails only makes its archive smaller, and an archive that could not be written leaves its commands
 * to norrlab.jsa (or to no archive), so each is reported on stderr but does not fail the build.
 */
public final class ArchiveTraining {
    /** The library's file name in the folder: bin/norrlab looks for this name. */
    static final String SQLITE_LIBRARY = "sqlitejdbc.native";

    /** The archive of every short command, for the commands without one of their own. */
    static final String ALL_COMMANDS = "norrlab.jsa";

    /** The first argument of a JVM that runs one archive's commands (then the training folder, the archive's name). */
    private static final String TRAIN = "--train";

    private static final Duration CHILD_LIMIT = Duration.ofMinutes(5);

    /** One archive: its file name and the commands whose classes it holds. */
    record Archive(String fileName, List<List<String>> commands) {
        /** The list of classes its commands loaded, in {@code target}: NAME.classlist beside NAME.jsa. */
        Path classList(Path target) {
            return target.resolve(fileName.substring(0, fileName.length() - ".jsa".length()) + ".classlist");
        }
    }

    /** The files of a training folder the commands work on. */
    record Folder(Path root) {
        Path protocol() {
            return root.resolve("training.yaml");
        }

        Path home() {
            return root.resolve("home");
        }

        Path csv() {
            return root.resolve("training.csv");
        }

        /** The store norrlab.jsa's run writes, which every other archive's commands work on a copy of. */
        Path store() {
            return root.resolve("data").resolve("norrlab.db");
        }

        /** The folder of the JVM recording {@code fileName}: its data directory, store copy and export. */
        Path own(String fileName) {
            return root.resolve(fileName.equals(ALL_COMMANDS) ? "data" : fileName);
        }
    }

    private ArchiveTraining() {
    }

    /** The archives and their commands, norrlab.jsa first: its run makes the session the others use. */
    static List<Archive> archives(Folder folder) {
        String protocol = folder.protocol().toString();
        String home = folder.home().toString();
        String csv = folder.csv().toString();
        List<Archive> archives = new ArrayList<>();
        String db = folder.own(ALL_COMMANDS).resolve("norrlab.db").toString();
        String exported = folder.own(ALL_COMMANDS).resolve("export.csv").toString();
        // an import (a CSV of 600 rows: whole many-row INSERTs and a tail) and an export: their fixed start is most
        // of a small file's wait
        archives.add(new Archive(ALL_COMMANDS, List.of(List.of("--version"), List.of("--help"), List.of(),
                List.of("plan", protocol, "--home", home),
                List.of("run", protocol, "--speed", "max", "--no-progress", "--db", db, "--home", home),
                List.of("sessions", "--db", db, "--home", home), List.of("show", "1", "--db", db, "--home", home),
                List.of("analyze", "1", "--db", db, "--home", home),
                List.of("import", csv, "--db", db, "--home", home),
                List.of("export", "1", "--db", db, "-o", exported, "--force", "--home", home))));
        List<List<String>> alone = List.of(List.of("plan", protocol, "--home", home), List.of("sessions"), List.of("show", "1"),
                List.of("analyze", "1"), List.of("import", csv), List.of("export", "1"), List.of("report", "1"));
        archives.add(new Archive(CommandTimer.ownArchiveName("--version"), List.of(List.of("--version"), List.of("--help"),
                List.of())));
        for (List<String> command : alone) {
            String fileName = CommandTimer.ownArchiveName(command.get(0));
            Path own = folder.own(fileName);
            List<String> args = new ArrayList<>(command);
            if (!command.get(0).equals("plan")) {
                args.addAll(List.of("--db", own.resolve("norrlab.db").toString(), "--home", home));
            }
            if (command.get(0).equals("export")) {
                args.addAll(List.of("-o", own.resolve("export.csv").toString(), "--force"));
            }
            if (command.get(0).equals("report")) {
                args.addAll(List.of("-o", own.resolve("report").toString()));
            }
            archives.add(new Archive(fileName, List.of(List.copyOf(args))));
        }
        return List.copyOf(archives);
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        if (args.length == 3 && args[0].equals(TRAIN)) {
            System.exit(runCommands(new Folder(Path.of(args[1])), args[2]));
        }
        Path target = Path.of(args.length > 0 ? args[0] : "target").toAbsolutePath();
        // first: the recording JVMs load it from there, as bin/norrlab's starts do
        copySqliteLibrary(target.resolve(SQLITE_LIBRARY));
        Folder folder = new Folder(Files.createTempDirectory("norrlab-archive-training"));
        try {
            prepare(folder);
            List<Archive> archives = archives(folder);
            String classPath = System.getProperty("java.class.path");
            listClasses(archives.get(0), folder, target, classPath);
            // two at a time: each JVM is mostly one thread, and the build machine may have two cores
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                List<Future<?>> done = new ArrayList<>();
                done.add(pool.submit(() -> writeArchive(archives.get(0), target, classPath)));
                for (Archive archive : archives.subList(1, archives.size())) {
                    done.add(pool.submit(() -> {
                        copyStore(folder, archive.fileName());
                        if (listClasses(archive, folder, target, classPath)) {
                            writeArchive(archive, target, classPath);
                        }
                        return null;
                    }));
                }
                for (Future<?> each : done) {
                    each.get();
                }
            } catch (ExecutionException e) {
                throw new IOException("archive training failed: " + e.getCause(), e.getCause());
            } finally {
                pool.shutdownNow();
            }
        } finally {
            deleteTree(folder.root());
        }
        // A thread a command left behind must not keep the JVM waiting.
        System.exit(0);
    }

    /** The protocol, the CSV and the home the commands use. */
    private static void prepare(Folder folder) throws IOException {
        Files.createDirectories(folder.store().getParent());
        Files.writeString(folder.protocol(), "name: archive training\nsteps:\n"
                + "  - ca: {potential: -0.2 V vs RHE, duration: 20 s, interval: 1 s}\n"
                + "  - ca: {potential: -0.4 V vs RHE, duration: 20 s, interval: 1 s}\n");
        StringBuilder csv = new StringBuilder("time (s),current (A),potential (V)\n");
        for (int k = 0; k < 600; k++) {
            csv.append(k / 100.0).append(',').append(-1e-3 - k * 1e-9).append(',').append(-0.5).append('\n');
        }
        Files.writeString(folder.csv(), csv);
        trainingHome(Home.resolve(), folder.home());
    }

    private static void copyStore(Folder folder, String fileName) throws IOException {
        Path own = Files.createDirectories(folder.own(fileName));
        if (Files.isRegularFile(folder.store())) {
            Files.copy(folder.store(), own.resolve("norrlab.db"), StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /**
     * Runs {@code archive}'s commands in a JVM of their own that lists the classes it loads into
     * target/NAME.classlist, started as bin/norrlab starts a short command (client compiler, serial collector,
     * sqlite-jdbc's library from target/). A JVM that failed is reported; false only when it left no class list.
     */
    static boolean listClasses(Archive archive, Folder folder, Path target, String classPath)
            throws IOException, InterruptedException {
        Path classList = archive.classList(target);
        List<String> command = new ArrayList<>(List.of(java(), "-XX:DumpLoadedClassList=" + classList,
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Dnorrlab.home=" + Home.resolve(),
                "-Dnorrlab.data=" + folder.own(archive.fileName())));
        if (Files.isRegularFile(target.resolve(SQLITE_LIBRARY))) {
            command.addAll(List.of("-Dorg.sqlite.lib.path=" + target, "-Dorg.sqlite.lib.name=" + SQLITE_LIBRARY));
        }
        command.addAll(List.of("-cp", classPath, ArchiveTraining.class.getName(), TRAIN, folder.root().toString(),
                archive.fileName()));
        runChild(command, Path.of(classList + ".log"), "listing the classes of " + archive.fileName());
        // a command that failed listed fewer classes, which still make an archive
        return Files.isRegularFile(classList);
    }

    /** Writes target/NAME.jsa from the class list, its log in target/NAME.jsa.log; false when that failed. */
    static boolean writeArchive(Archive archive, Path target, String classPath) throws IOException, InterruptedException {
        List<String> command = List.of(java(), "-Xshare:dump", "-XX:SharedClassListFile=" + archive.classList(target),
                "-XX:SharedArchiveFile=" + target.resolve(archive.fileName()), "-cp", classPath);
        return runChild(command, target.resolve(archive.fileName() + ".log"), "writing " + archive.fileName());
    }

    private static boolean runChild(List<String> command, Path log, String what) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!process.waitFor(CHILD_LIMIT.toMinutes(), TimeUnit.MINUTES)) {
            process.destroyForcibly().waitFor();
            System.err.println("archive training: gave up " + what + " after " + CHILD_LIMIT.toMinutes() + " min; see " + log);
            return false;
        }
        if (process.exitValue() != 0) {
            System.err.println("archive training: " + what + " ended with exit code " + process.exitValue() + ":");
            System.err.println(Files.readString(log).strip());
            return false;
        }
        return true;
    }

    /**
     * In the recording JVM: runs the archive's commands as norrlab's starts run them ({@link Main#execute}), with
     * their output thrown away. A command that fails is reported and the rest still run; the exit code is 1 then.
     */
    private static int runCommands(Folder folder, String fileName) {
        PrintStream err = System.err;
        System.setOut(new PrintStream(OutputStream.nullOutputStream()));
        System.setErr(new PrintStream(OutputStream.nullOutputStream()));
        Archive archive = archives(folder).stream().filter(a -> a.fileName().equals(fileName)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no archive called " + fileName));
        int failed = 0;
        for (List<String> command : archive.commands()) {
            int code = Main.execute(command.toArray(String[]::new));
            if (code != 0) {
                err.println("archive training: norrlab " + String.join(" ", command) + " exited with " + code);
                failed++;
            }
        }
        return failed == 0 ? 0 : 1;
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /**
     * A home for the training's commands: the checkout's drivers and site file without its alerts block. A build must
     * never tell a lab's phones that a run finished (the training run is real to the alert code).
     */
    private static Path trainingHome(Path real, Path home) throws IOException {
        Path config = Files.createDirectories(home.resolve("config"));
        Path site = real.resolve("config/site.yaml");
        if (Files.isRegularFile(site)) {
            Files.writeString(config.resolve("site.yaml"), withoutTopLevelBlock(Files.readString(site), "alerts"));
        }
        Path drivers = real.resolve("drivers");
        try (Stream<Path> files = Files.walk(drivers)) {
            for (Path from : files.toList()) {
                Path to = home.resolve("drivers").resolve(drivers.relativize(from).toString());
                if (Files.isDirectory(from)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(from, to);
                }
            }
        }
        return home;
    }

    /**
     * The YAML text without the top-level block {@code key}: its line and every line after it that is indented, a
     * comment or blank, up to the next top-level key.
     */
    static String withoutTopLevelBlock(String yaml, String key) {
        StringBuilder kept = new StringBuilder();
        boolean inBlock = false;
        for (String line : yaml.split("\n", -1)) {
            boolean topLevel = !line.isEmpty() && !Character.isWhitespace(line.charAt(0)) && line.charAt(0) != '#';
            if (topLevel) {
                inBlock = line.startsWith(key + ":");
            }
            if (!inBlock) {
                kept.append(line).append('\n');
            }
        }
        return kept.substring(0, Math.max(0, kept.length() - 1));
    }

    /** sqlite-jdbc's library for this platform, from the jar, as it would extract it; nothing when there is none. */
    private static void copySqliteLibrary(Path destination) throws IOException {
        String platform = org.sqlite.util.OSInfo.getNativeLibFolderPathForCurrentOS();
        for (String name : List.of(System.mapLibraryName("sqlitejdbc"), "libsqlitejdbc.jnilib")) {
            try (InputStream in = ArchiveTraining.class.getResourceAsStream("/org/sqlite/native/" + platform + "/" + name)) {
                if (in != null) {
                    Files.copy(in, destination, StandardCopyOption.REPLACE_EXISTING);
                    return;
                }
            }
        }
        Files.deleteIfExists(destination);
        System.err.println("archive training: sqlite-jdbc has no native library for " + platform + " in the jar");
    }

    private static void deleteTree(Path folder) throws IOException {
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
