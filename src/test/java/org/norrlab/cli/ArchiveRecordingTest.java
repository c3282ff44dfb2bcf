package org.norrlab.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.norrlab.Version;
import org.norrlab.testing.NorrlabProcess;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The build's recording of a command's own class-data archive (issue 23), end to end on this build's classes: the
 * usage archive's JVM lists what --version and --help load and nothing of the store, the JSON mapping or Logback's
 * configuration, a second JVM writes the archive, and a start of --version with it takes norrlab's classes from it
 * and prints what it prints without one.
 */
class ArchiveRecordingTest {
    @TempDir
    Path temp;

    @Test
    void theUsageArchiveHoldsWhatTheVersionAndTheUsageLoadAndIsUsedByAStart() throws Exception {
        NorrlabProcess.FastLauncher launcher = NorrlabProcess.fastLauncher(Files.createDirectories(temp.resolve("fast")));
        ArchiveTraining.Folder folder = new ArchiveTraining.Folder(Files.createDirectories(temp.resolve("training")));
        Path target = Files.createDirectories(temp.resolve("target"));
        ArchiveTraining.Archive usage = ArchiveTraining.archives(folder).stream()
                .filter(archive -> archive.fileName().equals("norrlab-usage.jsa")).findFirst().orElseThrow();

        assertThat(ArchiveTraining.listClasses(usage, folder, target, launcher.classPath())).isTrue();
        assertThat(Files.readString(target.resolve("norrlab-usage.classlist.log"))).isEmpty();
        List<String> classes = Files.readAllLines(target.resolve("norrlab-usage.classlist"));
        assertThat(classes).contains("org/norrlab/cli/Main", "org/norrlab/cli/Subcommands", "picocli/CommandLine")
                .noneMatch(line -> line.startsWith("org/sqlite/") || line.startsWith("com/fasterxml/jackson/databind/")
                        || line.startsWith("ch/qos/logback/core/joran/") || line.startsWith("org/norrlab/store/"));
        assertThat(ArchiveTraining.writeArchive(usage, target, launcher.classPath())).isTrue();
        Path archive = target.resolve("norrlab-usage.jsa");
        assertThat(archive).isRegularFile();

        Path log = temp.resolve("classes.txt");
        NorrlabProcess.Console console = NorrlabProcess.run(launcher.command(List.of("-XX:SharedArchiveFile=" + archive,
                "-Xshare:auto", "-Xlog:class+load=info:file=" + log), "--version"), Map.of(),
                Files.createDirectories(temp.resolve("run")), Duration.ofMinutes(1));
        assertThat(console.out()).isEqualTo("norrlab " + Version.current() + "\n");
        assertThat(console.err()).isEmpty();
        assertThat(Files.readAllLines(log)).anyMatch(line -> line.contains(" org.norrlab.cli.Main source: shared objects file"))
                .anyMatch(line -> line.contains(" picocli.CommandLine source: shared objects file"));
    }
}
