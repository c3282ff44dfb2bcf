package org.norrlab.run;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.norrlab.config.SiteConfig;
import org.norrlab.driver.MeasurementEnd;
import org.norrlab.driver.Speed;
import org.norrlab.plan.PlannedStep;
import org.norrlab.report.SessionSummaries;
import org.norrlab.report.StepSummary;
import org.norrlab.scheduler.RunListener;
import org.norrlab.store.SessionStatus;
import org.norrlab.store.SessionStore;
import org.norrlab.store.StoredStep;
import org.norrlab.testing.Fixtures;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** An abort in the middle of a step keeps every sample, closes the step and the session, and leaves the cell off. */
class AbortTest {
    @TempDir
    Path temp;

    @Test
    void abortMidStepLeavesAConsistentSession() throws Exception {
        Path protocol = temp.resolve("long.yaml");
        Files.writeString(protocol, """
                steps:
                  - ca: {potential: -0.5 V vs RHE, duration: 1 h, interval: 100 ms}
                  - ca: {potential: -0.6 V vs RHE, duration: 1 h, interval: 100 ms}
                """);
        Path database = temp.resolve("abort.db");
        PreparedRun run = new RunService(SiteConfig.load(Fixtures.HOME))
                .prepare(RunRequest.simulated(protocol, new Speed(600)).withDatabase(database));
        CompletableFuture<MeasurementEnd> firstStepEnd = new CompletableFuture<>();
        CompletableFuture<RunOutcome> outcome = CompletableFuture.supplyAsync(() -> {
            try {
                return run.execute(new RunListener() {
                    @Override
                    public void stepEnded(PlannedStep step, MeasurementEnd end) {
                        firstStepEnd.complete(end);
                    }
                });
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        // Wait until a few hundred samples of step 1 are in, then abort as Ctrl-C would.
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (run.statistics().snapshot().samples() < 300 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        run.requestAbort("test abort");
        RunOutcome result = outcome.get(20, TimeUnit.SECONDS);

        assertThat(firstStepEnd.get(1, TimeUnit.SECONDS).outcome()).isEqualTo(MeasurementEnd.Outcome.ABORTED);
        assertThat(result.status()).isEqualTo(SessionStatus.ABORTED);
        assertThat(result.reason()).isEqualTo("test abort");
        assertThat(run.awaitFinished(java.time.Duration.ZERO)).isTrue();
        try (SessionStore store = SessionStore.open(database)) {
            assertThat(store.session(result.sessionId()).orElseThrow().status()).isEqualTo(SessionStatus.ABORTED);
            List<StoredStep> steps = store.steps(result.sessionId());
            assertThat(steps).hasSize(1);
            assertThat(steps.get(0).outcome()).contains("aborted");
            List<StepSummary> rows = SessionSummaries.of(store, result.sessionId());
            // Every sample the instrument delivered is stored, and the step record agrees.
            assertThat(rows.get(0).samples()).isGreaterThanOrEqualTo(300)
                    .isEqualTo(result.counters().samplesIn())
                    .isEqualTo(steps.get(0).sampleCount());
            assertThat(rows.get(0).samples()).isLessThan(36_000);
        }
    }

    @Test
    void theSimulatorCellIsOffAfterEveryWayOut() throws Exception {
        var cell = Fixtures.cellAtPh7();
        try (var sim = Fixtures.simulator("NiNC", 1, new Speed(100), cell)) {
            var sink = new org.norrlab.testing.CollectingSink();
            var measurement = sim.startChronoamperometry(new org.norrlab.driver.ChronoamperometryRequest(
                    cell.rheScale().toReference(-0.5), java.time.Duration.ofMillis(100), java.time.Duration.ofMinutes(10),
                    org.norrlab.core.CurrentRangeChoice.AUTO), sink);
            while (sink.samples.size() < 5) {
                Thread.sleep(5);
            }
            assertThat(sim.isCellOn()).isTrue();
            sim.abort();
            assertThat(measurement.awaitEnd(java.time.Duration.ofSeconds(2)).orElseThrow().outcome())
                    .isEqualTo(MeasurementEnd.Outcome.ABORTED);
            assertThat(sim.isCellOn()).isFalse();
        }
    }
}
