package org.norrlab.run;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.norrlab.core.StepOutcome;
import org.norrlab.config.SiteConfig;
import org.norrlab.core.CurrentRangeChoice;
import org.norrlab.core.Event;
import org.norrlab.core.ImpedancePoint;
import org.norrlab.core.Sample;
import org.norrlab.driver.ChronoamperometryRequest;
import org.norrlab.driver.MeasurementEnd;
import org.norrlab.driver.SampleSink;
import org.norrlab.driver.Speed;
import org.norrlab.plan.PlannedStep;
import org.norrlab.report.SessionSummaries;
import org.norrlab.report.StepSummary;
import org.norrlab.scheduler.RunListener;
import org.norrlab.scheduler.RunState;
import org.norrlab.store.SessionStatus;
import org.norrlab.store.SessionStore;
import org.norrlab.store.StoredStep;
import org.norrlab.testing.Fixtures;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
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
        List<RunState> states = new CopyOnWriteArrayList<>();
        CompletableFuture<RunOutcome> outcome = CompletableFuture.supplyAsync(() -> {
            try {
                return run.execute(new RunListener() {
                    @Override
                    public void stepEnded(PlannedStep step, MeasurementEnd end) {
                        firstStepEnd.complete(end);
                    }

                    @Override
                    public void stateChanged(RunState state) {
                        states.add(state);
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
        assertThat(states).as("ABORTING from the request on, while the step was stopped and the cell switched off")
                .containsExactly(RunState.RUNNING, RunState.ABORTING, RunState.ABORTED);

        assertThat(firstStepEnd.get(1, TimeUnit.SECONDS).outcome()).isEqualTo(MeasurementEnd.Outcome.ABORTED);
        assertThat(result.status()).isEqualTo(SessionStatus.ABORTED);
        assertThat(result.reason()).isEqualTo("test abort");
        assertThat(result.result().cellOffConfirmed()).as("the instrument confirmed the cell off").isTrue();
        assertThat(run.awaitFinished(java.time.Duration.ZERO)).isTrue();
        try (SessionStore store = SessionStore.open(database)) {
            assertThat(store.session(result.sessionId()).orElseThrow().status()).isEqualTo(SessionStatus.ABORTED);
            List<StoredStep> steps = store.steps(result.sessionId());
            assertThat(steps).hasSize(1);
            assertThat(steps.get(0).outcome()).contains(StepOutcome.ABORTED);
            List<StepSummary> rows = SessionSummaries.of(store, result.sessionId());
            // Every sample the instrument delivered is stored, and the step record agrees.
            assertThat(rows.get(0).samples()).isGreaterThanOrEqualTo(300)
                    .isEqualTo(result.counters().samplesIn())
                    .isEqualTo(steps.get(0).sampleCount());
            assertThat(rows.get(0).samples()).isLessThan(36_000);
        }
    }

    /** How a measurement on the simulator is made to end. */
    private enum WayOut { COMPLETED, FAILED, ABORTED, CLOSED }

    /**
     * The simulator's cell is on while it measures (seen by the measurement's own thread at every sample)
     * and off once the measurement has ended, whichever way it ended: not only after abort(), which
     * clears the cell's flag itself, but also after a step that ran to its end, one whose sink failed,
     * and a close in the middle of a step.
     */
    @Test
    void theSimulatorCellIsOffAfterEveryWayOut() throws Exception {
        for (WayOut way : WayOut.values()) {
            var cell = Fixtures.cellAtPh7();
            var sim = Fixtures.simulator("NiNC", 1, new Speed(100), cell);
            List<Boolean> onAtEachSample = new java.util.concurrent.CopyOnWriteArrayList<>();
            SampleSink sink = new SampleSink() {
                @Override
                public void sample(Sample sample) {
                    onAtEachSample.add(sim.isCellOn());
                    if (way == WayOut.FAILED && onAtEachSample.size() == 5) {
                        throw new IllegalStateException("the sink fails, as a full queue or a bug would");
                    }
                }

                @Override
                public void impedance(ImpedancePoint point) {
                }

                @Override
                public void event(Event event) {
                }
            };
            // 2 s (20 samples) to run to the end; an hour for the others, which end it early.
            Duration length = way == WayOut.COMPLETED ? Duration.ofSeconds(2) : Duration.ofHours(1);
            var measurement = sim.start(new ChronoamperometryRequest(cell.rheScale().toReference(-0.5),
                    Duration.ofMillis(100), length, CurrentRangeChoice.AUTO), sink);
            if (way == WayOut.ABORTED || way == WayOut.CLOSED) {
                while (onAtEachSample.size() < 5) {
                    Thread.sleep(5);
                }
                if (way == WayOut.ABORTED) {
                    sim.abort();
                } else {
                    sim.close();
                }
            }
            MeasurementEnd end = measurement.awaitEnd(Duration.ofSeconds(30)).orElseThrow();
            MeasurementEnd.Outcome expected = switch (way) {
                case COMPLETED -> MeasurementEnd.Outcome.COMPLETED;
                case FAILED -> MeasurementEnd.Outcome.FAILED;
                case ABORTED, CLOSED -> MeasurementEnd.Outcome.ABORTED;
            };
            assertThat(end.outcome()).as(way.name()).isEqualTo(expected);
            // The samples before the end (a sample in flight when abort() or close() came may arrive after it).
            assertThat(onAtEachSample).as(way + ": the cell at each sample").hasSizeGreaterThanOrEqualTo(5);
            assertThat(onAtEachSample.subList(0, 5)).as(way + ": the cell at each sample").containsOnly(true);
            assertThat(sim.isCellOn()).as(way + ": the cell after the end").isFalse();
            sim.close();
        }
    }
}
