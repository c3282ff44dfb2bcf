package org.norrlab.bench;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One whole process run with its peak resident memory: what a user's machine must have free for a command. Linux
 * keeps the high-water mark (VmHWM in /proc/PID/status), which only grows, so reading it every few milliseconds
 * until the process exits gives its peak up to the last few milliseconds.
 */
public final class WatchedProcess {
    /** Wall time, and the peak resident set in bytes or -1 where the system does not say (no /proc). */
    public record Run(double seconds, long peakRssBytes) {
    }

    private WatchedProcess() {
    }

    /**
     * Runs {@code command} in {@code workDir} with its output in {@code name}-stdout.txt and -stderr.txt there. A run
     * that exits other than with 0, or outlasts {@code giveUpAfter}, is an error that names the command and shows its
     * errors: the memory of a failing command would be meaningless.
     */
    public static Run run(List<String> command, Path workDir, String name, Duration giveUpAfter)
            throws IOException, InterruptedException {
        Path err = workDir.resolve(name + "-stderr.txt");
        ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile())
                .redirectOutput(workDir.resolve(name + "-stdout.txt").toFile()).redirectError(err.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        long start = System.nanoTime();
        Process process = builder.start();
        Path status = Path.of("/proc", Long.toString(process.pid()), "status");
        long peak = -1;
        while (!process.waitFor(5, TimeUnit.MILLISECONDS)) {
            peak = Math.max(peak, highWaterMark(status));
            if (System.nanoTime() - start > giveUpAfter.toNanos()) {
                process.destroyForcibly();
                throw new IOException("gave up after " + giveUpAfter.toMinutes() + " minutes on: " + String.join(" ", command));
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        if (process.exitValue() != 0) {
            throw new IOException("exit code " + process.exitValue() + " from: " + String.join(" ", command) + "\n"
                    + Files.readString(err));
        }
        return new Run(seconds, peak);
    }

    /** VmHWM in bytes, or -1 where there is no such file (not Linux) or the process has just exited. */
    private static long highWaterMark(Path status) {
        try (BufferedReader in = Files.newBufferedReader(status)) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("\\D", "")) * 1024;   // kB
                }
            }
        } catch (IOException | RuntimeException gone) {
            // the process ended between waitFor and the read, or there is no /proc: the readings before count
        }
        return -1;
    }
}
