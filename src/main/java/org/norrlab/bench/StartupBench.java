package org.norrlab.bench;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * How long a user waits for the short commands, each a whole new process started the way bin/norrlab starts it
 * (CommandTimer): {@code --version}, {@code --help}, {@code sessions} of a small session store and {@code plan} of a
 * small protocol, against {@code java -version} of the same JVM timed in the same run, the floor no Java command can
 * go below. Issue 23's target is 0.35 s of wall time for each.
 */
public final class StartupBench {
    /** Issue 23: at most this many seconds from start to exit, JVM included. */
    public static final double TARGET_SECONDS = 0.35;

    /** One command's timing; {@code label} is what a user types after {@code norrlab}. */
    public record Row(String label, CommandTimer.Timing timing) {
    }

    /** Every command's row and the reference. */
    public record Result(List<Row> rows, CommandTimer.Timing javaVersion) {
        @Override
        public String toString() {
            StringBuilder text = new StringBuilder(String.format(Locale.ROOT, "java -version: %s%n", javaVersion));
            for (Row row : rows) {
                text.append(String.format(Locale.ROOT, "norrlab %s: %s%n", row.label(), row.timing()));
            }
            return text.toString().stripTrailing();
        }
    }

    private StartupBench() {
    }

    /**
     * Times each command {@code runs} times (after one untimed start) with {@code home} as norrlab's home; the store
     * and the protocol are made in {@code workDir} first by one untimed {@code norrlab run} of the simulator.
     */
    public static Result run(Path home, int runs, Path workDir) throws IOException, InterruptedException {
        Path folder = Files.createDirectories(workDir.resolve("startup")).toAbsolutePath(); // the commands run in it
        Path protocol = Files.writeString(folder.resolve("startup.yaml"), "name: start-up bench\nsteps:\n"
                + "  - ca: {potential: -0.2 V vs RHE, duration: 10 s, interval: 1 s}\n"
                + "  - ca: {potential: -0.4 V vs RHE, duration: 10 s, interval: 1 s}\n");
        Path db = BenchFiles.freshDatabase(folder.resolve("startup.db"));
        runOnce(CommandTimer.norrlab(home, "run", protocol.toString(), "--speed", "max", "--no-progress", "--db",
                db.toString()), folder);
        CommandTimer.Timing reference = CommandTimer.time(CommandTimer.javaVersion(), runs, folder);
        List<Row> rows = new ArrayList<>();
        for (List<String> args : List.of(List.of("--version"), List.of("--help"),
                List.of("sessions", "--db", db.toString()), List.of("plan", protocol.toString()))) {
            String label = args.get(0) + (args.size() > 1 && args.get(0).equals("sessions") ? " (1 session)"
                    : args.size() > 1 ? " (2 steps)" : "");
            rows.add(new Row(label, CommandTimer.time(CommandTimer.norrlab(home, args.toArray(String[]::new)), runs,
                    folder)));
        }
        return new Result(List.copyOf(rows), reference);
    }

    private static void runOnce(List<String> command, Path folder) throws IOException, InterruptedException {
        Path log = folder.resolve("prepare-output.txt");
        Process process = new ProcessBuilder(command).directory(folder.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IOException("gave up after 5 minutes on: " + String.join(" ", command));
        }
        if (process.exitValue() != 0) {
            throw new IOException("exit code " + process.exitValue() + " from: " + String.join(" ", command) + "\n"
                    + Files.readString(log));
        }
    }
}
