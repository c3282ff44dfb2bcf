package org.norrlab.testing;

import org.norrlab.cli.Main;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

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
