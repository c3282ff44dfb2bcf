package org.norrlab.cli;

import org.norrlab.logging.DeferredLogSetup;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Run once by {@code mvn package} (pom.xml, after the jar is made), in a JVM that lists every class it loaded
 * ({@code -XX:DumpLoadedClassList=target/norrlab.classlist}), from which a second JVM writes the class-data-sharing
 * archive target/norrlab.jsa: the short commands a user waits for at the prompt, each once, so that bin/norrlab's
 * starts map those classes from the archive instead of finding, reading and verifying them in the jar. In a temporary folder it makes a small
 * simulated session to run {@code sessions}, {@code show} and {@code analyze} on, then deletes the folder. It also
 * copies sqlite-jdbc's native library for this platform next to the archive, so that a start loads it from there
 * instead of extracting the same ~1 MB into the temporary folder every time.
 * <p>Arguments: the folder for the native library (target/). Nothing printed by the commands is shown; a command
 * that fails only makes the archive smaller, so it is reported but does not fail the build.
 */
public final class ArchiveTraining {
    /** The library's file name in the folder: bin/norrlab looks for this name. */
    static final String SQLITE_LIBRARY = "sqlitejdbc.native";

    private ArchiveTraining() {
    }

    public static void main(String[] args) throws IOException {
        Path target = Path.of(args.length > 0 ? args[0] : "target").toAbsolutePath();
        Path folder = Files.createTempDirectory("norrlab-archive-training");
        try {
            Path data = folder.resolve("data");
            System.setProperty("norrlab.data", data.toString());
            DeferredLogSetup.beforeConfiguring(new Main.LoggingPreparation(Home.resolve()), Main.logbackFile(Home.resolve()));
            Path protocol = Files.writeString(folder.resolve("training.yaml"), "name: archive training\nsteps:\n"
                    + "  - ca: {potential: -0.2 V vs RHE, duration: 20 s, interval: 1 s}\n"
                    + "  - ca: {potential: -0.4 V vs RHE, duration: 20 s, interval: 1 s}\n");
            String db = data.resolve("norrlab.db").toString();
            String home = trainingHome(Home.resolve(), folder.resolve("home")).toString();
            // an import (a CSV of 600 rows: whole many-row INSERTs and a tail) and an export: their fixed start is
            // most of a small file's wait
            StringBuilder csv = new StringBuilder("time (s),current (A),potential (V)\n");
            for (int k = 0; k < 600; k++) {
                csv.append(k / 100.0).append(',').append(-1e-3 - k * 1e-9).append(',').append(-0.5).append('\n');
            }
            Path imported = Files.writeString(folder.resolve("training.csv"), csv);
            String exported = folder.resolve("training-export.csv").toString();
            List<List<String>> commands = List.of(List.of("--version"), List.of("--help"), List.of(),
                    List.of("plan", protocol.toString(), "--home", home),
                    List.of("run", protocol.toString(), "--speed", "max", "--no-progress", "--db", db, "--home", home),
                    List.of("sessions", "--db", db, "--home", home), List.of("show", "1", "--db", db, "--home", home),
                    List.of("analyze", "1", "--db", db, "--home", home),
                    List.of("import", imported.toString(), "--db", db, "--home", home),
                    List.of("export", "1", "--db", db, "-o", exported, "--home", home));
            for (List<String> command : commands) {
                String[] array = command.toArray(String[]::new);
                picocli.CommandLine cli = Main.commandLine(array);
                cli.setOut(new PrintWriter(OutputStream.nullOutputStream()));
                cli.setErr(new PrintWriter(OutputStream.nullOutputStream()));
                int code = cli.execute(array);
                if (code != 0) {
                    System.err.println("archive training: norrlab " + String.join(" ", command) + " exited with " + code);
                }
            }
            copySqliteLibrary(target.resolve(SQLITE_LIBRARY));
        } finally {
            deleteTree(folder);
        }
        // A thread a command left behind must not keep the JVM, and so the archive written at its exit, waiting.
        System.exit(0);
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
