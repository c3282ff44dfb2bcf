package org.norrlab.testing;

import org.norrlab.cli.Main;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.spi.ToolProvider;

/** norrlab in a process of its own (this test's classpath), for tests about what a kill -9 leaves behind. */
public final class NorrlabProcess {
    private NorrlabProcess() {
    }

    /**
     * Starts {@code norrlab ARGS} with the shipped files as home, {@code data} as data directory and the
     * given system properties ({@code -Dname=value}); output and errors are merged.
     */
    public static Process start(Path data, List<String> properties, String... args) throws IOException {
        return new ProcessBuilder(command(data, properties, args)).redirectErrorStream(true).start();
    }

    /** The command line of {@link #start}, for a test that wants the errors apart from the output. */
    public static List<String> command(Path data, List<String> properties, String... args) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "-Dnorrlab.home=" + Fixtures.HOME, "-Dnorrlab.data=" + data));
        command.addAll(properties);
        command.add(Main.class.getName());
        command.addAll(List.of(args));
        return command;
    }

    /** What a user saw of one {@code norrlab ARGS}: its exit code and its two console streams, each whole. */
    public record Console(int exitCode, String out, String err) {
    }

    /**
     * The command bin/norrlab runs for {@code norrlab ARGS}. The launcher (src/main/launcher/norrlab, copied to bin/ by
     * {@code mvn package}) runs {@code java $NORRLAB_JAVA_OPTS -Dnorrlab.home=CHECKOUT -jar target/norrlab.jar ARGS}; that
     * jar does not exist yet when tests run, so its Main-Class is started from what the jar is made of: the main classes
     * and the dependencies, without the test classes (whose logback-test.xml the jar does not have either).
     * {@code javaOptions} stands for $NORRLAB_JAVA_OPTS.
     */
    public static List<String> launcherCommand(List<String> javaOptions, String... args) {
        return launcherCommand(String.join(File.pathSeparator, launcherClassPath()), javaOptions, args);
    }

    private static List<String> launcherCommand(String classPath, List<String> javaOptions, String... args) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(javaOptions);
        command.addAll(List.of("-Dnorrlab.home=" + Fixtures.HOME, "-cp", classPath, Main.class.getName()));
        command.addAll(List.of(args));
        return command;
    }

    private static List<String> launcherClassPath() {
        String testClasses = Path.of("target", "test-classes").toAbsolutePath().toString();
        return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> !Path.of(entry).toAbsolutePath().toString().equals(testClasses)).toList();
    }

    /** The launcher's command for many short processes: see {@link #fastLauncher}. */
    public record FastLauncher(String classPath, List<String> javaOptions) {
        /** {@code norrlab ARGS} with these options first, then {@code moreOptions} (a later -D wins). */
        public List<String> command(List<String> moreOptions, String... args) {
            List<String> options = new ArrayList<>(javaOptions);
            options.addAll(moreOptions);
            return launcherCommand(classPath, options, args);
        }
    }

    /**
     * The launcher's command made cheaper to start many times, with what a site could put in $NORRLAB_JAVA_OPTS:
     * the main classes packed into a jar in {@code folder} (as target/norrlab.jar has them; the JVM shares classes
     * only from jars), a class-data archive recorded by one {@code norrlab plan} of the demo protocol, the client
     * compiler only and the simplest collector. Together about a third less CPU per start; nothing printed changes
     * (the archive's own log is switched off, and an archive that could not be made is ignored silently).
     */
    public static FastLauncher fastLauncher(Path folder) throws IOException, InterruptedException {
        Path classes = Path.of("target", "classes").toAbsolutePath();
        Path jar = folder.resolve("norrlab-main.jar");
        ToolProvider packer = ToolProvider.findFirst("jar").orElseThrow();
        if (packer.run(System.out, System.err, "cf", jar.toString(), "-C", classes.toString(), ".") != 0) {
            throw new IOException("could not pack " + classes + " into " + jar);
        }
        String classPath = String.join(File.pathSeparator, launcherClassPath().stream()
                .map(entry -> Path.of(entry).toAbsolutePath().equals(classes) ? jar.toString() : entry).toList());
        Path archive = folder.resolve("norrlab.jsa");
        List<String> options = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xlog:cds=off", "-Xlog:cds+dynamic=off");
        List<String> recording = new ArrayList<>(options);
        recording.addAll(List.of("-XX:ArchiveClassesAtExit=" + archive, "-Dnorrlab.data=" + folder.resolve("data")));
        run(launcherCommand(classPath, recording, "plan", "protocols/demo-sweep.yaml"), Map.of(), folder, Duration.ofMinutes(2));
        List<String> sharing = new ArrayList<>(options);
        sharing.add("-XX:SharedArchiveFile=" + archive);
        return new FastLauncher(classPath, List.copyOf(sharing));
    }

    /**
     * Runs {@code command} from the checkout (relative paths such as protocols/demo-sweep.yaml work as they do for a
     * user there) with {@code environment} added, no input, and each stream written to a file of its own in
     * {@code folder}, so processes running side by side never mix their output. A process still running after
     * {@code timeout} is killed and reported with exit code -1.
     */
    public static Console run(List<String> command, Map<String, String> environment, Path folder, Duration timeout)
            throws IOException, InterruptedException {
        Path out = folder.resolve("stdout.txt");
        Path err = folder.resolve("stderr.txt");
        ProcessBuilder builder = new ProcessBuilder(command).directory(Fixtures.HOME.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile()).redirectInput(ProcessBuilder.Redirect.from(
                        Path.of("/dev/null").toFile()));
        builder.environment().putAll(environment);
        Process process = builder.start();
        int exitCode;
        if (process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            exitCode = process.exitValue();
        } else {
            process.destroyForcibly().waitFor();
            exitCode = -1;
        }
        // Bytes that are not UTF-8 (a process under LC_ALL=C) show as U+FFFD instead of failing the read.
        return new Console(exitCode, new String(Files.readAllBytes(out), StandardCharsets.UTF_8),
                new String(Files.readAllBytes(err), StandardCharsets.UTF_8));
    }

    /**
     * Sends {@code signal} (e.g. "TERM", "KILL") by pid and returns once it is sent: Process.destroy() would also
     * close our end of the process's output, which a test still reads.
     */
    public static void signal(Process process, String signal) throws IOException, InterruptedException {
        new ProcessBuilder("kill", "-" + signal, Long.toString(process.pid())).inheritIO().start().waitFor();
    }

    /** kill -9, as a crash or a power cut would end it; waits for the process to be gone. */
    public static void killNine(Process process) throws IOException, InterruptedException {
        signal(process, "KILL");
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("process " + process.pid() + " survived kill -9");
        }
    }
}
