package org.norrlab.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.norrlab.Version;
import org.norrlab.bench.CommandTimer;
import org.norrlab.testing.Fixtures;
import org.norrlab.testing.NorrlabProcess;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The launcher's start-up options (issue 23): the class-data archive and sqlite-jdbc's library that mvn package
 * leaves in target/, used only when they are there, the client compiler for the short commands only, and a site's
 * NORRLAB_JAVA_OPTS after them all. Then the JVM side: the archive is used when it matches, and an archive that does
 * not (damaged, or made for another class path) changes nothing a user sees: same output, not a word on stderr.
 */
class LauncherArchiveTest {
    /** The stand-in jar's time: an hour ago, so that an archive written now is newer, as after a build. */
    private static final FileTime JAR_TIME = FileTime.fromMillis(System.currentTimeMillis() - 3_600_000);

    @TempDir
    Path temp;

    @Test
    void theLauncherAddsTheArchiveAndTheLibraryOnlyWhenTheyAreThere() throws Exception {
        Path checkout = checkout();
        List<String> bare = javaArguments(checkout, "sessions");
        assertThat(bare).noneMatch(arg -> arg.contains("SharedArchiveFile") || arg.contains("org.sqlite.lib"))
                .containsSubsequence("-XX:TieredStopAtLevel=1", "-Dnorrlab.home=" + checkout, "-jar",
                        checkout + "/target/norrlab.jar", "sessions");

        Files.writeString(checkout.resolve("target/norrlab.jsa"), "archive");
        Files.writeString(checkout.resolve("target/sqlitejdbc.native"), "library");
        // an archive older than the jar (a build that skipped recording them) is not given: the JVM would refuse it
        // and then use no archive at all, not even the JDK's own
        Files.setLastModifiedTime(checkout.resolve("target/norrlab.jsa"), FileTime.fromMillis(JAR_TIME.toMillis() - 1000));
        assertThat(javaArguments(checkout, "sessions")).noneMatch(arg -> arg.contains("SharedArchiveFile"))
                .contains("-Dorg.sqlite.lib.name=sqlitejdbc.native");
        Files.setLastModifiedTime(checkout.resolve("target/norrlab.jsa"), FileTime.fromMillis(JAR_TIME.toMillis() + 1000));
        List<String> built = javaArguments(checkout, "sessions");
        assertThat(built).containsSubsequence("-XX:SharedArchiveFile=" + checkout + "/target/norrlab.jsa", "-Xshare:auto",
                "-Xlog:cds=off", "-Xlog:cds+dynamic=off", "-Dorg.sqlite.lib.path=" + checkout + "/target",
                "-Dorg.sqlite.lib.name=sqlitejdbc.native", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=4", "-Dnorrlab.home=" + checkout, "-jar");

        // An import and an export run with the client compiler and the serial collector ...
        assertThat(javaArguments(checkout, "import", "")).contains("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");
        assertThat(javaArguments(checkout, "export", "")).contains("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");
        // ... unless the site chose its collector itself (a second collector option would stop the JVM)
        assertThat(javaArguments(checkout, "import", "-XX:+UseG1GC")).contains("-XX:TieredStopAtLevel=1")
                .doesNotContain("-XX:+UseSerialGC");
        assertThat(javaArguments(checkout, "export", "-XX:+UseG1GC")).doesNotContain("-XX:+UseSerialGC");
        assertThat(javaArguments(checkout, "sessions", "-XX:+UseG1GC")).contains("-XX:TieredStopAtLevel=1", "-XX:+UseG1GC")
                .doesNotContain("-XX:+UseSerialGC");
        // The other long commands keep the optimising compiler and the default collector.
        for (String command : List.of("run", "report", "replay", "bench")) {
            assertThat(javaArguments(checkout, command)).as(command).doesNotContain("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC")
                    .contains("-XX:SharedArchiveFile=" + checkout + "/target/norrlab.jsa");
        }
        // The benchmarks time each command as the launcher starts it (CommandTimer mirrors the launcher's case).
        for (String command : List.of("sessions", "show", "plan", "import", "export", "report", "run", "replay")) {
            List<String> launched = javaArguments(checkout, command, "");
            for (String option : List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC")) {
                assertThat(CommandTimer.launcherOptions(List.of(command)).contains(option))
                        .as(command + " " + option).isEqualTo(launched.contains(option));
            }
        }
        for (String command : List.of("--version", "--help", "plan", "show", "analyze")) {
            assertThat(javaArguments(checkout, command)).as(command).contains("-XX:TieredStopAtLevel=1");
        }
    }

    @Test
    void eachShortCommandStartsWithTheArchiveOfItsOwnClassesWhenThereIsOne() throws Exception {
        Path checkout = checkout();
        Path target = checkout.resolve("target");
        Path jar = target.resolve("norrlab.jar");
        Files.writeString(target.resolve("norrlab.jsa"), "archive");
        String all = "-XX:SharedArchiveFile=" + target.resolve("norrlab.jsa");
        // Before the build wrote any archive of a command's own (or a build that could not): norrlab.jsa for all.
        for (String command : List.of("sessions", "--version", "plan")) {
            assertThat(javaArguments(checkout, command)).as(command).contains(all);
        }

        // Every archive the build records, where the launcher and the benchmarks look for it.
        List<ArchiveTraining.Archive> archives = ArchiveTraining.archives(new ArchiveTraining.Folder(temp.resolve("training")));
        assertThat(archives.get(0).fileName()).isEqualTo(ArchiveTraining.ALL_COMMANDS);
        assertThat(archives.stream().map(ArchiveTraining.Archive::fileName).distinct()).hasSize(archives.size())
                .contains("norrlab-usage.jsa", "norrlab-sessions.jsa", "norrlab-plan.jsa", "norrlab-show.jsa",
                        "norrlab-analyze.jsa", "norrlab-import.jsa", "norrlab-export.jsa", "norrlab-report.jsa");
        for (ArchiveTraining.Archive archive : archives) {
            Files.writeString(target.resolve(archive.fileName()), "archive");
        }
        for (ArchiveTraining.Archive archive : archives.subList(1, archives.size())) {
            for (List<String> command : archive.commands()) {
                String name = command.isEmpty() ? "" : command.get(0);
                Path own = target.resolve(archive.fileName());
                assertThat(javaArguments(checkout, name)).as(name).contains("-XX:SharedArchiveFile=" + own).doesNotContain(all);
                assertThat(CommandTimer.archiveFor(jar, name)).as(name).isEqualTo(own);
            }
        }
        // an own archive older than the jar is passed over for norrlab.jsa, by both
        Path old = target.resolve("norrlab-plan.jsa");
        Files.setLastModifiedTime(old, FileTime.fromMillis(JAR_TIME.toMillis() - 1000));
        assertThat(javaArguments(checkout, "plan")).contains(all).doesNotContain("-XX:SharedArchiveFile=" + old);
        assertThat(CommandTimer.archiveFor(jar, "plan")).isEqualTo(target.resolve("norrlab.jsa"));
        for (String name : List.of("-V", "-h")) {
            assertThat(javaArguments(checkout, name)).contains("-XX:SharedArchiveFile=" + target.resolve("norrlab-usage.jsa"));
            assertThat(CommandTimer.archiveFor(jar, name)).isEqualTo(target.resolve("norrlab-usage.jsa"));
        }
        // A command without one, and arguments that name no command a file could be named after, take norrlab.jsa.
        Files.writeString(target.resolve("norrlab-.jsa"), "archive");
        for (String name : List.of("run", "replay", "../norrlab", "Sessions", "sessions2", "@args.txt")) {
            assertThat(javaArguments(checkout, name)).as(name).contains(all);
            assertThat(CommandTimer.archiveFor(jar, name)).as(name).isEqualTo(target.resolve("norrlab.jsa"));
        }
    }

    @Test
    void anArchiveIsUsedWhenItMatchesAndIgnoredSilentlyWhenItDoesNot() throws Exception {
        NorrlabProcess.FastLauncher recorded = NorrlabProcess.fastLauncher(Files.createDirectories(temp.resolve("fast")));
        String archive = recorded.javaOptions().stream().filter(o -> o.startsWith("-XX:SharedArchiveFile=")).findFirst()
                .orElseThrow().substring("-XX:SharedArchiveFile=".length());
        String expected = "norrlab " + Version.current() + "\n";

        // The same archive options as bin/norrlab's, the archive recorded for this class path: Main comes from it.
        Path log = temp.resolve("classes.txt");
        NorrlabProcess.Console shared = NorrlabProcess.run(recorded.command(List.of("-Xshare:auto",
                "-Xlog:class+load=info:file=" + log), "--version"), Map.of(), Files.createDirectories(temp.resolve("a")),
                Duration.ofMinutes(1));
        assertThat(shared.out()).isEqualTo(expected);
        assertThat(shared.err()).isEmpty();
        assertThat(Files.readAllLines(log)).anyMatch(line -> line.contains(" org.norrlab.cli.Main source: shared objects file"));

        // The same archive for another class path (this build's classes folder instead of the jar it was made with).
        List<String> otherClassPath = NorrlabProcess.launcherCommand(List.of("-XX:SharedArchiveFile=" + archive,
                "-Xshare:auto", "-Xlog:cds=off", "-Xlog:cds+dynamic=off"), "--version");
        assertSilentlyIgnored(otherClassPath, expected, "b");

        // A damaged archive (a build cut off while writing it).
        Path damaged = Files.write(temp.resolve("damaged.jsa"), new byte[] {1, 2, 3, 4, 5, 6, 7, 8});
        List<String> damagedArchive = recorded.command(List.of("-XX:SharedArchiveFile=" + damaged, "-Xshare:auto"),
                "--version");
        assertSilentlyIgnored(damagedArchive, expected, "c");
    }

    private void assertSilentlyIgnored(List<String> command, String expected, String folder) throws Exception {
        NorrlabProcess.Console console = NorrlabProcess.run(command, Map.of(), Files.createDirectories(temp.resolve(folder)),
                Duration.ofMinutes(1));
        assertThat(console.exitCode()).isZero();
        assertThat(console.out()).isEqualTo(expected);
        assertThat(console.err()).as(String.join(" ", command)).isEmpty();
    }

    /** A checkout with the shipped launcher script and an empty target/norrlab.jar (it only checks that it is there). */
    private Path checkout() throws Exception {
        Path checkout = temp.resolve("checkout");
        Path launcher = Files.createDirectories(checkout.resolve("bin")).resolve("norrlab");
        Files.copy(Fixtures.HOME.resolve("src/main/launcher/norrlab"), launcher);
        Path jar = Files.createFile(Files.createDirectories(checkout.resolve("target")).resolve("norrlab.jar"));
        // the archives this test writes are newer than the jar, as a build writes them
        Files.setLastModifiedTime(jar, JAR_TIME);
        return checkout.toRealPath();
    }

    /** The arguments the launcher gives java for {@code norrlab COMMAND}, from a stand-in java that writes them down. */
    private List<String> javaArguments(Path checkout, String command) throws Exception {
        return javaArguments(checkout, command, "-XX:TieredStopAtLevel=4");
    }

    private List<String> javaArguments(Path checkout, String command, String javaOptions) throws Exception {
        Path fakeBin = Files.createDirectories(temp.resolve("fake-bin"));
        Path arguments = temp.resolve("arguments.txt");
        Path java = fakeBin.resolve("java");
        Files.writeString(java, "#!/bin/sh\nfor a in \"$@\"; do printf '%s\\n' \"$a\"; done > '" + arguments + "'\n");
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
        ProcessBuilder builder = new ProcessBuilder(checkout.resolve("bin/norrlab").toString(), command)
                .redirectErrorStream(true);
        builder.environment().put("PATH", fakeBin + ":" + System.getenv("PATH"));
        builder.environment().put("NORRLAB_JAVA_OPTS", javaOptions);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor()).as(output).isZero();
        return new ArrayList<>(Files.readAllLines(arguments));
    }
}
