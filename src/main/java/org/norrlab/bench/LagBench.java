package org.norrlab.bench;

import org.norrlab.config.SiteConfig;
import org.norrlab.driver.Speed;
import org.norrlab.run.RunOutcome;
import org.norrlab.run.RunRequest;
import org.norrlab.run.RunService;
import org.norrlab.scheduler.RunListener;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Step-to-step lag of the scheduler on the simulator: many short CA steps; the lag is
 * the wall time from the end of one step's measurement to the start of the next (what the cell
 * spends between set points because of us).
 */
public final class LagBench {

    public record Result(int boundaries, double meanMillis, double p99Millis, double maxMillis) {
        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%d step boundaries: lag mean %.3f ms, p99 %.3f ms, max %.3f ms", boundaries,
                    meanMillis, p99Millis, maxMillis);
        }
    }

    private LagBench() {
    }

    /**
     * @param speed {@link Speed#MAX} also measures backpressure: the simulator fills the queue faster than
     *              the store empties it, and a step boundary waits for room in it. At a finite speed below
     *              the store's rate (as with every real instrument) the lag is the scheduler's own.
     */
    public static Result run(SiteConfig site, int steps, Speed speed, Path workDir) throws Exception {
        Files.createDirectories(workDir);
        Path protocol = workDir.resolve("lag.yaml");
        StringBuilder text = new StringBuilder("name: step lag benchmark\nsteps:\n");
        for (int i = 0; i < steps; i++) {
            text.append(String.format(Locale.ROOT, "  - ca: {potential: %.2f V vs RHE, duration: 2 s, interval: 10 ms}%n",
                    -0.4 - 0.3 * (i % 2)));
        }
        Files.writeString(protocol, text);
        Path db = BenchFiles.freshDatabase(workDir.resolve("lag.db"));
        RunOutcome outcome = new RunService(site).prepare(RunRequest.simulated(protocol, speed).withDatabase(db))
                .execute(RunListener.NONE);
        double[] lags = outcome.result().lagMillis().stream().mapToDouble(Double::doubleValue).sorted().toArray();
        if (lags.length == 0) {
            throw new IllegalStateException("the lag benchmark needs at least two steps");
        }
        return new Result(lags.length, java.util.Arrays.stream(lags).average().orElseThrow(),
                lags[(int) Math.min(lags.length - 1, Math.ceil(lags.length * 0.99) - 1)], lags[lags.length - 1]);
    }
}
